-- An activity entry may stand for several of its kind, as localities report them: "45 loudspeaker
-- broadcasts this week", "12 door-to-door groups reaching 2,300 people". The campaign KPIs sum it
-- (the 2022 report counts about 14,000 broadcasts and 6,600 groups). The activity table is small, and
-- a constant default adds the column without rewriting it.
alter table activity add column quantity int not null default 1 check (quantity between 1 and 100000);
