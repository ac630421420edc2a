import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and builds into dist/web, which the server serves. In development
// the API runs as its own process; /api is proxied to it so cookies stay same-origin.
const apiPort = process.env.API_PORT ?? '3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
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
