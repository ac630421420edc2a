import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../test/db/test-db.ts';

const t = setupTestDatabase();

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/diemtua.js', ...args], {
    env: { ...process.env, DATABASE_URL: t.url, FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the diemtua command', () => {
  it('lists its commands', () => {
    const { code, out } = cli(['--help']);
    expect(code).toBe(0);
    for (const command of [
      'diemtua start',
      'diemtua db migrate',
      'diemtua user create --username <username> --role <role> --unit <code>',
      'diemtua user reset-password --username <username>',
      'diemtua units import',
      'diemtua denominators import <file>',
      'diemtua audit verify',
    ])
      expect(out).toContain(command);
    const user = cli(['user', '--help']);
    expect(user.out).toContain('create');
    expect(user.out).toContain('reset-password');
  });

  it('migrates, creates a user and resets their password', async () => {
    expect(cli(['db', 'migrate']).out).toContain('phiên bản mới nhất');
    const created = cli([
      'user',
      'create',
      '--username',
      'canbo.hue',
      '--password',
      'mat-khau-du-dai',
      '--role',
      'provincial_officer',
      '--unit',
      'BHXH-46',
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toContain(
      'Đã tạo người dùng canbo.hue (provincial_officer) tại Bảo hiểm xã hội Thành phố Huế',
    );
    const row = await t.db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'canbo.hue')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);

    const reset = cli(['user', 'reset-password', '--username', 'canbo.hue']);
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/Mật khẩu mới: [A-Za-z0-9]{14}/);
  });

  it('explains bad input in Vietnamese and exits 2', () => {
    const badRole = cli(['user', 'create', '--username', 'x1', '--role', 'boss', '--unit', 'BHXH-01']);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('Vai trò "boss" không tồn tại');
    const badUnit = cli(['user', 'create', '--username', 'x1', '--role', 'viewer', '--unit', 'KHONG-CO']);
    expect(badUnit.code).toBe(2);
    expect(badUnit.err).toContain('Không có đơn vị tổ chức mã "KHONG-CO"');
  });

  it('imports denominators from a CSV file, or nothing when a row is bad', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-csv-'));
    const good = path.join(dir, 'good.csv');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      good,
      'province_code,as_of,labour_force,compulsory_participants\n46,2022-03-31,650000,180000\n',
    );
    fs.writeFileSync(
      bad,
      'province_code,as_of,labour_force,compulsory_participants\n46,2023-03-31,650000,180000\n99,2023-03-31,1,1\n',
    );
    expect(cli(['denominators', 'import', good]).out).toContain('Đã nhập 1 dòng mẫu số.');
    const failed = cli(['denominators', 'import', bad]);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain('Dòng 3, cột province_code');
    const rows = await t.db
      .selectFrom('denominator')
      .select('as_of')
      .where('province_code', '=', '46')
      .execute();
    expect(rows.map((r) => r.as_of)).toEqual(['2022-03-31']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('re-imports units with a summary and verifies the audit chain', () => {
    const units = cli(['units', 'import']);
    expect(units.code).toBe(0);
    expect(units.out).toContain('Đã nhập 34 tỉnh, 3321 xã');
    const audit = cli(['audit', 'verify']);
    expect(audit.code).toBe(0);
    expect(audit.out).toMatch(/Nhật ký toàn vẹn: đã kiểm tra \d+ dòng\./);
  });
});
