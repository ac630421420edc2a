import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { OrgKind } from '../../domain/orgs/kinds.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { generatePassword, hashPassword } from '../access/access.passwords.ts';
import type { DenominatorRow } from '../denominators/denominators.csv.ts';
import { createDenominatorsRepository } from '../denominators/denominators.repository.ts';
import { createOrgsRepository, type NewOrg } from '../orgs/orgs.repository.ts';
import { postProvinceCode, VSS_CENTRAL_CODE, vssProvinceCode } from '../orgs/orgs.seed.ts';
import { createSettingsRepository } from '../system/system.repository.ts';
import type { Progress } from '../units/units.import.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import { DEMO_DENOMINATORS } from './demo.denominators.ts';
import { createRandom, personName, phoneNumber, type Random } from './demo.random.ts';

/**
 * Demo organisations and people: grassroots VSS offices, post offices, commune post points and
 * other collection agents in every province, one login per role, and demo denominators. Everything
 * is flagged is_demo and written in one transaction, so a crash leaves nothing half-made.
 */
export interface DemoLogin {
  role: Role;
  username: string;
  unit: string;
}

export interface DemoResult {
  password: string;
  logins: DemoLogin[];
  orgUnits: number;
  users: number;
}

const COMMUNES_PER_GRASSROOTS = 10;
const COMMUNES_PER_POST_OFFICE = 8;
const AGENT_KINDS: OrgKind[] = ['commune_committee', 'womens_union', 'farmers_association', 'cooperative'];

/** "Phường Ba Đình" → "Ba Đình": the part people say. */
const placeName = (communeName: string) => communeName.replace(/^(Phường|Xã|Đặc khu)\s+/, '');

