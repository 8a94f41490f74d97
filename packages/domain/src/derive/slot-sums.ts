/** Keys a scan finds faster than a Map does; past them, a Map of positions finds them. */
const SCANNED_KEYS = 8;

/**
 * Values by string key in the order the keys came. The pass over the lines looks a key up per
 * line and projection: most key sets are small (a project's 款, its one 项, a department's units),
 * and a scan of a few keys costs less than a Map, of which the wide budgets would keep thousands
 * (two per project), each lookup a cache miss. A set that outgrows the scan moves into a Map.
 */
class Keyed<T> {
  private keyList: string[] = [];
  private valueList: T[] = [];
  private map: Map<string, T> | undefined;

  get size(): number {
    return this.map === undefined ? this.keyList.length : this.map.size;
  }

  protected get(key: string): T | undefined {
    if (this.map !== undefined) return this.map.get(key);
    const keys = this.keyList;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.valueList[i];
    return undefined;
  }

  protected put(key: string, value: T): void {
    if (this.map !== undefined) {
      this.map.set(key, value);
      return;
    }
    this.keyList.push(key);
    this.valueList.push(value);
    if (this.keyList.length <= SCANNED_KEYS) return;
    this.map = new Map(this.keyList.map((k, i) => [k, this.valueList[i]!]));
    this.keyList = [];
    this.valueList = [];
  }

  /** Drops a key; the others keep their order. */
  protected drop(key: string): void {
    if (this.map !== undefined) {
      this.map.delete(key);
      return;
    }
    const at = this.keyList.indexOf(key);
    if (at < 0) return;
    this.keyList.splice(at, 1);
    this.valueList.splice(at, 1);
  }

  keys(): string[] {
    return this.map === undefined ? [...this.keyList] : [...this.map.keys()];
  }

  protected forEachValue(visit: (value: T, key: string) => void): void {
    if (this.map !== undefined) this.map.forEach(visit);
    else this.keyList.forEach((key, i) => visit(this.valueList[i]!, key));
  }
}

/**
 * Sums of lines in 分 under a key, in numbered slots (a fund family × kind, a fund family, or one
 * slot), each with its count of lines. Kept as numbers in one array per key while the lines are
 * read, not as an object per cell: the pass over 100,000 lines then does what a bare grouping does,
 * a lookup and two additions per projection, and the cells are built once, when asked for.
 * Integers below 2^53 are exact in a double; the aggregate checks that every sum stays there.
 */
export class SlotSums extends Keyed<number[]> {
  constructor(readonly slots: number) {
    super();
  }

  /**
   * Adds a line's 分 (negative when it goes) to `slot` of `key`. A slot whose last line went is
   * emptied, and a key none of whose slots holds a line is dropped: sums with a line removed are
   * the sums of the other lines, in the order their keys first came.
   */
  add(key: string, slot: number, fen: number, sign: 1 | -1): void {
    let sums = this.get(key);
    if (sums === undefined) {
      if (sign < 0) throw new Error(`a line of ${key} removed that was never added`);
      // (分, lines) per slot
      sums = new Array<number>(2 * this.slots).fill(0);
      this.put(key, sums);
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
    if (sums.every((value) => value === 0)) this.drop(key);
  }

  /** Every slot that holds lines, by key in the order the keys came, then by slot. */
  forEachSlot(visit: (key: string, slot: number, fen: number, lines: number) => void): void {
    this.forEachValue((sums, key) => {
      for (let slot = 0; slot < this.slots; slot++) {
        const lines = sums[2 * slot + 1]!;
        if (lines > 0) visit(key, slot, sums[2 * slot]!, lines);
      }
    });
  }
}

/** SlotSums under two keys, (unit, code): the keys of the first level in the order they came. */
export class NestedSlotSums extends Keyed<SlotSums> {
  constructor(private readonly slots: number) {
    super();
  }

  add(first: string, second: string, slot: number, fen: number, sign: 1 | -1): void {
    let inner = this.get(first);
    if (inner === undefined) {
      if (sign < 0) throw new Error(`a line of ${first}/${second} removed that was never added`);
      inner = new SlotSums(this.slots);
      this.put(first, inner);
    }
    inner.add(second, slot, fen, sign);
    if (inner.size === 0) this.drop(first);
  }

  forEachSlot(visit: (first: string, second: string, slot: number, fen: number, lines: number) => void): void {
    this.forEachValue((inner, first) => inner.forEachSlot((second, slot, fen, lines) => visit(first, second, slot, fen, lines)));
  }
}
