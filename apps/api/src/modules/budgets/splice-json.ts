/**
 * One JSON object, as UTF-8 bytes, from an object and the bytes of another
 * (`{"a":1}` + `{"b":2}` → `{"a":1,"b":2}`), so that a large prepared part is sent as it is kept,
 * without being parsed, serialised or encoded again.
 */
export function spliceJson(head: object, objectJson: Buffer): Buffer {
  const first = Buffer.from(JSON.stringify(head), 'utf8');
  if (first[0] !== OPEN || objectJson[0] !== OPEN) throw new TypeError('spliceJson joins two JSON objects');
  if (first.length === 2) return objectJson;
  if (objectJson.length === 2) return first;
  return Buffer.concat([first.subarray(0, -1), COMMA, objectJson.subarray(1)]);
}

const OPEN = '{'.charCodeAt(0);
const COMMA = Buffer.from(',');
