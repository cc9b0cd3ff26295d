import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions are kept to what the README's "Permissions" section explains; tests/unit/manifest.test.ts
// asserts the built manifests against that list.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every dependency is an explicit import (STYLE.md §3).
  imports: false,
  publicDir: 'components/public',
  // The English strings live beside the components that use them (components/locales) and ship
  // as _locales/en for browser.i18n.
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve('components/locales/en/messages.json'), relativeDest: '_locales/en/messages.json' });
    },
  },
  manifest: ({ browser, mode }) => ({
    default_locale: 'en',
    // A keyboard shortcut opens the side panel (Chrome) or toggles the sidebar (Firefox).
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+T' }, description: 'Open the Threadline sidebar' } }
        : { 'open-side-panel': { suggested_key: { default: 'Alt+Shift+T' }, description: 'Open the Threadline side panel' } },
    // Chrome only: the worker has no DOMParser; Firefox's background page has one.
    ...(browser !== 'firefox' && { minimum_chrome_version: '116' }),
    name: mode === 'demo' ? 'Threadline (demo build)' : 'Threadline',
    description: 'The trail of the story and how other outlets told it, for the news article in front of you. Local-only.',
    permissions: ['storage', 'alarms', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Asked for per source when the reader enables it (or all sites if they opt in), never at install.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The demo build (npm start, the Chromium end-to-end tests) may read the demo site on loopback
    // without a prompt: headless Chromium cannot show the permission dialog.
    // Both schemes: the options page asks for both, and a request for granted hosts shows nothing.
    ...(mode === 'demo' && { host_permissions: ['http://*.localhost/*', 'https://*.localhost/*', 'http://127.0.0.1/*'] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'threadline@threadline.example',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  vite: () => ({ plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })] }),
});
