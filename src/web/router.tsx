/**
 * Code-based routes. Pages load lazily so the first screen only pays for itself. Signed-in pages
 * send a visitor to the login page and back; the unit browser and the calculator are public.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type ParsedLocation,
  redirect,
} from '@tanstack/react-router';
import { meQuery } from './auth.tsx';
import { ErrorScreen } from './components/error-boundary.tsx';
import { PageSkeleton } from './components/page-skeleton.tsx';
import { BUCKETS, type Bucket } from './components/registry-types.ts';
import { type EnrollPrefill, readEnrollPrefill } from './pages/enroll.model.ts';
import { NotFoundPage } from './pages/not-found.page.tsx';
import { safeRedirect } from './redirect.ts';
import { AppShell } from './shell/app-shell.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

interface GuardArgs {
  context: RouterContext;
  location: ParsedLocation;
}

async function requireLogin({ context, location }: GuardArgs): Promise<void> {
  const me = await context.queryClient.ensureQueryData(meQuery);
  if (!me) throw redirect({ to: '/dang-nhap', search: { redirect: location.href } });
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error, reset }) => <ErrorScreen error={error} onReset={reset} />,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dang-nhap',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('./pages/login.page.tsx'), 'LoginPage'),
});

const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  // Know who is signed in before drawing the header; a public page still renders if this fails.
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery).catch(() => null);
  },
  component: AppShell,
});

const homeRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/home.page.tsx'), 'HomePage'),
});

const unitsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/don-vi-hanh-chinh',
  staticData: { public: true },
  component: lazyRouteComponent(() => import('./pages/units.page.tsx'), 'UnitsPage'),
});

const orgsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/to-chuc',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/orgs.page.tsx'), 'OrgsPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/nguoi-dung',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/users.page.tsx'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/nhat-ky',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/audit.page.tsx'), 'AuditPage'),
});

const denominatorsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/mau-so',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/denominators.page.tsx'), 'DenominatorsPage'),
});

const calculatorRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/tinh-muc-dong',
  staticData: { public: true },
  component: lazyRouteComponent(() => import('./pages/calculator.page.tsx'), 'CalculatorPage'),
});

const rulesRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/quy-dinh',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/rules.page.tsx'), 'RulesPage'),
});

// ── Registry and collection: participants, payments, receipts, worklist, cash, households ──
const positive = (value: unknown): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

const participantsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/nguoi-tham-gia',
  beforeLoad: requireLogin,
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' ? { q: search.q } : {},
  component: lazyRouteComponent(() => import('./pages/participants.page.tsx'), 'ParticipantsPage'),
});

const enrollRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/nguoi-tham-gia/dang-ky',
  beforeLoad: requireLogin,
  /** Opened for a known person (a campaign's lead): what the form starts with. */
  validateSearch: (search: Record<string, unknown>): EnrollPrefill => readEnrollPrefill(search),
  component: lazyRouteComponent(() => import('./pages/enroll.page.tsx'), 'EnrollPage'),
});

const participantRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/nguoi-tham-gia/$id',
  beforeLoad: requireLogin,
  /** moi=1: just enrolled, offer to collect the first payment. */
  validateSearch: (search: Record<string, unknown>): { moi?: number } =>
    positive(search.moi) ? { moi: 1 } : {},
  component: lazyRouteComponent(() => import('./pages/participants.detail.tsx'), 'ParticipantPage'),
});

const paymentRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/nguoi-tham-gia/$id/thu-tien',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/payment.page.tsx'), 'PaymentPage'),
});

const receiptRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/bien-lai/$number',
  beforeLoad: requireLogin,
  /** nguoi: the participant the receipt was taken for, for the way back to the profile. */
  validateSearch: (search: Record<string, unknown>): { nguoi?: number } => {
    const nguoi = positive(search.nguoi);
    return nguoi ? { nguoi } : {};
  },
  component: lazyRouteComponent(() => import('./pages/receipt.page.tsx'), 'ReceiptPage'),
});

const worklistRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/viec-can-lam',
  beforeLoad: requireLogin,
  /** nhom: the bucket open (when absent, the first with someone in it), so the home page links to one. */
  validateSearch: (search: Record<string, unknown>): { nhom?: Bucket } =>
    BUCKETS.includes(search.nhom as Bucket) ? { nhom: search.nhom as Bucket } : {},
  component: lazyRouteComponent(() => import('./pages/worklist.page.tsx'), 'WorklistPage'),
});

const remindersRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/nhac-dong',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/reminders.page.tsx'), 'RemindersPage'),
});

const cashRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/so-quy',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/cash.page.tsx'), 'CashPage'),
});

const householdsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/ho-gia-dinh',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/households.page.tsx'), 'HouseholdsPage'),
});

const householdRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/ho-gia-dinh/$id',
  beforeLoad: requireLogin,
  /** thu=1: came to collect, scroll to the payment. */
  validateSearch: (search: Record<string, unknown>): { thu?: number } =>
    positive(search.thu) ? { thu: 1 } : {},
  component: lazyRouteComponent(() => import('./pages/households.detail.tsx'), 'HouseholdPage'),
});

// ── The campaign: its record, live dashboard, launch ceremony, targets and activities ──
export const CAMPAIGN_TABS = [
  'dieu-hanh',
  'le-ra-quan',
  'chi-tieu',
  'hoat-dong',
  'ban-tin',
  'thong-tin',
] as const;
export type CampaignTab = (typeof CAMPAIGN_TABS)[number];
export interface CampaignSearch {
  tab?: CampaignTab;
  province?: string;
  unit?: number;
  commune?: string;
  agent?: number;
}

const campaignsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/chien-dich',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/campaigns.page.tsx'), 'CampaignsPage'),
});

const campaignRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/chien-dich/$id',
  beforeLoad: requireLogin,
  /**
   * tab: the open tab (the dashboard when absent); province, unit, commune or agent: the level the
   * dashboard looks at, else the viewer's own.
   */
  validateSearch: (search: Record<string, unknown>): CampaignSearch => ({
    ...(CAMPAIGN_TABS.includes(search.tab as CampaignTab) && search.tab !== 'dieu-hanh'
      ? { tab: search.tab as CampaignTab }
      : {}),
    ...(typeof search.province === 'string' && /^\d{2}$/.test(search.province)
      ? { province: search.province }
      : {}),
    ...(positive(search.unit) ? { unit: Number(search.unit) } : {}),
    // A code typed by hand (?commune=26734) arrives as a number.
    ...(/^\d{5}$/.test(String(search.commune)) ? { commune: String(search.commune) } : {}),
    ...(positive(search.agent) ? { agent: Number(search.agent) } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/campaigns.detail.tsx'), 'CampaignPage'),
});

/** The launch ceremony on the big screen at the central bridge point: outside the shell, no menu. */
const launchWallRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/chien-dich/$id/man-hinh-le-ra-quan',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/campaigns.wall.tsx'), 'LaunchWallScreen'),
});

// ── Leads: an officer's list and lists to draw, an agent's worklist, the funnel ──
const leadsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/khach-hang-tiem-nang',
  beforeLoad: requireLogin,
  /** chienDich: the campaign (the one under way when absent); tab=pheu: the funnel. */
  validateSearch: (search: Record<string, unknown>): { chienDich?: number; tab?: 'pheu' } => ({
    ...(positive(search.chienDich) ? { chienDich: positive(search.chienDich) } : {}),
    ...(search.tab === 'pheu' ? { tab: 'pheu' as const } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/leads.page.tsx'), 'LeadsPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/bao-cao',
  beforeLoad: requireLogin,
  component: lazyRouteComponent(() => import('./pages/reports.page.tsx'), 'ReportsPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  launchWallRoute,
  shellRoute.addChildren([
    homeRoute,
    unitsRoute,
    calculatorRoute,
    orgsRoute,
    usersRoute,
    auditRoute,
    denominatorsRoute,
    rulesRoute,
    participantsRoute,
    enrollRoute,
    participantRoute,
    paymentRoute,
    receiptRoute,
    worklistRoute,
    remindersRoute,
    cashRoute,
    householdsRoute,
    householdRoute,
    campaignsRoute,
    campaignRoute,
    reportsRoute,
    leadsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PageSkeleton,
    defaultPendingMs: 150,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
  interface StaticDataRouteOption {
    /** Open without a session (the unit browser, the calculator). */
    public?: boolean;
  }
}
