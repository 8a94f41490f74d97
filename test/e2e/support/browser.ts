import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, headless and quiet (no network of its own), on a fresh profile. */
export const CHROMIUM = '/usr/bin/chromium';
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

export interface TBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** `javaScript: false` reads the pages as a visitor whose browser runs no script. */
export async function launchBrowser(options: { width?: number; height?: number; javaScript?: boolean } = {}): Promise<TBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'bf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
    acceptDownloads: true,
    locale: 'zh-CN',
    javaScriptEnabled: options.javaScript ?? true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
