import { execSync } from 'node:child_process';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** Debian's Chromium, driven by playwright-core (`npx playwright install` cannot work here). */
export function chromiumPath(): string {
  return (
    process.env.CHROMIUM_PATH ??
    execSync('which chromium || which chromium-browser', { encoding: 'utf8' }).trim()
  );
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1366, height: 800 };

export function setupBrowser() {
  const handle = {} as { browser: Browser; baseUrl: string };
  beforeAll(async () => {
    handle.baseUrl = inject('e2e').baseUrl;
    handle.browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    });
  });
  afterAll(async () => {
    await handle.browser?.close();
  });
  return handle;
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}
