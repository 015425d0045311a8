import { existsSync } from 'node:fs';

/** Flags that keep Debian's Chromium quiet and offline on this kind of machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

export const NO_CHROMIUM_HINT =
  'No Chromium found for the browser tests: run `sudo apt-get install -y chromium` (Debian) or set CHROMIUM_PATH=/path/to/chromium.';
