/**
 * The frame around every page: header, side menu on desktop, a drawer on phones. Signed-out
 * visitors (the public unit browser) get the same header with a sign-in button and no menu.
 */
import { LoginOutlined, MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useMatches, useNavigate } from '@tanstack/react-router';
import { Button, Drawer, Layout } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth.tsx';
import { useIsMobile } from '../components/use-is-mobile.ts';
import { Brand } from './brand.tsx';
import { DemoTag } from './demo-tag.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu, UserSummary, useSignOut } from './user-menu.tsx';

export function AppShell() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  // A tap on a menu entry navigates; the drawer should not stay over the new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: close on every path change
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  // Signed out on a page that needs a session (logout, or an expired session): draw nothing while
  // the logout or the 401 handler takes the user to the login page. A <Navigate> here would
  // restart that navigation on every render until the lazy login page has loaded.
  const isPublic = useMatches().some((m) => m.staticData?.public);
  if (!user && !isPublic) return null;

  const goToLogin = () => void navigate({ to: '/dang-nhap', search: { redirect: location.href } });

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        {user && isMobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('shell.openMenu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
            className="header-button"
          />
        )}
        <Brand />
        <DemoTag />
        <div className="header-spacer" />
        <LanguageSwitch compact={isMobile} />
        {user ? (
          <UserMenu compact={isMobile} />
        ) : (
          <Button type="primary" icon={isMobile ? undefined : <LoginOutlined />} onClick={goToLogin}>
            {t('login.submit')}
          </Button>
        )}
      </Layout.Header>
      <Layout hasSider={Boolean(user && !isMobile)}>
        {user && !isMobile && (
          <Layout.Sider width={232} theme="light" className="shell-sider">
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content className="shell-content">
          <main className="page">
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
      {user && isMobile && (
        <Drawer
          placement="left"
          size={288}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <MobileDrawerBody onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}

function MobileDrawerBody({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { signOut, pending } = useSignOut();
  return (
    <div className="drawer-nav">
      <div className="drawer-user">
        <UserSummary />
      </div>
      <NavMenu onNavigate={onNavigate} />
      <div className="drawer-footer">
        <Button block onClick={signOut} loading={pending}>
          {t('shell.logout')}
        </Button>
      </div>
    </div>
  );
}
