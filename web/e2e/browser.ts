/**
 * Launches Debian's Chromium (never a downloaded browser) through playwright-core, with the
 * flags this sandbox needs: no background networking, no sandbox (we run as root), a fresh
 * profile per run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian's package puts Chromium; `.ci/run` installs it when missing. */
export const CHROMIUM = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';

/** Flags required by the issue, plus QUIC off (no network here). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** A desktop and a mobile viewport: screenshots are taken at both. */
export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  mobile: { width: 390, height: 844 },
} as const;

/** A running browser with a fresh profile; `close()` removes the profile. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a new, empty user-data-dir. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` (\`.ci/run\` does).`);
  const profile = mkdtempSync(join(tmpdir(), 'marsad-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: VIEWPORTS.desktop,
    locale: 'ar-EG',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Folder of this run's screenshots (git-ignored); `MARSAD_SCREENSHOTS` overrides it. */
export const SCREENSHOT_DIR = resolve(process.env.MARSAD_SCREENSHOTS ?? 'test-results/screenshots');

/**
 * Saves `name-desktop.png` and `name-mobile.png` of the page as it is now. The viewport is put
 * back to desktop afterwards.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    // Let layout, fonts and charts settle at the new width.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}
