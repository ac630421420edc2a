import { randomBytes } from 'node:crypto';
import type { Db } from '../src/db/database.ts';
import { transact } from '../src/db/transaction.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { ORG_KINDS, type OrgKind } from '../src/domain/orgs/kinds.ts';
import { hashPassword } from '../src/modules/access/access.passwords.ts';
import { createOrgsRepository } from '../src/modules/orgs/orgs.repository.ts';
import { postProvinceCode, vssProvinceCode } from '../src/modules/orgs/orgs.seed.ts';
import { createUsersRepository } from '../src/modules/users/users.repository.ts';

/** Data builders with overrides. Each call makes new rows; tests never share mutable fixtures. */
const unique = () => randomBytes(3).toString('hex');
const SYSTEM = { userId: null, username: 'test', orgUnitId: null, at: new Date('2026-01-01T00:00:00Z') };

/** The provincial unit seeded in the template: 'BHXH-01' (VSS Hà Nội) or 'BD-79' (post HCMC). */
export async function provincialUnit(db: Db, province: string, network: 'vss' | 'vnpost' = 'vss') {
  const code = network === 'vss' ? vssProvinceCode(province) : postProvinceCode(province);
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
}

export async function buildOrgUnit(
  db: Db,
  overrides: {
    kind?: OrgKind;
    parentId?: number;
    province?: string;
    communes?: string[];
    name?: string;
  } = {},
) {
  const kind = overrides.kind ?? 'vss_grassroots';
  const parent = overrides.parentId
    ? await db
        .selectFrom('org_unit')
        .selectAll()
        .where('id', '=', overrides.parentId)
        .executeTakeFirstOrThrow()
    : await provincialUnit(
        db,
        overrides.province ?? '01',
        ORG_KINDS[kind].network === 'vnpost' ? 'vnpost' : 'vss',
      );
  const communes =
    overrides.communes ??
    (
      await db
        .selectFrom('commune')
        .select('code')
        .where('province_code', '=', parent.province_code ?? '01')
        .orderBy('code')
        .limit(3)
        .execute()
    ).map((c) => c.code);
  const repo = createOrgsRepository(db);
  const id = await transact(db, SYSTEM, async (tx) => {
    const newId = await repo.insert(tx, {
      code: `T-${kind}-${unique()}`,
      name: overrides.name ?? `Đơn vị thử ${unique()}`,
      kind,
      network: ORG_KINDS[kind].network,
      parentId: parent.id,
      parentPath: parent.path,
      provinceCode: parent.province_code,
    });
    await repo.addCommunes(tx, newId, communes);
    return newId;
  });
  return {
    ...(await db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow()),
    communes,
  };
}

const hashes = new Map<string, Promise<string>>();
/** Hashing is slow on purpose; tests reuse the hash of a password they already used. */
function hashOnce(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

export async function buildUser(
  db: Db,
  overrides: {
    role?: Role;
    orgUnitId?: number;
    province?: string;
    username?: string;
    password?: string;
    fullName?: string;
  } = {},
) {
  const password = overrides.password ?? 'mat-khau-thu-nghiem';
  const orgUnitId = overrides.orgUnitId ?? (await provincialUnit(db, overrides.province ?? '01')).id;
  const username = overrides.username ?? `user_${unique()}`;
  const passwordHash = await hashOnce(password);
  const id = await transact(db, SYSTEM, (tx) =>
    createUsersRepository(db).insert(tx, {
      username,
      fullName: overrides.fullName ?? 'Nguyễn Văn Thử',
      role: overrides.role ?? 'provincial_officer',
      orgUnitId,
      passwordHash,
    }),
  );
  return { id, username, password, orgUnitId };
}

let serial = 0;
/** A valid 12-digit personal ID for a birth date and sex: PPP G YY RRRRRR (RULES.md §8). */
export function personalIdFor({
  birthDate,
  sex,
  province = '001',
}: {
  birthDate: string;
  sex: 'M' | 'F';
  province?: string;
}) {
  const year = Number(birthDate.slice(0, 4));
  const century = year >= 2000 ? 2 : 0;
  const g = century + (sex === 'F' ? 1 : 0);
  serial = (serial + 1) % 1_000_000;
  const random = (Number.parseInt(randomBytes(3).toString('hex'), 16) + serial) % 1_000_000;
  return `${province}${g}${String(year).slice(2)}${String(random).padStart(6, '0')}`;
}

/** A collection agent at a commune post point of a post office in a province, with its communes. */
export async function buildAgent(db: Db, overrides: { province?: string; role?: Role } = {}) {
  const office = await buildOrgUnit(db, { kind: 'post_office', province: overrides.province ?? '01' });
  const point = await buildOrgUnit(db, {
    kind: 'post_point',
    parentId: office.id,
    communes: office.communes.slice(0, 2),
  });
  const user = await buildUser(db, { role: overrides.role ?? 'collection_agent', orgUnitId: point.id });
  return { ...user, office, point, communes: point.communes };
}

export function enrollBody(overrides: Record<string, unknown> & { communeCode: string }) {
  const birthDate = (overrides.birthDate as string) ?? '1985-06-15';
  const sex = (overrides.sex as 'M' | 'F') ?? 'F';
  return {
    personalId: personalIdFor({ birthDate, sex }),
    fullName: 'Nguyễn Thị Hoa',
    birthDate,
    sex,
    phone: '0912345678',
    categories: ['near_poor'],
    monthlyIncome: 1_500_000,
    paymentMode: 'monthly',
    startMonth: '2026-03',
    contactConsent: true,
    declarations: { notCompulsory: true, noPension: true },
    ...overrides,
  };
}

/** A campaign (national), under way from `startsOn` to `endsOn` for the products given. */
export async function buildCampaign(
  db: Db,
  overrides: { name?: string; startsOn?: string; endsOn?: string; products?: ('vsi' | 'hhi')[] } = {},
) {
  const row = await db
    .insertInto('campaign')
    .values({
      name: overrides.name ?? `Chiến dịch thử ${unique()}`,
      theme: 'An sinh cho mọi người',
      starts_on: overrides.startsOn ?? '2026-03-01',
      ends_on: overrides.endsOn ?? '2026-03-31',
      products: overrides.products ?? ['vsi', 'hhi'],
      organisers: ['BHXH Việt Nam'],
      legal_basis: null,
      description: null,
      launch_at: null,
      created_by: null,
      created_at: SYSTEM.at,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), name: row.name };
}

/** An event (activity) of a campaign, held by a unit in its province. */
export async function buildEvent(
  db: Db,
  overrides: { campaignId: number; orgUnitId: number; province: string; title?: string },
) {
  const row = await db
    .insertInto('activity')
    .values({
      campaign_id: overrides.campaignId,
      org_unit_id: overrides.orgUnitId,
      province_code: overrides.province,
      kind: 'conference',
      on_date: '2026-03-02',
      title: overrides.title ?? `Hội nghị tư vấn ${unique()}`,
      created_at: SYSTEM.at,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), title: row.title };
}

/** One province's denominator row as of a day: labour force, compulsory and other voluntary cover. */
export function denominatorRow(
  province_code: string,
  as_of: string,
  labour: number,
  compulsory: number,
  outside: number,
) {
  return {
    province_code,
    as_of,
    labour_force: labour,
    compulsory_participants: compulsory,
    voluntary_outside: outside,
    source: 'Số liệu thử',
  };
}
