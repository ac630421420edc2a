-- The dashboard below a province: one commune, or the communes a unit serves, over a campaign's
-- days. Led by the campaign and the commune, the index finds those rows without reading the rest
-- of the country (the primary key is led by the day, the other index by the province).
create index stat_commune_day_commune_idx on stat_commune_day (campaign_id, commune_code, day);

-- An agent's rank among the agents of their province reads only that province's agents.
create index stat_agent_province_idx on stat_agent (campaign_id, province_code);
