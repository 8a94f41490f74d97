/** Keys a scan finds faster than a Map does; past them, a Map of positions finds them. */
const SCANNED_KEYS = 8;

/**
 * Values by string key in the order the keys came. The pass over the lines looks a key up per
 * line and projection: most key sets are small (a project's 款, its one 项, a department's units),
 * and a scan of a few keys costs less than a Map, of which the wide budgets would keep thousands
 * (two per project), each lookup a cache miss. Larger key sets are indexed by a Map.
 */
class Keyed<T> {
  private readonly keyList: string[] = [];
  private readonly valueList: T[] = [];
  private index: Map<string, number> | undefined;

  get size(): number {
    return this.keyList.length;
  }

  get(key: string): T | undefined {
    if (this.index !== undefined) {
      const at = this.index.get(key);
      return at === undefined ? undefined : this.valueList[at];
    }
    const keys = this.keyList;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.valueList[i];
    return undefined;
  }

  add(key: string, value: T): void {
    this.keyList.push(key);
    this.valueList.push(value);
    if (this.index !== undefined) this.index.set(key, this.keyList.length - 1);
    else if (this.keyList.length > SCANNED_KEYS) this.reindex();
  }

  /** Drops a key; the others keep their order. Rare (the last line of a key taken out), so it re-indexes. */
  delete(key: string): void {
    const at = this.keyList.indexOf(key);
    if (at < 0) return;
    this.keyList.splice(at, 1);
    this.valueList.splice(at, 1);
    if (this.index !== undefined) this.reindex();
  }

  keys(): readonly string[] {
    return this.keyList;
  }

  forEach(visit: (value: T, key: string) => void): void {
    this.keyList.forEach((key, i) => visit(this.valueList[i]!, key));
  }

  private reindex(): void {
    this.index = this.keyList.length > SCANNED_KEYS ? new Map(this.keyList.map((key, i) => [key, i])) : undefined;
  }
}

/**
 * Sums of lines in 分 under a key, in numbered slots (a fund family × kind, a fund family, or one
 * slot), each with its count of lines. Kept as numbers in one array per key while the lines are
 * read, not as an object per cell: the pass over 100,000 lines then does what a bare grouping does,
 * a lookup and two additions per projection, and the cells are built once, when asked for.
 * Integers below 2^53 are exact in a double; the aggregate checks that every sum stays there.
 */
export class SlotSums {
  private readonly byKey = new Keyed<number[]>();

  constructor(readonly slots: number) {}

  get size(): number {
    return this.byKey.size;
  }

  /**
   * Adds a line's 分 (negative when it goes) to `slot` of `key`. A slot whose last line went is
   * emptied, and a key none of whose slots holds a line is dropped: sums with a line removed are
   * the sums of the other lines, in the order their keys first came.
   */
  add(key: string, slot: number, fen: number, sign: 1 | -1): void {
    let sums = this.byKey.get(key);
    if (sums === undefined) {
      if (sign < 0) throw new Error(`a line of ${key} removed that was never added`);
      // (分, lines) per slot
      sums = new Array<number>(2 * this.slots).fill(0);
      this.byKey.add(key, sums);
    }
    const at = 2 * slot;
    const lines = sums[at + 1]! + sign;
    if (lines < 0) throw new Error(`a line of ${key} removed that was never added`);
    sums[at + 1] = lines;
    if (lines > 0) {
      sums[at] = sums[at]! + fen;
      return;
    }
    sums[at] = 0;
    if (sums.every((value) => value === 0)) this.byKey.delete(key);
  }

  keys(): readonly string[] {
    return this.byKey.keys();
  }

  /** Every slot that holds lines, by key in the order the keys came, then by slot. */
  forEachSlot(visit: (key: string, slot: number, fen: number, lines: number) => void): void {
    this.byKey.forEach((sums, key) => {
      for (let slot = 0; slot < this.slots; slot++) {
        const lines = sums[2 * slot + 1]!;
        if (lines > 0) visit(key, slot, sums[2 * slot]!, lines);
      }
    });
  }
}

/** SlotSums under two keys, (unit, code): the keys of the first level in the order they came. */
export class NestedSlotSums {
  private readonly byFirst = new Keyed<SlotSums>();

  constructor(private readonly slots: number) {}

  add(first: string, second: string, slot: number, fen: number, sign: 1 | -1): void {
    let inner = this.byFirst.get(first);
    if (inner === undefined) {
      if (sign < 0) throw new Error(`a line of ${first}/${second} removed that was never added`);
      inner = new SlotSums(this.slots);
      this.byFirst.add(first, inner);
    }
    inner.add(second, slot, fen, sign);
    if (inner.size === 0) this.byFirst.delete(first);
  }

  /** First-level keys that hold a line. */
  keys(): readonly string[] {
    return this.byFirst.keys();
  }

  forEachSlot(visit: (first: string, second: string, slot: number, fen: number, lines: number) => void): void {
    this.byFirst.forEach((inner, first) => inner.forEachSlot((second, slot, fen, lines) => visit(first, second, slot, fen, lines)));
  }
}
