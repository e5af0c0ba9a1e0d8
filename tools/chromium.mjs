/**
 * Finds the system Chromium the end-to-end tests drive. Playwright cannot download browsers here,
 * so the tests use Debian's packages or CHROMIUM_PATH. Like Playwright's own downloads, headless
 * runs prefer the headless shell (`apt-get install -y chromium-headless-shell`): the same Blink
 * engine without the browser's user interface, so a test takes about half the CPU time (measured
 * on one site's 51 tests with two workers: 3.4 min with `chromium`, 1.7 min with the shell).
 */
import { existsSync } from 'node:fs';

/** Debian's headless shell: its binary, not the `/usr/bin` wrapper script, so the browser is Playwright's own child. */
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

const CANDIDATES = [
  HEADLESS_SHELL,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
];

/** Path of a Chromium binary, or undefined when none is installed. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Flags this machine needs: root sandboxing is off, and background networking is refused here. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
