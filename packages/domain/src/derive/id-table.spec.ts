import { idTable } from './id-table';

/** Positions whose id an earlier position had, by a Set: the reference. */
function reference(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => (seen.has(id) ? [i] : (seen.add(id), [])));
}

function repeated(ids: readonly string[]): number[] {
  const table = idTable(ids.length, (i) => ids[i]!);
  return ids.flatMap((id, i) => (table.seen(id, i) ? [i] : []));
}

describe('idTable', () => {
  it('finds every repeated id, and only those, as a Set would', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const ids = Array.from({ length: 20_000 }, (_, i) => (i % 9 === 0 ? `L${next() % 3000}` : `L${i}`));
    const expected = reference(ids);
    expect(expected.length).toBeGreaterThan(100);
    expect(repeated(ids)).toEqual(expected);
  });

  it('tells apart ids that share a hash slot, the empty id and ids in other scripts', () => {
    const ids = ['', 'a', '', '支出1', 'b', '支出1', 'a', 'ab', 'ba'];
    expect(repeated(ids)).toEqual([2, 5, 6]);
    // 16 ids in a table of 32 slots: many of them probe past a taken slot
    const crowded = Array.from({ length: 8 }, (_, i) => `id${i}`);
    expect(repeated([...crowded, ...crowded])).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
  });
});
