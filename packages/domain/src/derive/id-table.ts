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
  // (position + 1, hash) side by side, 0 for a free slot (a new table is zeros, so it needs no
  // fill): an id is compared with the id at a position only when their hashes agree, so a probe
  // rarely reads another line (at 100,000 lines, a cache miss each)
  const slots = new Int32Array(2 * size);
  return {
    seen(id, position) {
      // as an int32 from the start, like the Math.imul steps, so that '' compares with its stored hash
      let hash = 0x811c9dc5 | 0;
      for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const taken = slots[2 * slot]!;
        if (taken === 0) {
          slots[2 * slot] = position + 1;
          slots[2 * slot + 1] = hash;
          return false;
        }
        if (slots[2 * slot + 1] === hash && idAt(taken - 1) === id) return true;
      }
    },
  };
}