function agentOrgName(kind: OrgKind, commune: string): string {
  const place = placeName(commune);
  const prefix = commune.startsWith('Phường') ? 'phường' : 'xã';
  switch (kind) {
    case 'commune_committee':
      return `Ủy ban nhân dân ${prefix} ${place}`;
    case 'womens_union':
      return `Hội Liên hiệp Phụ nữ ${prefix} ${place}`;
    case 'farmers_association':
      return `Hội Nông dân ${prefix} ${place}`;
    default:
      return `Hợp tác xã dịch vụ nông nghiệp ${place}`;
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface PlannedOrg extends NewOrg {
  communes: string[];
  agentsToCreate: number;
}

/**
 * `onCreated` runs inside the transaction, before it commits: the demo logins are kept (written to
 * DATA_DIR) before anything marks the demo as loaded, so an interrupted first start never leaves
 * demo accounts whose password nobody was shown.
 */
export async function seedDemo(
  { db, clock, onCreated }: { db: Db; clock: Clock; onCreated?: (demo: DemoResult) => void },
  progress: Progress = () => {},
): Promise<DemoResult | null> {
  const settings = createSettingsRepository(db);
  if ((await settings.get<{ loaded: boolean }>('demo'))?.loaded) return null;

  const orgs = createOrgsRepository(db);
  const users = createUsersRepository(db);
  const random = createRandom(20220508);
  const password = generatePassword(12);
  const passwordHash = await hashPassword(password);

  const provinces = await db.selectFrom('province').select(['code', 'name']).orderBy('code').execute();
  const communes = await db
    .selectFrom('commune')
    .select(['code', 'name', 'province_code'])
    .orderBy('province_code')
    .orderBy('name_search')
    .execute();
  const byProvince = new Map<string, typeof communes>();
  for (const c of communes) byProvince.set(c.province_code, [...(byProvince.get(c.province_code) ?? []), c]);
  const provincial = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'path', 'province_code'])
    .where('kind', 'in', ['vss_province', 'post_province', 'vss_central'])
    .execute();
  const unitByCode = new Map(provincial.map((o) => [o.code, o]));

  return transact(db, auditContext(SYSTEM_ACTOR, clock), async (tx) => {
    const level1: PlannedOrg[] = [];
    for (const province of provinces) {
      const list = byProvince.get(province.code) ?? [];
      const vss = unitByCode.get(vssProvinceCode(province.code))!;
      const post = unitByCode.get(postProvinceCode(province.code))!;
      chunk(list, COMMUNES_PER_GRASSROOTS).forEach((group, i) => {
        level1.push({
          code: `${vss.code}-CS${String(i + 1).padStart(2, '0')}`,
          name: `Bảo hiểm xã hội cơ sở ${placeName(group[0]!.name)}`,
          kind: 'vss_grassroots',
          network: 'vss',
          parentId: vss.id,
          parentPath: vss.path,
          provinceCode: province.code,
          address: `Trụ sở ${group[0]!.name}, ${province.name}`,
          phone: phoneNumber(random),
          isDemo: true,
          communes: group.map((c) => c.code),
          agentsToCreate: 0,
        });
      });
      chunk(list, COMMUNES_PER_POST_OFFICE).forEach((group, i) => {
        level1.push({
          code: `${post.code}-BC${String(i + 1).padStart(2, '0')}`,
          name: `Bưu điện ${placeName(group[0]!.name)}`,
          kind: 'post_office',
          network: 'vnpost',
          parentId: post.id,
          parentPath: post.path,
          provinceCode: province.code,
          address: `${group[0]!.name}, ${province.name}`,
          phone: phoneNumber(random),
          isDemo: true,
          communes: group.map((c) => c.code),
          agentsToCreate: 0,
        });
      });
    }
    const level1Ids = await orgs.insertMany(tx, level1);
    progress('Đơn vị cơ sở', level1.length, level1.length);

    // Post points in every third commune of a post office, and two other agents per grassroots office.
    const nameOf = new Map(communes.map((c) => [c.code, c.name]));
    const level2: PlannedOrg[] = [];
    level1.forEach((parent, index) => {
      const id = level1Ids[index]!;
      const parentPath = `${parent.parentPath}${id}/`;
      if (parent.kind === 'post_office') {
        parent.communes
          .filter((_, i) => i % 3 === 0)
          .forEach((commune) => {
            level2.push({
              code: `${parent.code}-VHX-${commune}`,
              name: `Điểm Bưu điện – Văn hóa xã ${placeName(nameOf.get(commune)!)}`,
              kind: 'post_point',
              network: 'vnpost',
              parentId: id,
              parentPath,
              provinceCode: parent.provinceCode,
              isDemo: true,
              communes: [commune],
              agentsToCreate: 1,
            });
          });
      } else {
        const picks = [random.pick(parent.communes), random.pick(parent.communes)];
        picks.forEach((commune, i) => {
          const kind = random.pick(AGENT_KINDS);
          level2.push({
            code: `${parent.code}-DL${i + 1}-${commune}`,
            name: agentOrgName(kind, nameOf.get(commune)!),
            kind,
            network: 'agent',
            parentId: id,
            parentPath,
            provinceCode: parent.provinceCode,
            isDemo: true,
            communes: [commune],
            agentsToCreate: 1,
          });
        });
      }
    });
    // Two units of one commune may end up with the same code when picks repeat; keep the first.
    const uniqueLevel2 = [...new Map(level2.map((o) => [o.code, o])).values()];
    const level2Ids = await orgs.insertMany(tx, uniqueLevel2);
    progress('Điểm thu, đại lý', uniqueLevel2.length, uniqueLevel2.length);

    await orgs.addServiceAreas(tx, [
      ...level1.flatMap((o, i) =>
        o.communes.map((commune_code) => ({ org_unit_id: level1Ids[i]!, commune_code })),
      ),
      ...uniqueLevel2.flatMap((o, i) =>
        o.communes.map((commune_code) => ({ org_unit_id: level2Ids[i]!, commune_code })),
      ),
    ]);

    const people = uniqueLevel2.map((org, i) => agentUser(random, org, level2Ids[i]!));
    const hanoi = {
      vss: unitByCode.get(vssProvinceCode('01'))!,
      grassroots: level1Ids[level1.findIndex((o) => o.kind === 'vss_grassroots' && o.provinceCode === '01')]!,
      postOffice: level1Ids[level1.findIndex((o) => o.kind === 'post_office' && o.provinceCode === '01')]!,
    };
    const firstPoint = uniqueLevel2.findIndex(
      (o) => o.kind === 'post_point' && o.parentId === hanoi.postOffice,
    );
    const roleLogins: { role: Role; username: string; fullName: string; orgUnitId: number }[] = [
      {
        role: 'central_officer',
        username: 'demo.trunguong',
        fullName: 'Lê Minh Quang',
        orgUnitId: unitByCode.get(VSS_CENTRAL_CODE)!.id,
      },
      {
        role: 'provincial_officer',
        username: 'demo.tinh',
        fullName: 'Trần Thị Thu Hà',
        orgUnitId: hanoi.vss.id,
      },
      {
        role: 'grassroots_officer',
        username: 'demo.coso',
        fullName: 'Phạm Văn Dũng',
        orgUnitId: hanoi.grassroots,
      },
      {
        role: 'post_office_manager',
        username: 'demo.buucuc',
        fullName: 'Nguyễn Thị Lan',
        orgUnitId: hanoi.postOffice,
      },
      {
        role: 'collection_agent',
        username: 'demo.daily',
        fullName: 'Hoàng Văn Nam',
        orgUnitId: level2Ids[firstPoint]!,
      },
      { role: 'viewer', username: 'demo.xem', fullName: 'Đỗ Thị Mai', orgUnitId: hanoi.vss.id },
    ];
    const allUsers = [...roleLogins.map((u) => ({ ...u, phone: phoneNumber(random) })), ...people];
    // One hash for every demo account: hashing each would take minutes, and they share one password.
    await users.insertMany(
      tx,
      allUsers.map((u) => ({ ...u, passwordHash, isDemo: true })),
    );
    progress('Người dùng minh họa', allUsers.length, allUsers.length);

    const denominators = createDenominatorsRepository(db);
    await denominators.upsert(tx, DEMO_DENOMINATORS as DenominatorRow[], true);
    await tx
      .insertInto('commission_rate')
      .values([
        {
          product: 'vsi',
          rate: 0.04,
          valid_from: '2016-01-01',
          valid_to: null,
          basis: 'Tỷ lệ minh họa (demo)',
          is_demo: true,
        },
        {
          product: 'hhi',
          rate: 0.045,
          valid_from: '2016-01-01',
          valid_to: null,
          basis: 'Tỷ lệ minh họa (demo)',
          is_demo: true,
        },
      ])
      .execute();
    await createSettingsRepository(db).set(tx, 'demo', { loaded: true, at: clock.now().toISOString() });

    const unitName = new Map<number, string>([
      ...level1.map((o, i) => [level1Ids[i]!, o.name] as const),
      ...uniqueLevel2.map((o, i) => [level2Ids[i]!, o.name] as const),
      [unitByCode.get(VSS_CENTRAL_CODE)!.id, 'Bảo hiểm xã hội Việt Nam'],
      [hanoi.vss.id, 'Bảo hiểm xã hội Thành phố Hà Nội'],
    ]);
    const result: DemoResult = {
      password,
      logins: roleLogins.map((u) => ({
        role: u.role,
        username: u.username,
        unit: unitName.get(u.orgUnitId) ?? '',
      })),
      orgUnits: level1.length + uniqueLevel2.length,
      users: allUsers.length,
    };
    onCreated?.(result);
    return result;
  });
}

function agentUser(random: Random, org: PlannedOrg, orgUnitId: number) {
  const sex = random.next() < 0.6 ? 'F' : 'M';
  return {
    role: 'collection_agent' as Role,
    username: `dl.${org.code.toLowerCase().replace(/[^a-z0-9]+/g, '.')}`,
    fullName: personName(random, sex),
    orgUnitId,
    phone: phoneNumber(random),
  };
}
