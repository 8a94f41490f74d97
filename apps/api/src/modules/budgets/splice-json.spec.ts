import { spliceJson } from './splice-json';

describe('spliceJson', () => {
  it('joins an object and the JSON text of another into one object', () => {
    expect(JSON.parse(spliceJson({ a: 1, s: '}' }, '{"b":[1,{"c":"{"}]}'))).toEqual({ a: 1, s: '}', b: [1, { c: '{' }] });
  });

  it('handles empty sides', () => {
    expect(spliceJson({}, '{"b":2}')).toBe('{"b":2}');
    expect(spliceJson({ a: 1 }, '{}')).toBe('{"a":1}');
  });

  it('refuses what is not an object', () => {
    expect(() => spliceJson({ a: 1 }, '[1]')).toThrow(TypeError);
  });
});
