// The one way this repository starts a browser: Debian's chromium, driven through playwright-core's
// `executablePath` (no browser is downloaded: the CI machine reaches only the npm registry and
// Debian; `.ci/run` installs it with apt-get). The e2e tests (src/e2e/browser.test-support.ts),
// the screenshots script and the bench's browser row all launch through here. Plain JavaScript so
// that Node runs it without a build; the types are in chromium.d.mts.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Why a browser cannot start here, or undefined when it can: callers print it and skip. */
export const chromiumMissingReason = existsSync(chromiumPath)
  ? undefined
  : `${chromiumPath} is missing (apt-get install chromium; .ci/run installs it)`;

/**
 * Chromium with nothing of its own talking to the network (no component updates, sync, QUIC or
 * background fetches), so every request seen comes from the page. `launch` gives each browser a
 * fresh temporary profile (user-data-dir) and deletes it on close.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
