/**
 * At most `slots` pieces of heavy work at once; the others wait their turn in order. A slot freed
 * goes straight to the next in line, so a stream of new arrivals cannot starve one that waits.
 */
export class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.take();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private async take(): Promise<void> {
    if (this.running < this.slots) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
