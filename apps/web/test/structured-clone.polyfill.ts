// jsdom has no structuredClone, which IndexedDB (fake-indexeddb) clones values with; Node's v8
// serialiser is the same structured clone algorithm (Maps included). Import this first.
import { deserialize, serialize } from 'node:v8';

if (typeof globalThis.structuredClone === 'undefined') {
  Object.assign(globalThis, { structuredClone: <T>(value: T): T => deserialize(serialize(value)) as T });
}
