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

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runNow().then(() => this.schedule(this.intervalMs));
    }, delay);
  }
}
