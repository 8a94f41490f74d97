import { withTimeout } from './with-timeout';

const STOP_WITHIN_MS = 10_000;

/**
 * Runs `work` again `intervalMs` after each run ends (never two at once), logging failures and
 * carrying on: a relay round that finds Redis down simply tries again on the next tick.
 */
export class Ticker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly log: (line: string) => void,
  ) {}

  start(): this {
    this.schedule(0);
    return this;
  }

  /** Runs once now (the first round after start, or when new work may be waiting) unless a run is in progress or the ticker stopped. */
  async runNow(): Promise<void> {
    if (this.running) return this.running;
    if (this.stopped) return;
    this.running = this.work()
      .then(() => undefined)
      .catch((error: unknown) => this.log(`${this.name}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Stops ticking and waits for a run in progress, at most `withinMs`: a run stuck on a Redis that never answers must not hold the shutdown. */
  async stop(withinMs = STOP_WITHIN_MS): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.running) await withTimeout(this.running, withinMs).catch(() => this.log(`${this.name}: a run still going after ${withinMs} ms was left to end by itself`));
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runNow().then(() => this.schedule(this.intervalMs));
    }, delay);
  }
}
