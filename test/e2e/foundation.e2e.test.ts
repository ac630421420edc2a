import { describe, expect, inject, it } from 'vitest';
import { DESKTOP, openPage, PHONE, setupBrowser, signIn } from './browser.ts';

const b = setupBrowser();

describe('a newcomer on a fresh start', () => {
  it('signs in with the printed administrator password and sees the DEMO marker', async () => {
    const { admin } = inject('e2e');
    const { context, page } = await openPage(b.browser, b.baseUrl, DESKTOP);
    try {
      await page.goto('/');
      await page.waitForURL(/\/dang-nhap/);
      await signIn(page, admin.username, admin.password);
      await page.getByText('Quản trị hệ thống', { exact: true }).filter({ visible: true }).first().waitFor();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      await page.getByText('DEMO', { exact: true }).first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    } finally {
      await context.close();
    }
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const { page, context } = await openPage(b.browser, b.baseUrl, DESKTOP);
    try {
      await page.goto('/dang-nhap');
      await page.getByLabel('Tên đăng nhập').fill('admin');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau-hoan-toan');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    } finally {
      await context.close();
    }
  });

  it('finds a commune without diacritics and shows who serves it, on a 360-pixel phone', async () => {
    const { demoPassword } = inject('e2e');
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.daily', demoPassword);
      await page.goto('/don-vi-hanh-chinh');
      await page.getByLabel('Tìm đơn vị hành chính').fill('dat mui');
      await page.getByText('Xã Đất Mũi').first().click();
      await page.getByText('Cà Mau').first().waitFor();
      await page.getByText('Bảo hiểm xã hội tỉnh Cà Mau').first().waitFor();
      // Nothing wider than the phone: no sideways scrolling.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });

  it('switches the interface to English', async () => {
    const { admin } = inject('e2e');
    const { context, page } = await openPage(b.browser, b.baseUrl, DESKTOP);
    try {
      await signIn(page, admin.username, admin.password);
      await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('navigation').getByText('Administrative units').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await context.close();
    }
  });
});
