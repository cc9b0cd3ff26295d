// The built manifests ask for exactly what the README's "Permissions and why" table explains,
// and for no host access at install (least privilege). Runs after the builds in `npm test`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');
import { zipEntries } from '../harness/zip-entries';

const manifest = (dir: string) => JSON.parse(readFileSync(resolve(ROOT, '.output', dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/** The permission names in backticks in the first column of the README's permissions table. */
function readmePermissions(): Set<string> {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permissions and why'), readme.indexOf('## Where the code lives'));
  const names = new Set<string>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    for (const [, name] of line.split('|')[1].matchAll(/`([^`]+)`/g)) names.add(name);
  }
  return names;
}

describe('built manifests', () => {
  const documented = readmePermissions();

  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    it(`${dir}: every permission is explained in the README`, () => {
      const m = manifest(dir);
      const permissions = m.permissions as string[];
      for (const p of permissions) assert.ok(documented.has(p), `${p} is not explained in the README`);
      assert.deepEqual(m.optional_host_permissions, ['http://*/*', 'https://*/*']);
      for (const p of m.optional_host_permissions as string[]) assert.ok(documented.has(p), `${p} is not explained in the README`);
    });

    it(`${dir}: no host access and no content script at install, default CSP, no remote code`, () => {
      const m = manifest(dir);
      assert.equal(m.host_permissions, undefined);
      assert.deepEqual(m.content_scripts ?? [], []);
      assert.equal(m.content_security_policy, undefined, 'the MV3 default policy applies');
      assert.ok(!(m.permissions as string[]).includes('tabs'), 'tabs (browsing history) is not needed');
      assert.ok(!(m.permissions as string[]).includes('<all_urls>'));
      assert.ok(!(m.permissions as string[]).includes('unlimitedStorage'), 'unlimitedStorage is not justified yet');
    });
  }

  it('chrome-mv3 has the service worker, popup, side panel and options page', () => {
    const m = manifest('chrome-mv3');
    assert.deepEqual(m.background, { service_worker: 'background.js' });
    assert.equal((m.action as { default_popup: string }).default_popup, 'popup.html');
    assert.equal((m.side_panel as { default_path: string }).default_path, 'sidepanel.html');
    assert.equal((m.options_ui as { page: string }).page, 'options.html');
    assert.ok((m.permissions as string[]).includes('sidePanel'));
  });

  it('firefox-mv3 has sidebar_action and a gecko id with data collection declared', () => {
    const m = manifest('firefox-mv3');
    assert.equal((m.sidebar_action as { default_panel: string }).default_panel, 'sidepanel.html');
    const gecko = (m.browser_specific_settings as { gecko: { id: string; data_collection_permissions: unknown } }).gecko;
    assert.ok(gecko.id);
    assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  });

  for (const [zip, dir] of [['chrome', 'chrome-mv3'], ['firefox', 'firefox-mv3']]) {
    it(`the ${zip} store package holds exactly the built files`, () => {
      const version = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      const built = (function walk(d: string): string[] {
        return readdirSync(d).flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [relative(resolve(ROOT, '.output', dir), join(d, name))]));
      })(resolve(ROOT, '.output', dir));
      const entries = zipEntries(resolve(ROOT, '.output', `threadline-${version}-${zip}.zip`)).filter((e) => !e.endsWith('/'));
      assert.deepEqual(entries.sort(), built.sort());
      assert.ok(!entries.some((e) => /\.(ts|tsx|map)$|^(tests|lib|node_modules)\//.test(e)), 'no sources, maps or tests');
    });
  }

  it('the demo build adds loopback access only', () => {
    const m = manifest('chrome-mv3-demo');
    assert.deepEqual(m.host_permissions, ['http://*.localhost/*', 'https://*.localhost/*', 'http://127.0.0.1/*']);
  });
});
