import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReceiptHtml } from './receipts.html.ts';
import { buildHhiReceiptView, buildVoidedReceiptView, buildVsiReceiptView } from './receipts.samples.ts';

describe('renderReceiptHtml', () => {
  it('escapes a script typed into a name', async () => {
    const html = await renderReceiptHtml(
      buildVsiReceiptView({
        participant: { fullName: '<script>alert("x")</script> Lê Văn Tám', maskedId: '001090****11' },
      }),
    );

    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Lê Văn Tám');
  });

  it('escapes every text people type: unit, agent, members, void reason', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = await renderReceiptHtml(
      buildVoidedReceiptView({
        unit: { name: evil, address: evil, phone: evil },
        agent: { fullName: evil, username: evil, phone: evil },
        voided: { at: '2026-04-12T09:02:00Z', reason: evil, by: evil },
        household: { members: [{ order: 1, fullName: evil, maskedId: evil, monthly: 105_300 }] },
        lines: [{ label: evil, amount: 1000 }],
      }),
    );

    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows the total in figures and in words, the period and the payment method', async () => {
    const html = await renderReceiptHtml(buildVsiReceiptView());

    expect(html).toContain('1.122.000 đ');
    expect(html).toContain('Bằng chữ: Một triệu một trăm hai mươi hai nghìn đồng.');
    expect(html).toContain('Từ tháng 04/2026 đến tháng 06/2026 (3 tháng)');
    expect(html).toContain('Tiền mặt');
    expect(html).toContain('<html lang="vi">');
  });

  it('links to the PDF beside it, with the number encoded for a URL', async () => {
    expect(await renderReceiptHtml(buildVsiReceiptView())).toContain('href="./BL-66-0007-000123.pdf"');
    expect(await renderReceiptHtml(buildVsiReceiptView({ number: 'BL 1/"2' }))).toContain(
      'href="./BL%201%2F%222.pdf"',
    );
  });

  it('is self-contained: inline QR, no external asset and no script allowed', async () => {
    const html = await renderReceiptHtml(buildVsiReceiptView());

    expect(html).toContain('Quét để đóng kỳ tiếp theo: 1.122.000 đ trước 30/09/2026');
    expect(html).toMatch(/<div class="qr" role="img"[^>]*><svg /);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
    expect(html).toContain('@media print');
  });

  it('draws the void stamp and reason, and no QR for the next period', async () => {
    const html = await renderReceiptHtml(buildVoidedReceiptView());

    expect(html).toContain('<div class="stamp" aria-hidden="true">ĐÃ HỦY</div>');
    expect(html).toContain('Lý do: Thu nhầm kỳ đóng, người tham gia đã đóng tại BHXH cơ sở');
    expect(html).not.toContain('<svg');
  });

  it('lists household members and marks a demo receipt', async () => {
    const html = await renderReceiptHtml(buildHhiReceiptView({ demo: true }));

    expect(html).toContain('Thành viên tham gia (4 người)');
    expect(html).toContain('H’Linh Êban');
    expect(html).toContain(
      '<div class="watermark" aria-hidden="true">DEMO – không có giá trị thanh toán</div>',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
