import { Turns } from '../worker/turns';

/** The little of a Node response this needs (express's Response is one). */
export interface TAnswerOut {
  readonly writableNeedDrain: boolean;
  write(bytes: Buffer): boolean;
  end(bytes?: Buffer): void;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

/**
 * From this size on an answer is large: a 100,000-line document is about 2 MB gzipped, a
 * 30,000-line one 600 kB, a small budget's GET a few kB.
 */
export const LARGE_ANSWER_BYTES = 256 * 1024;
/**
 * Bytes handed to the socket at a time. One write of 2 MB to a loopback or LAN socket is one system
 * call that copies it all into the kernel (tens of milliseconds on a busy machine), during which no
 * other request is served; 64 kB costs well under a millisecond.
 */
export const SLICE_BYTES = 64 * 1024;

/**
 * Large answers (a whole document, a workbook) sent so that a crowd downloading them does not stall
 * everyone else's small requests. Each is written a slice at a time, the event loop let go between
 * slices, so other requests' work runs in between; and at most `slots` of them are being written at
 * once, the others waiting their turn in order of arrival (Turns: nothing refused, none starved),
 * so the slices written between two steps of a small request stay few however many download. An
 * answer whose reader is slower than the server lets go of its turn while it waits for the reader
 * (backpressure), so slow or stalled readers hold neither a turn nor more than a slice of memory.
 * The bytes sent are exactly the ones given.
 */
export class LargeAnswers {
  private readonly turns: Turns;

  constructor(slots: number) {
    this.turns = new Turns(slots);
  }

  /** Writes `bytes` and ends the answer; resolves when the last slice is handed over, or the reader went away. */
  async send(out: TAnswerOut, bytes: Buffer): Promise<void> {
    if (bytes.length < LARGE_ANSWER_BYTES) {
      out.end(bytes);
      return;
    }
    // Closed: the reader went away (a response is not always marked destroyed when its socket is).
    let closed = false;
    out.once('close', () => (closed = true));
    let at = 0;
    while (at < bytes.length && !closed) {
      const readerBehind = await this.turns.run(async () => {
        while (at < bytes.length && !closed) {
          out.write(bytes.subarray(at, at + SLICE_BYTES));
          at += SLICE_BYTES;
          // Also lets the drain of a slice the socket took whole fire: what still waits is the reader.
          await nextTurnOfTheLoop();
          if (out.writableNeedDrain) return true;
        }
        return false;
      });
      if (readerBehind && !closed) await drainedOrClosed(out);
    }
    // A reader that went away takes no more; the answer is over either way.
    if (!closed) out.end();
  }
}

/** setImmediate: after the I/O callbacks already waiting (other requests' rows from the database, say). */
function nextTurnOfTheLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function drainedOrClosed(out: TAnswerOut): Promise<void> {
  return new Promise((resolve) => {
    if (!out.writableNeedDrain) {
      resolve();
      return;
    }
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}
