// Finding (and on Debian/Ubuntu as root, installing) the browsers that `npm start` and the
// end-to-end tests drive. No browser is ever downloaded from anywhere but the system's packages.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

function firstExisting(envVar: string, candidates: string[]): string | undefined {
  const fromEnv = process.env[envVar];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((path) => existsSync(path));
}

export function findChromium(): string | undefined {
  return firstExisting('CHROMIUM_PATH', CHROMIUM_CANDIDATES);
}

export function findFirefox(): string | undefined {
  return firstExisting('FIREFOX_PATH', FIREFOX_CANDIDATES);
}

function isDebianLike(): boolean {
  try {
    return /^(ID|ID_LIKE)=.*(debian|ubuntu)/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const HOW_TO_GET_CHROMIUM = [
  'Threadline needs Chromium (or Chrome) to run the demo and the end-to-end tests.',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
  '  Fedora:         sudo dnf install chromium',
  '  macOS:          install Google Chrome, then: export CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"',
  '  Elsewhere:      set CHROMIUM_PATH to the browser executable.',
].join('\n');

/**
 * Returns the Chromium path; when missing and running as root on Debian or Ubuntu, installs
 * Debian's `chromium` package first (saying so). Otherwise throws with instructions.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0 && isDebianLike()) {
    log("Chromium not found: installing Debian's `chromium` package with apt-get (running as root)…");
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (update.status === 0 && install.status === 0) {
      const installed = findChromium();
      if (installed) return installed;
    }
    throw new Error(`Installing chromium with apt-get failed.\n${HOW_TO_GET_CHROMIUM}`);
  }
  throw new Error(HOW_TO_GET_CHROMIUM);
}

export function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown version';
  }
}

/** Flags for a quiet, offline Chromium on a closed network (RECIPE.md §6, env notes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];
