import { type KyselyPlugin, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildOrgUnit } from '../../../test/factories.ts';
import { type Actor, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { createParticipantsRepository } from './participants.repository.ts';

// The typed-name search's three ways to the newest matches, on a small table with a small window
// and walk, as the national one has 10,000 and 40,000 rows among millions. A page asks for 20 and
// the count for 51 (the cap of 50, and one more to know there are more).
const t = setupTestDatabase();

beforeAll(async () => {
  const unit = await buildOrgUnit(t.db, { kind: 'vss_grassroots', province: '01' });
  const person = (n: number, name: string, ascii: string) => sql`
    select ${n}::int as n, ${name}::text as name, ${ascii}::text as ascii`;
  // Oldest first: two rare names, then 400 rows of Hoa and Đức in turn, with a Lan every 20th.
  await sql`
    with names as (
      ${person(1, 'Lê Hồng Vân', 'le hong van')} union all ${person(2, 'Lê Hồng Vân', 'le hong van')}
      union all select 2 + g, 'Trần Minh Sơn', 'tran minh son' from generate_series(1, 25) g
      union all select 27 + g,
             case when g % 20 = 0 then 'Võ Thị Lan' when g % 2 = 0 then 'Nguyễn Thị Hoa' else 'Phạm Văn Đức' end,
             case when g % 20 = 0 then 'vo thi lan' when g % 2 = 0 then 'nguyen thi hoa' else 'pham van duc' end
      from generate_series(1, 400) g)
    insert into participant (personal_id, full_name, name_search, birth_date, sex, commune_code, province_code,
                             categories, category_evidence, org_unit_id, created_at, updated_at)
    select lpad((800000000000 + n)::text, 12, '0'), name, ascii, '1980-01-01', 'F', ${unit.communes[0]!},
           '01', '{}', '{}', ${unit.id}, now(), now()
    from names order by n`.execute(t.db);
});

/** The search as the country sees it, and which way it found its answer. */
async function search(
  text: string,
  tuning: { window: number; maxWalk: number },
  actor: Actor = SYSTEM_ACTOR,
) {
  const queries: string[] = [];
  const spy: KyselyPlugin = {
    transformQuery: ({ node }) => {
      queries.push(JSON.stringify(node));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const repo = createParticipantsRepository(t.db.withPlugin(spy), tuning);
  const found = await repo.search(actor, { search: text, limit: 20, offset: 0 });
  return {
    ...found,
    names: found.items.map((p) => p.full_name),
    byIndex: queries.some((q) => q.includes('name_prefixes')),
    windows: queries.filter((q) => q.includes('"offset"')).length,
  };
}

describe('a name still being typed', () => {
  it('in its order, is where names begin: one range of the name index', async () => {
    const hoa = await search('nguyen thi h', { window: 30, maxWalk: 200 });
    expect(hoa).toMatchObject({ total: 50, capped: true, byIndex: false, windows: 0 });
    expect(hoa.names).toEqual(Array(20).fill('Nguyễn Thị Hoa'));
    expect(await search('le hong v', { window: 30, maxWalk: 200 })).toMatchObject({ total: 2, windows: 0 });
  });

  it('in another order, is found among the newest rows when common enough there', async () => {
    // The newest 120 rows hold 54 Hoa: enough for the page and the count.
    const hoa = await search('hoa ng thi', { window: 120, maxWalk: 400 });
    expect(hoa).toMatchObject({ total: 50, capped: true, byIndex: false, windows: 1 });
    expect(hoa.names).toEqual(Array(20).fill('Nguyễn Thị Hoa'));
  });

  it('is found further back when the window holds too few, and the density says walking is cheaper', async () => {
    // 13 Hoa in the newest 30: 51 of them need about 141 rows, within the walk of 200.
    const hoa = await search('hoa ng thi', { window: 30, maxWalk: 200 });
    expect(hoa).toMatchObject({ total: 50, capped: true, byIndex: false, windows: 2 });
    expect(hoa.names).toEqual(Array(20).fill('Nguyễn Thị Hoa'));
  });

  it('is found by the index when rare: nobody in the window, or too far back to walk', async () => {
    const van = await search('v le hong', { window: 30, maxWalk: 200 });
    expect(van).toMatchObject({ total: 2, capped: false, byIndex: true });
    expect(van.names).toEqual(['Lê Hồng Vân', 'Lê Hồng Vân']);
    // One or two Lan in every 30 rows: 51 of them would be a walk of over 700.
    const lan = await search('l vo th', { window: 30, maxWalk: 200 });
    expect(lan).toMatchObject({ total: 20, capped: false, byIndex: true });
  });

  it('is found in a province through its own part of the index, common or rare', async () => {
    const hanoi: Actor = { ...SYSTEM_ACTOR, role: 'provincial_officer', national: false, provinces: ['01'] };
    const hoa = await search('hoa ng thi', { window: 120, maxWalk: 400 }, hanoi);
    expect(hoa).toMatchObject({ total: 50, capped: true, byIndex: true, windows: 0 });
    const van = await search('hong v le', { window: 120, maxWalk: 400 }, hanoi);
    expect(van).toMatchObject({ total: 2, byIndex: true });
    const south: Actor = { ...hanoi, provinces: ['79'] };
    expect((await search('hong v le', { window: 120, maxWalk: 400 }, south)).total).toBe(0);
  });

  it('takes each word typed as the beginning of a word, in any order, the same whichever way', async () => {
    for (const tuning of [
      { window: 30, maxWalk: 200 },
      { window: 1_000, maxWalk: 1_000 },
    ]) {
      const son = await search('son tr m', tuning);
      expect(son).toMatchObject({ total: 25, capped: false, byIndex: tuning.window === 30 });
      expect(son.names).toEqual(Array(20).fill('Trần Minh Sơn'));
      expect((await search('tran minh x', tuning)).total).toBe(0);
    }
  });
});
