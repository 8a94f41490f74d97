/**
 * Finds ids seen before, for a known number of ids: an open-addressing table of positions in a
 * typed array sized once, with an FNV-1a hash of the id's characters. A Set<string> grows by
 * rehashing and allocates per entry; with 100,000 lines that check cost more than reading every
 * amount, and each validation repeats it.
 */
export interface IdTable {
  /** Records the id at `position`; true when an earlier position had the same id. */
  seen(id: string, position: number): boolean;
}

export function idTable(capacity: number, idAt: (position: number) => string): IdTable {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  return {
    seen(id, position) {
      let hash = 0x811c9dc5;
      for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const other = slots[slot]!;
        if (other === -1) {
          slots[slot] = position;
          return false;
        }
        if (idAt(other) === id) return true;
      }
    },
  };
}
