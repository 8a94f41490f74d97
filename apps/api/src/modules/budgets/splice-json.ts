/**
 * One JSON object, as UTF-8 bytes, from an object and the bytes of another
 * (`{"a":1}` + `{"b":2}` → `{"a":1,"b":2}`), so that a large prepared part is sent as it is kept,
 * without being parsed, serialised or encoded again.
 */
export function spliceJson(head: object, objectJson: Buffer): Buffer {
  const parts = splicedParts(head, objectJson);
  return 'whole' in parts ? parts.whole : Buffer.concat([parts.prefix, parts.tail]);
}

/**
 * The two pieces of a splice: the head's own bytes up to where the prepared object's members go
 * (`{"a":1,`), and the prepared bytes from there (`"b":2}`); or the whole answer when a side is empty.
 */
export function splicedParts(head: object, objectJson: Buffer): { prefix: Buffer; tail: Buffer } | { whole: Buffer } {
  const first = Buffer.from(JSON.stringify(head), 'utf8');
  if (first[0] !== OPEN || objectJson[0] !== OPEN) throw new TypeError('spliceJson joins two JSON objects');
  if (first.length === 2) return { whole: objectJson };
  if (objectJson.length === 2) return { whole: first };
  first[first.length - 1] = COMMA;
  return { prefix: first, tail: objectJson.subarray(1) };
}

const OPEN = '{'.charCodeAt(0);
const COMMA = ','.charCodeAt(0);
