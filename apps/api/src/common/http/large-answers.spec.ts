import { randomBytes } from 'node:crypto';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LARGE_ANSWER_BYTES, LargeAnswers, SLICE_BYTES } from './large-answers';

/** Far more than a socket's buffers hold, so a reader that does not read holds its answer in flight. */
const LARGE = randomBytes(16 * 1024 * 1024);
const SMALL = Buffer.from('{"small":true}');

/**
 * A real HTTP server on loopback whose /large answers go through one LargeAnswers of `slots`; `sent`
 * resolves, per request, when send() is through (the last slice handed over, or the reader gone).
 */
async function serve(slots: number): Promise<{ url: string; server: Server; sent: Promise<void>[] }> {
  const answers = new LargeAnswers(slots);
  const sent: Promise<void>[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Content-Length', String(req.url === '/large' ? LARGE.length : SMALL.length));
    sent.push(answers.send(res, req.url === '/large' ? LARGE : SMALL));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, sent };
}

/** A GET whose answer is not read until `read()` is called: its headers have come, its bytes wait. */
function heldGet(url: string): Promise<{ res: IncomingMessage; read: () => Promise<Buffer> }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.pause();
      const read = () =>
        new Promise<Buffer>((done, fail) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(Buffer.concat(chunks)));
          res.on('error', fail);
          res.resume();
        });
      resolve({ res, read });
    }).on('error', reject);
  });
}

const readAll = async (url: string) => (await heldGet(url)).read();

describe('LargeAnswers', () => {
  let servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    servers = [];
  });
  const started = async (slots: number) => {
    const s = await serve(slots);
    servers.push(s.server);
    return s;
  };

  it('sends exactly the bytes given, large (in slices) or small (at once)', async () => {
    expect(LARGE.length).toBeGreaterThan(LARGE_ANSWER_BYTES + SLICE_BYTES);
    const { url } = await started(2);
    const [large, small] = await Promise.all([readAll(`${url}/large`), readAll(`${url}/small`)]);
    expect(large.equals(LARGE)).toBe(true);
    expect(small.equals(SMALL)).toBe(true);
  });

  it('answers a small request while large answers wait for readers that do not read, and then sends them all whole', async () => {
    const { url, sent } = await started(1);
    // More held readers than turns: each must have had its first slice (its headers came), so a
    // reader that does not keep up gives its turn to the next.
    const held = await Promise.all(Array.from({ length: 4 }, () => heldGet(`${url}/large`)));
    let largeDone = 0;
    const largeSent = sent.map((s) => s.then(() => (largeDone += 1)));
    expect(await readAll(`${url}/small`)).toEqual(SMALL);
    // Answered while none of the large ones could have been sent through.
    expect(largeDone).toBe(0);
    const bodies = await Promise.all(held.map((h) => h.read()));
    for (const body of bodies) expect(body.equals(LARGE)).toBe(true);
    await Promise.all(largeSent);
  }, 60_000);

  it('lets a turn go when its reader goes away halfway, so the next large answer is sent', async () => {
    const { url, sent } = await started(1);
    const gone = await heldGet(`${url}/large`);
    await new Promise<void>((resolve) => {
      gone.res.once('data', () => {
        gone.res.destroy();
        resolve();
      });
      gone.res.resume();
    });
    await sent[0];
    expect((await readAll(`${url}/large`)).equals(LARGE)).toBe(true);
  }, 60_000);
});
