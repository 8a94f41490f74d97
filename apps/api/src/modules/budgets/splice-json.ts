/**
 * One JSON object from an object and the text of another (`{"a":1}` + `{"b":2}` → `{"a":1,"b":2}`),
 * so a large prepared part is sent as it is stored instead of being parsed and serialised again.
 */
export function spliceJson(head: object, objectJson: string): string {
  const first = JSON.stringify(head);
  if (!first.startsWith('{') || !objectJson.startsWith('{')) throw new TypeError('spliceJson joins two JSON objects');
  if (first === '{}') return objectJson;
  return objectJson === '{}' ? first : `${first.slice(0, -1)},${objectJson.slice(1)}`;
}
