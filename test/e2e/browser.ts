import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';

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
  keepLastScreen(context, page);
  return { context, page };
}

/**
 * Anything drawn past the right edge of the screen, except inside a box made to scroll sideways
 * (a wide table) or the tab bar, which slides its own tabs.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element): boolean => {
      if (el.closest('.ant-tabs-nav')) return true;
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return true;
      }
      return false;
    };
    return Array.from(document.querySelectorAll('.page *'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !scrolls(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`)
      .slice(0, 5);
  });
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

/**
 * Closes a drawer or dialog by its close button and waits until it is gone. Escape is not enough:
 * when the button that had focus is replaced (a list made, an item confirmed), focus falls back to
 * the page, the key never reaches the drawer, and its mask keeps intercepting clicks.
 */
export async function closeDialog(dialog: Locator) {
  await dialog.getByRole('button', { name: 'Đóng', exact: true }).first().click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * Opens a tab as a person on a phone does: a tap on it when it shows, else through the bar's "…"
 * list, where antd puts the tabs that do not fit (a tab half under the "…" cannot be tapped).
 */
export async function openTab(page: Page, name: string) {
  const tab = page.getByRole('tab', { name, exact: true });
  const shows = await tab.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    return hit !== null && el.contains(hit);
  });
  if (shows) return tab.click();
  await page.locator('.ant-tabs-nav', { has: tab }).locator('.ant-tabs-nav-more').click();
  await page.locator('.ant-tabs-dropdown:visible').getByRole('option', { name, exact: true }).click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/**
 * When a test fails, its last screen is saved under `.ci/out/screens/` for whoever reads the CI
 * log. Tests close their context in `finally`, before failure hooks run, so the screen is taken
 * as the context closes and kept only if the test then fails.
 */
function keepLastScreen(context: BrowserContext, page: Page) {
  let last: Buffer | undefined;
  const close = context.close.bind(context);
  context.close = async (options) => {
    last = await page.screenshot({ timeout: 5_000 }).catch(() => undefined);
    return close(options);
  };
  onTestFailed(({ task }) => {
    if (!last) return;
    const dir = path.resolve('.ci/out/screens');
    fs.mkdirSync(dir, { recursive: true });
    const name = `${task.file?.name ?? 'test'}-${task.name}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 120);
    fs.writeFileSync(path.join(dir, `${name}.png`), last);
  });
}
