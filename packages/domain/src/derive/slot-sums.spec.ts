import { NestedSlotSums, SlotSums } from './slot-sums';

/** What the sums hold, as (key, slot, 分, lines) in the order forEachSlot gives them. */
function contents(sums: SlotSums): [string, number, number, number][] {
  const out: [string, number, number, number][] = [];
  sums.forEachSlot((key, slot, fen, lines) => out.push([key, slot, fen, lines]));
  return out;
}

describe('SlotSums', () => {
  // 3 keys are found by a scan, 12 by the Map a set past 8 keys builds
  it.each([3, 12])('with %i keys: a key whose last line goes leaves, the others keep their order and their sums', (count) => {
    const sums = new SlotSums(2);
    const keys = Array.from({ length: count }, (_, i) => `k${i}`);
    keys.forEach((key, i) => {
      sums.add(key, 0, 100 + i, 1);
      sums.add(key, 1, 5, 1);
    });
    sums.add('k1', 0, -101, -1);
    expect(contents(sums).filter(([key]) => key === 'k1')).toEqual([['k1', 1, 5, 1]]);
    sums.add('k1', 1, -5, -1);
    expect(sums.keys()).toEqual(keys.filter((k) => k !== 'k1'));
    // found again after the removal, and a key that comes back comes last
    sums.add('k2', 0, 1, 1);
    sums.add('k1', 1, 7, 1);
    expect(contents(sums).find(([key, slot]) => key === 'k2' && slot === 0)).toEqual(['k2', 0, 103, 2]);
    expect(sums.keys().at(-1)).toBe('k1');
    expect(sums.size).toBe(count);
  });

  it('refuses to take out a line of a key or a slot it never had', () => {
    const sums = new SlotSums(2);
    expect(() => sums.add('a', 0, -1, -1)).toThrow('never added');
    sums.add('a', 0, 1, 1);
    expect(() => sums.add('a', 1, -1, -1)).toThrow('never added');
  });
});

describe('NestedSlotSums', () => {
  it('drops a first key with its last second key, and refuses a line it never had', () => {
    const sums = new NestedSlotSums(1);
    sums.add('u1', 'c1', 0, 10, 1);
    sums.add('u2', 'c1', 0, 20, 1);
    sums.add('u1', 'c1', 0, -10, -1);
    expect(sums.keys()).toEqual(['u2']);
    expect(() => sums.add('u3', 'c1', 0, -1, -1)).toThrow('never added');
  });
});
