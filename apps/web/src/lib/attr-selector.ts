/** A CSS selector for an element whose attribute equals a value (or contains it, with `*=`), quoted safely. */
export function attrSelector(name: string, value: string, op: '=' | '*=' = '='): string {
  return `[${name}${op}"${value.replace(/["\\]/g, '\\$&')}"]`;
}
