/**
 * Things expensive to make and the same for everyone who asks by one key (a budget's document at a
 * version, its workbook under an edition): made once however many ask at the same time, and the most
 * recently made kept while their bytes fit the budget, the oldest dropped first. A failed making is
 * not kept, so the next ask tries again. Nothing here authorises: callers ask only after they have.
 */
export class RecentBuilds<T> {
  private readonly entries = new Map<string, { made: Promise<T>; bytes: number }>();
  private bytesKept = 0;

  constructor(
    private readonly budgetBytes: number,
    private readonly bytesOf: (value: T) => number,
  ) {}

  /** The value kept or being made for `key`, else what `make` makes (kept if it fits). */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.peek(key);
    if (kept !== undefined) return kept;
    const made = make();
    const fresh = { made, bytes: 0 };
    this.entries.set(key, fresh);
    made.then(
      (value) => this.settle(key, fresh, this.bytesOf(value)),
      () => this.forget(key, fresh),
    );
    return made;
  }

  /** The value kept or being made for `key`, without making it. */
  peek(key: string): Promise<T> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Asked again: the most recent, so the last to go (a Map iterates in insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.made;
  }

  /** Drops what is kept for `key` (made from something that moved on while it was made). */
  drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) this.forget(key, entry);
  }

  get keptBytes(): number {
    return this.bytesKept;
  }

  private settle(key: string, entry: { made: Promise<T>; bytes: number }, bytes: number): void {
    if (this.entries.get(key) !== entry) return;
    if (bytes > this.budgetBytes) {
      this.forget(key, entry);
      return;
    }
    entry.bytes = bytes;
    this.bytesKept += bytes;
    for (const [oldKey, old] of this.entries) {
      if (this.bytesKept <= this.budgetBytes) break;
      // One still being made holds no bytes yet; its askers share it whatever happens here.
      if (old !== entry && old.bytes > 0) this.forget(oldKey, old);
    }
  }

  private forget(key: string, entry: { bytes: number }): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytesKept -= entry.bytes;
  }
}
