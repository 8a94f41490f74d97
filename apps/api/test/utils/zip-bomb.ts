import { constants, createDeflateRaw, crc32 } from 'node:zlib';

export interface TBombEntry {
  name: string;
  /** How many bytes the entry inflates to (a repeated byte, so it deflates about 1,000 to 1). */
  inflatedBytes: number;
  /** The size the zip's directory states; a lying bomb states less than it inflates to. */
  declaredBytes?: number;
}

const CHUNK = Buffer.alloc(1024 * 1024, 0x20);

/**
 * A zip bomb, built as a stream: its inflated content is never held in memory, only the deflated
 * bytes (about 1 kB per MB). Zip format: local headers with the data, then the central directory.
 */
export async function zipBomb(entries: readonly TBombEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc } = await deflateRepeated(entry.inflatedBytes);
    const name = Buffer.from(entry.name);
    const size = entry.declaredBytes ?? entry.inflatedBytes;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function deflateRepeated(bytes: number): Promise<{ data: Buffer; crc: number }> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let left = bytes; left > 0; left -= CHUNK.length) {
    const piece = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc };
}
