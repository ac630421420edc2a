/**
 * The campaign browser tests' way in through the API, as an integration would: demo users signed
 * in with a session and the anti-forgery token, a campaign made by the central office, a person
 * enrolled by the Hà Nội agent, and the dashboard's figures as a person reads them.
 */
import { type APIRequestContext, type Locator, type Page, request } from 'playwright-core';
import { expect, inject } from 'vitest';

// ── Dates as the server sees them (Vietnam, UTC+7) ──
export const vietnamToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
export const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
export const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A valid personal ID: province 001, century/sex digit (0 male, 1900s), year, 6 random digits. */
export const personalId = (birthYear: number) =>
  `0010${String(birthYear).slice(2)}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

export const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

export interface ApiSession {
  user: { orgUnit: { id: number; name: string } };
  call: <T>(method: string, path: string, data?: unknown) => Promise<T>;
  dispose: () => Promise<void>;
}

/** A demo user talking to the API as an integration would: session cookie and anti-forgery token. */
export async function apiAs(username: string): Promise<ApiSession> {
  const context: APIRequestContext = await request.newContext({ baseURL: inject('e2e').baseUrl });
  const login = await context.post('/api/v1/auth/login', {
    data: { username, password: inject('e2e').demoPassword },
  });
  expect(login.status(), await login.text()).toBe(200);
  const session = (await login.json()) as { csrfToken: string; user: ApiSession['user'] };
  return {
    user: session.user,
    async call<T>(method: string, path: string, data?: unknown) {
      const response = await context.fetch(`/api/v1${path}`, {
        method,
        ...(data === undefined ? {} : { data }),
        headers: { 'x-csrf-token': session.csrfToken },
      });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
      return (response.status() === 204 ? undefined : await response.json()) as T;
    },
    dispose: () => context.dispose(),
  };
}

/** The Hà Nội collection agent, signed in, ready to enroll a person in their commune for a campaign. */
export async function hanoiAgent() {
  const agent = await apiAs('demo.daily');
  const communes = await agent.call<{ items: { code: string }[] }>(
    'GET',
    `/org-units/${agent.user.orgUnit.id}/communes`,
  );
  return {
    agent,
    enroll: (campaignId: number) =>
      agent.call('POST', '/participants', {
        personalId: personalId(1990),
        fullName: 'Trần Văn Ra Quân',
        birthDate: '1990-06-15',
        sex: 'M',
        communeCode: communes.items[0]!.code,
        categories: ['other'],
        monthlyIncome: 3_000_000,
        paymentMode: 'monthly',
        startMonth: vietnamToday().slice(0, 7),
        campaignId,
        declarations: { notCompulsory: true, noPension: true },
      }),
  };
}

/** The Hà Nội collection agent enrolls one person in their commune for the campaign. */
export async function enrollInHanoi(campaignId: number) {
  const { agent, enroll } = await hanoiAgent();
  try {
    await enroll(campaignId);
  } finally {
    await agent.dispose();
  }
}

/** The dashboard's headline figure: people enrolled in the scope on screen. */
export const enrolledOnDashboard = (page: Page) =>
  text(
    page
      .getByRole('region', { name: 'Kết quả và tiến độ' })
      .locator('.ant-card')
      .filter({ hasText: 'Đã vận động (người)' })
      .locator('.ant-statistic-content-value'),
  );

export const hanoiTile = (page: Page) =>
  page.getByRole('figure', { name: /^Bản đồ ô 34 tỉnh/ }).getByRole('button', { name: /Hà Nội: / });

/** The Hà Nội agent's post office: the demo post-office manager's unit. */
export async function hanoiPostOffice(): Promise<{ id: number; name: string }> {
  const manager = await apiAs('demo.buucuc');
  await manager.dispose();
  return manager.user.orgUnit;
}

/** A big figure on the launch ceremony's projection wall, by its label. */
export const wallCounter = (page: Page, label: string) =>
  text(
    page
      .getByRole('region', { name: 'Số liệu trực tiếp' })
      .locator('.wall-counter')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('.wall-counter-value'),
  );

/** A running campaign made by the central office through the API, with its central bridge point. */
export async function campaignThroughApi(name: string): Promise<number> {
  const officer = await apiAs('demo.trunguong');
  try {
    const today = vietnamToday();
    const { id } = await officer.call<{ id: number }>('POST', '/campaigns', {
      name,
      theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 27),
      products: ['vsi', 'hhi'],
      organisers: ['Bảo hiểm xã hội Việt Nam', 'Tổng công ty Bưu điện Việt Nam'],
      launchAt: new Date(Date.parse(`${addDays(today, -3)}T08:00:00+07:00`)).toISOString(),
    });
    const national = await officer.call<{ id: number }>('PUT', `/campaigns/${id}/targets`, {
      product: 'vsi',
      amount: 10_000,
    });
    await officer.call('POST', `/targets/${national.id}/cascade`, { apply: true });
    await officer.call('POST', `/campaigns/${id}/bridges`, {
      level: 'central',
      orgUnitId: officer.user.orgUnit.id,
      name: 'Điểm cầu trung tâm Hà Nội',
      form: 'online',
    });
    return id;
  } finally {
    await officer.dispose();
  }
}
