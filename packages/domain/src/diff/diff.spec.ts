import { canonicalJson } from './canonical-json';
import { diffCells } from './cell-diff';
import { diffByKey } from './keyed-diff';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('diffByKey', () => {
  const line = (id: string, amount: string, note?: string) => ({ id, amount, ...(note === undefined ? {} : { note }) });

  it('finds added, removed and changed records with the fields that changed', () => {
    const diff = diffByKey([line('a', '1.00'), line('b', '2.00'), line('c', '3.00')], [line('c', '3.00'), line('b', '2.50', 'x'), line('d', '4.00')], (l) => l.id);
    expect(diff.added).toEqual([line('d', '4.00')]);
    expect(diff.removed).toEqual([line('a', '1.00')]);
    expect(diff.changed).toEqual([{ key: 'b', before: line('b', '2.00'), after: line('b', '2.50', 'x'), fields: ['amount', 'note'] }]);
  });

  it('reports nothing for the same set in another order', () => {
    const diff = diffByKey([line('a', '1.00'), line('b', '2.00')], [line('b', '2.00'), line('a', '1.00')], (l) => l.id);
    expect(diff).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('diffCells', () => {
  it('lists the leaves that moved, appeared or vanished, by path', () => {
    const before = { T1: { rows: [{ code: '201', total: '10.0' }, { code: '208', total: '5.0' }] } };
    const after = { T1: { rows: [{ code: '201', total: '12.0' }, { code: '208', total: '5.0' }, { code: '213', total: '1.0' }] } };
    expect(diffCells(before, after)).toEqual([
      { path: 'T1.rows.[201].total', before: '10.0', after: '12.0' },
      { path: 'T1.rows.[213].code', before: undefined, after: '213' },
      { path: 'T1.rows.[213].total', before: undefined, after: '1.0' },
    ]);
  });

  it('addresses rows by index when they have no unique code', () => {
    expect(diffCells({ r: [{ code: 'a', v: 1 }, { code: 'a', v: 2 }] }, { r: [{ code: 'a', v: 1 }, { code: 'a', v: 3 }] })).toEqual([
      { path: 'r.1.v', before: 2, after: 3 },
    ]);
  });

  it('reports a removed leaf with after undefined', () => {
    expect(diffCells({ a: 1, b: 2 }, { a: 1 })).toEqual([{ path: 'b', before: 2, after: undefined }]);
  });
});
