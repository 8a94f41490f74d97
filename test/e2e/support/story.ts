import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TBudgetflowServer } from './budgetflow-server';
import { signInAs, signOutOf } from './session';
import { storyStep } from './story-step';

/** The moves every browser story makes on the demo data: sign in and out, screenshots, named steps. */
export function storyOf(page: Page, server: TBudgetflowServer, shots: string) {
  return {
    shot: (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false }),
    signIn: (username: string) => signInAs(page, server.baseUrl, username),
    signOut: () => signOutOf(page),
    /** Runs a step; when it fails, the page as it was goes to the screenshots for the person debugging. */
    step: (name: string, work: () => Promise<void>) => storyStep(page, shots, name, work),
  };
}
