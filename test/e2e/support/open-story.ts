import { mkdirSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, type TBrowser } from './browser';
import { startBudgetflowServer, type TBudgetflowServer } from './budgetflow-server';
import { ensureWebBuilt } from './web-build';

export interface TOpenStory {
  server: TBudgetflowServer;
  browser: TBrowser;
  page: Page;
}

/**
 * What every browser story starts with: an empty folder for its screenshots (none of an earlier run
 * stays behind), the web client built, a Budgetflow with the demo data, Chromium and one page.
 * `prepare` runs on the server before the browser opens (e.g. publishing what the story reads).
 */
export async function openStory(
  shots: string,
  options: { viewport?: { width?: number; height?: number }; javaScript?: boolean; clipboard?: boolean; prepare?: (server: TBudgetflowServer) => Promise<void> } = {},
): Promise<TOpenStory> {
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  ensureWebBuilt();
  const server = await startBudgetflowServer();
  await options.prepare?.(server);
  const browser = await launchBrowser({ ...options.viewport, ...(options.javaScript === undefined ? {} : { javaScript: options.javaScript }) });
  if (options.clipboard === true) await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  const page = await browser.context.newPage();
  // Generous: CI runs a story beside every other test file on two cores.
  page.setDefaultTimeout(30_000);
  return { server, browser, page };
}

/** Closes what openStory opened, whatever of it was opened. */
export async function closeStory(story: Partial<TOpenStory>): Promise<void> {
  await story.browser?.close();
  await story.server?.stop();
}
