import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/db/test-db.ts';
import { buildAgent, enrollBody } from '../../../test/factories.ts';
import { buildApp, login, type Session } from '../../../test/http.ts';
import type { App } from '../../server/app.ts';

const t = setupTestDatabase();
let app: App;
let session: Session;
let number: string;
const has = (command: string) => spawnSync('which', [command]).status === 0;
// CI installs poppler and tesseract (.ci/run): there the image check must run, not skip.
const canRender = has('pdftotext') && has('pdftoppm') && has('tesseract');
if (process.env.CI && !canRender)
  throw new Error('CI needs poppler-utils, tesseract-ocr and tesseract-ocr-vie');

beforeAll(async () => {
  app = await buildApp(t.db);
  const agent = await buildAgent(t.db, { province: '66' });
  session = await login(app, agent.username, agent.password);
  const person = await app.inject({
    method: 'POST',
    url: '/api/v1/participants',
    headers: session.headers,
    payload: enrollBody({
      communeCode: agent.communes[0]!,
      fullName: 'Nguyễn Thị Ánh Tuyết',
      categories: ['ethnic_minority'],
    }),
  });
  const paid = await app.inject({
    method: 'POST',
    url: `/api/v1/participants/${person.json().id}/payments`,
    headers: session.headers,
    payload: { mode: 'quarterly', method: 'cash', amount: 3 * 231_000 },
  });
  expect(paid.statusCode).toBe(201);
  number = paid.json().receipt.number;
});
afterAll(() => app.close());

describe('the receipt', () => {
  it('as JSON: amounts, covered months, masked ID, and a VietQR code for the next period', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/receipts/${number}`,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    const r = response.json();
    expect(r).toMatchObject({
      number,
      product: 'vsi',
      coveredFrom: '2026-03',
      coveredTo: '2026-05',
      months: 3,
      total: 693_000,
    });
    expect(r.participant.maskedId).toMatch(/^001\*{6}\d{3}$/);
    expect(r.lines.reduce((sum: number, l: { amount: number }) => sum + l.amount, 0)).toBe(693_000);
    expect(r.nextDue).toMatchObject({ month: '2026-06', dueDate: '2026-08-31', amount: 693_000 });
    expect(r.nextDue.qrPayload).toMatch(/^000201/);
    // The transfer text names the enrollment, never the personal ID that bank statements would show.
    const { personal_id } = await t.db
      .selectFrom('participant')
      .select('personal_id')
      .where('full_name', '=', 'Nguyễn Thị Ánh Tuyết')
      .executeTakeFirstOrThrow();
    expect(r.nextDue.qrPayload).not.toContain(personal_id);
    expect(r.nextDue.qrPayload).toMatch(/BHXHTN DK\d+ 202606/);
  });

  it('as a phone page', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/receipts/${number}.html`,
      headers: session.headers,
    });
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('Nguyễn Thị Ánh Tuyết');
    expect(response.body).toContain('Sáu trăm chín mươi ba nghìn đồng');
  });

  it.skipIf(!canRender)(
    'as a PDF whose Vietnamese text survives, rendered to an image and read back',
    async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/receipts/${number}.pdf`,
        headers: session.headers,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diemtua-receipt-'));
      const pdf = path.join(dir, `${number}.pdf`);
      fs.writeFileSync(pdf, response.rawPayload);
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Nguyễn Thị Ánh Tuyết');
      expect(text).toContain('Biên lai thu tiền');
      expect(text).toContain('Sáu trăm chín mươi ba nghìn đồng');
      // The fonts are embedded (Be Vietnam Pro), not substituted by the reader.
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
      expect(fonts).toMatch(/BeVietnamPro-Regular\s+CID TrueType\s+Identity-H\s+yes/);
      // The page as pixels, read back by OCR in Vietnamese: the diacritics are drawn, not just encoded.
      const image = spawnSync('pdftoppm', ['-png', '-r', '200', '-singlefile', pdf, path.join(dir, 'page')]);
      expect(image.status).toBe(0);
      const ocr = spawnSync('tesseract', [path.join(dir, 'page.png'), '-', '-l', 'vie'], {
        encoding: 'utf8',
      });
      expect(ocr.status).toBe(0);
      for (const words of [
        'Biên lai thu tiền',
        'Nguyễn Thị Ánh Tuyết',
        'Sáu trăm chín mươi ba nghìn đồng',
        'Nhà nước hỗ trợ',
      ]) {
        expect(ocr.stdout).toContain(words);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );

  it('links a reminder to a public page with the amount and a VietQR code, without the personal ID', async () => {
    await t.db.updateTable('participant').set({ contact_consent: true }).execute();
    await app.services.jobs.queueReminders('2026-08-16');
    const reminder = await t.db
      .selectFrom('reminder')
      .selectAll()
      .where('channel', '=', 'sms')
      .executeTakeFirstOrThrow();
    expect(reminder.body).toContain(`/api/v1/pay/${reminder.token}`);
    const page = await app.inject({ method: 'GET', url: `/api/v1/pay/${reminder.token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('693.000 đ');
    expect(page.body).toContain('31/08/2026');
    expect(page.body).toContain('<svg');
    const { personal_id } = await t.db
      .selectFrom('participant')
      .select('personal_id')
      .where('id', '=', reminder.participant_id)
      .executeTakeFirstOrThrow();
    expect(page.body).not.toContain(personal_id);
    expect((await app.inject({ method: 'GET', url: '/api/v1/pay/khong-co-token-nay' })).statusCode).toBe(404);
  });

  it('shares a link the citizen opens without an account, and refuses a forged one', async () => {
    const r = (
      await app.inject({ method: 'GET', url: `/api/v1/receipts/${number}`, headers: session.headers })
    ).json();
    const shared = await app.inject({ method: 'GET', url: r.share.html });
    expect(shared.statusCode).toBe(200);
    expect(shared.body).toContain('Nguyễn Thị Ánh Tuyết');
    expect((await app.inject({ method: 'GET', url: r.share.pdf })).headers['content-type']).toBe(
      'application/pdf',
    );
    const forged = r.share.html.replace(/\/([A-Za-z0-9_-]{24})\.html$/, '/AAAAAAAAAAAAAAAAAAAAAAAA.html');
    expect((await app.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
  });

  it('404 for an unknown number', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/receipts/BL-00999999',
      headers: session.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe(
      'Không tìm thấy biên lai BL-00999999, hoặc biên lai nằm ngoài địa bàn của bạn.',
    );
  });
});
