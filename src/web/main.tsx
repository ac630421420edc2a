/** Bootstrap: translations, data cache, antd theme and locale (following the language), router. */
import './i18n.ts';
import './app.css';
import './screens.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthorizedHandler } from './api.ts';
import { AuthProvider, ME_KEY } from './auth.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { createAppRouter } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change on retry; a dropped connection in a village might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const router = createAppRouter(queryClient);

setUnauthorizedHandler(() => {
  queryClient.setQueryData(ME_KEY, null);
  const { pathname, href } = router.state.location;
  if (pathname !== '/dang-nhap') void router.navigate({ to: '/dang-nhap', search: { redirect: href } });
});

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0d4a8f',
    colorLink: '#0d4a8f',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      bodyBg: '#f4f6f9',
    },
    // The sider and the drawer draw their own edge; the inline menu needs no second one.
    Menu: {
      activeBarBorderWidth: 0,
      itemSelectedBg: '#e8f0fa',
      itemSelectedColor: '#0d4a8f',
      itemHoverBg: '#f2f5f9',
    },
  },
};

function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
