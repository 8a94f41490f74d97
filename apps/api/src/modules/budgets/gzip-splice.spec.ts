import { gunzipSync } from 'node:zlib';
import { gzipSpliceJson } from './gzip-splice';
import { spliceJson } from './splice-json';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('gzipSpliceJson', () => {
  const prepared = bytes(JSON.stringify({ tables: Array.from({ length: 2000 }, (_, i) => ({ key: `row${i}`, name: '一般公共服务支出', total: `${i}.05` })) }));

  it('gunzips to exactly what spliceJson gives, and again with another head on the same prepared part', () => {
    for (const head of [{ id: 'a', name: '预算', page: [1, 2, 3] }, { id: 'b', s: '}', n: 2 }]) {
      expect(gunzipSync(gzipSpliceJson(head, prepared)).equals(spliceJson(head, prepared))).toBe(true);
    }
  });

  it('is a fraction of the bytes of the plain answer', () => {
    expect(gzipSpliceJson({ id: 'a' }, prepared).length).toBeLessThan(spliceJson({ id: 'a' }, prepared).length / 5);
  });

  it('handles empty sides and refuses what is not an object, as spliceJson does', () => {
    expect(gunzipSync(gzipSpliceJson({}, bytes('{"b":2}'))).toString()).toBe('{"b":2}');
    expect(gunzipSync(gzipSpliceJson({ a: 1 }, bytes('{}'))).toString()).toBe('{"a":1}');
    expect(() => gzipSpliceJson({ a: 1 }, bytes('[1]'))).toThrow(TypeError);
  });
});
