import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * A step of a browser story: when it fails, the page as it was goes to `shots` (failed-NAME.png)
 * for the person debugging, and the failure is thrown on.
 */
export async function storyStep(page: Page, shots: string, name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await page.screenshot({ path: path.join(shots, `failed-${name}.png`) }).catch(() => undefined);
    throw error;
  }
}
