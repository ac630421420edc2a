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

const routeTree = rootRoute.addChildren([
  loginRoute,
  shellRoute.addChildren([
    homeRoute,
    unitsRoute,
    calculatorRoute,
    orgsRoute,
    usersRoute,
    auditRoute,
    denominatorsRoute,
    rulesRoute,
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
