import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The web app lives in src/web and builds into dist/web, which the server serves. In development
// the API runs as its own process; /api is proxied to it so cookies stay same-origin.
const apiPort = process.env.API_PORT ?? '3000';

export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    // A phone that opened the app once can open it again with no network: the service worker
    // precaches the shell and every asset (the calculator and its law engine included) and answers
    // page navigations with index.html. The API is never cached by it: the calculator keeps its own
    // copy of the rules (localStorage) and says when it is using it.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // A plain <script src="/registerSW.js">: the page's CSP allows no inline script.
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Điểm Tựa',
        short_name: 'Điểm Tựa',
        description: 'Điều hành chiến dịch vận động tham gia BHXH tự nguyện và BHYT hộ gia đình',
        lang: 'vi',
        start_url: '/',
        display: 'standalone',
        background_color: '#f4f6f9',
        theme_color: '#0d4a8f',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        // echarts is one ~520 kB chunk; the default 2 MiB limit leaves room, this states it.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // One file, no importScripts: simpler to serve and to reason about under a strict CSP.
        inlineWorkboxRuntime: true,
      },
    }),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // echarts (~520 kB) is one lazy chunk loaded by the chart alone; everything else is far smaller.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Vendor code changes far less often than ours, so it goes in long-cached chunks. Groups
        // pull in their dependencies, so React is claimed first or echarts-for-react would take it.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 50 },
            {
              name: 'vendor',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 45,
            },
            // Only the chart page loads echarts: it stays out of the first load entirely.
            {
              name: 'echarts',
              test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/,
              priority: 40,
            },
            // antd's core (theme, styles, locale) is on every page; its components are left to the
            // automatic split so each page loads only the ones it draws (the login page has no Table).
            {
              name: 'antd',
              test: /node_modules[\\/](@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)|@rc-component[\\/]util|antd[\\/]es[\\/](_util|config-provider|theme|locale|style)|dayjs|@emotion|stylis)[\\/]/,
              priority: 30,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
});
