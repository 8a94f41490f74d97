import { spliceJson } from './splice-json';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('spliceJson', () => {
  it('joins an object and the JSON bytes of another into one object', () => {
    const joined = spliceJson({ a: 1, s: '}' }, bytes('{"b":[1,{"c":"{"}],"名":"表一"}'));
    expect(JSON.parse(joined.toString('utf8'))).toEqual({ a: 1, s: '}', b: [1, { c: '{' }], 名: '表一' });
  });

  it('handles empty sides', () => {
    expect(spliceJson({}, bytes('{"b":2}')).toString()).toBe('{"b":2}');
    expect(spliceJson({ a: 1 }, bytes('{}')).toString()).toBe('{"a":1}');
  });

  it('refuses what is not an object', () => {
    expect(() => spliceJson({ a: 1 }, bytes('[1]'))).toThrow(TypeError);
  });
});
