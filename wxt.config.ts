import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions are kept to what the README's "Permissions" section explains; tests/unit/manifest.test.ts
// asserts the built manifests against that list.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every dependency is an explicit import (STYLE.md §3).
  imports: false,
  publicDir: 'components/public',
  manifest: ({ browser }) => ({
    name: 'Threadline',
    description: 'The trail of the story and how other outlets told it, for the news article in front of you. Local-only.',
    permissions: ['storage', 'tabs', 'alarms', 'scripting', 'activeTab'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
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
