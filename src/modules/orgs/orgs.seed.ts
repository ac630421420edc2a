import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { transact } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditContext, SYSTEM_ACTOR } from '../access/access.actor.ts';
import { createOrgsRepository } from './orgs.repository.ts';

export const VSS_CENTRAL_CODE = 'BHXH-VN';
export const POST_CENTRAL_CODE = 'BDVN';
export const vssProvinceCode = (province: string) => `BHXH-${province}`;
export const postProvinceCode = (province: string) => `BD-${province}`;

/** "Thành phố Hà Nội" keeps its title; "Cao Bằng" becomes "tỉnh Cao Bằng". */
function provinceTitle(name: string, kind: string): string {
  return kind.startsWith('Thành phố') || name.startsWith('Thành phố') ? name : `tỉnh ${name}`;
}

/**
 * The organisations every installation has: VSS central with its 34 provincial offices, and
 * Vietnam Post with its 34 provincial posts, each serving every commune of its province.
 * Safe to run again: units that exist are left alone.
 */
export async function seedBaseOrgs(db: Db, clock: Clock): Promise<{ created: number }> {
  const repo = createOrgsRepository(db);
  const provinces = await db
    .selectFrom('province')
    .select(['code', 'name', 'kind'])
    .orderBy('code')
    .execute();
  let created = 0;

  await transact(db, auditContext(SYSTEM_ACTOR, clock), async (tx) => {
    const ensure = async (spec: Parameters<typeof repo.insert>[1]) => {
      const existing = await repo.findByCode(spec.code, tx);
      if (existing) return existing;
      const id = await repo.insert(tx, spec);
      created++;
      if (spec.provinceCode) {
        // A provincial unit serves its whole province.
        await sql`insert into org_unit_commune (org_unit_id, commune_code)
                  select ${id}, code from commune where province_code = ${spec.provinceCode}
                  on conflict do nothing`.execute(tx);
      }
      return { id, name: spec.name, path: `${spec.parentPath}${id}/` };
    };

    const vss = await ensure({
      code: VSS_CENTRAL_CODE,
      name: 'Bảo hiểm xã hội Việt Nam',
      kind: 'vss_central',
      network: 'vss',
      parentId: null,
      parentPath: '/',
      provinceCode: null,
      address: '7 Tràng Thi, Hoàn Kiếm, Hà Nội',
    });
    const post = await ensure({
      code: POST_CENTRAL_CODE,
      name: 'Tổng công ty Bưu điện Việt Nam',
      kind: 'post_central',
      network: 'vnpost',
      parentId: null,
      parentPath: '/',
      provinceCode: null,
      address: '5 Phạm Hùng, Cầu Giấy, Hà Nội',
    });
    for (const p of provinces) {
      const title = provinceTitle(p.name, p.kind);
      await ensure({
        code: vssProvinceCode(p.code),
        name: `Bảo hiểm xã hội ${title}`,
        kind: 'vss_province',
        network: 'vss',
        parentId: vss.id,
        parentPath: vss.path,
        provinceCode: p.code,
      });
      await ensure({
        code: postProvinceCode(p.code),
        name: `Bưu điện ${title}`,
        kind: 'post_province',
        network: 'vnpost',
        parentId: post.id,
        parentPath: post.path,
        provinceCode: p.code,
      });
    }
  });
  return { created };
}
