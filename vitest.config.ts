import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest aliases wxt/browser to an in-memory fake browser; it does not re-apply
  // wxt.config.ts's vite plugins, so Preact's preset is added again here.
  plugins: [WxtVitest(), preact({ devToolsEnabled: false, prefreshEnabled: false })],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
