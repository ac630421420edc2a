-- A name still being typed ("nguyen thi h"): each word typed begins a word of the name. The words'
-- index (0005) knows whole words only, and the trigrams of "nguyen thi" are the commonest there are.
-- This index holds every beginning of every word ('n', 'ng', … 'nguyen'), after the province
-- (btree_gin), so a province's officer reads only the province's entries: 53 MB at 3 million people.
-- Nationally the search walks the newest rows first and comes here only for a rare combination (see
-- participants.repository.ts), so the array is never computed row by row.
create extension if not exists btree_gin;

create function name_prefixes(name text) returns text[]
  language sql immutable parallel safe
  return (select coalesce(array_agg(distinct left(w, n)), '{}')
          from unnest(string_to_array(name, ' ')) as w, generate_series(1, length(w)) as n);

create index participant_name_prefixes_idx on participant using gin (province_code, name_prefixes(name_search));

-- Most people type a name in its order: "nguyen van tha" is where the name begins. A btree answers
-- that as one range, however common its words (7 ms for "nguyen van tha" at 3 million people,
-- against 130 ms through the word-beginnings).
create index participant_name_order_idx on participant (name_search text_pattern_ops);
