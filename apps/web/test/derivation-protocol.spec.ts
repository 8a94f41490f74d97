import { catalogueForYear, deriveAndValidate, type TBudgetDocument, type Catalogue } from '@budgetflow/domain';
import {
  DerivationClient,
  deriveForEditor,
  sameThreadChannel,
  serveDerivations,
  type TDerivationAnswer,
  type TEndpoint,
  type TFromWorker,
  type TToWorker,
} from '../src/features/editor/derive/derivation-protocol';
import { currentDocument, setLine, startWorkingCopy, type TWorkingCopy } from '../src/features/editor/working-copy';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();
const catalogue = catalogueForYear(seed.fiscalYear);
const [first] = seed.expenditureLines;

/** The copy with the first line's amount typed. */
const typed = (copy: TWorkingCopy, amount: string) => setLine(copy, { ...first!, amount });

/** A page end whose messages the test reads, and whose answers the test hands in, in any order. */
function scriptedWorker() {
  const sent: TToWorker[] = [];
  const listeners: ((event: { data: TFromWorker }) => void)[] = [];
  const port: TEndpoint<TFromWorker, TToWorker> = {
    postMessage: (message) => void sent.push(message),
    addEventListener: (_type, listener) => void listeners.push(listener),
  };
  const answer = (data: TFromWorker) => listeners.forEach((l) => l({ data }));
  return { port, sent, answer };
}

/** The client on the same-thread channel, with the worker's derivation counted; answers collected. */
function servedClient() {
  const derivedAmounts: string[] = [];
  const { page, worker } = sameThreadChannel();
  const received: TFromWorker[] = [];
  page.addEventListener('message', ({ data }) => received.push(data));
  serveDerivations(worker, (doc: TBudgetDocument, codes: Catalogue) => {
    derivedAmounts.push(doc.expenditureLines[0]!.amount);
    return deriveForEditor(doc, codes);
  });
  const answers: { seq: number; answer: TDerivationAnswer }[] = [];
  const client = new DerivationClient(page, (seq, answer) => answers.push({ seq, answer }));
  return { client, answers, derivedAmounts, received };
}

/** Waits (generously) until `done`. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
const answered = (answers: readonly unknown[]) => until(() => answers.length > 0);

describe("the editor's derivation off the page's thread", () => {
  it("drops an older edit's answer: the latest edit wins, whatever order the answers come in", () => {
    const worker = scriptedWorker();
    const heard: number[] = [];
    const client = new DerivationClient(worker.port, (seq) => heard.push(seq));
    const copy = startWorkingCopy(seed, 1);
    const older = client.request(typed(copy, '1.00'), catalogue);
    const newer = client.request(typed(copy, '2.00'), catalogue);
    const { disclosure, findings, lineNos } = deriveForEditor(seed, catalogue);
    const { tables, ...rest } = disclosure;
    const whole = { against: 0, change: { rest, tables }, findings, lineNos };

    worker.answer({ kind: 'derived', seq: older, ...whole });
    expect(heard).toEqual([]);
    worker.answer({ kind: 'derived', seq: newer, ...whole });
    worker.answer({ kind: 'failed', seq: older, message: 'late' });
    expect(heard).toEqual([newer]);
  });

  it('sends the 10,000 lines of a base once, then only the edits', () => {
    const worker = scriptedWorker();
    const client = new DerivationClient(worker.port, () => undefined);
    const copy = startWorkingCopy(seed, 1);
    client.request(typed(copy, '1.00'), catalogue);
    client.request(typed(copy, '2.00'), catalogue);
    expect(worker.sent.map((m) => m.kind)).toEqual(['base', 'catalogue', 'derive', 'derive']);
    const last = worker.sent.at(-1);
    expect(last?.kind === 'derive' && [...last.edits.lineEdits.values()]).toEqual([{ ...first, amount: '2.00' }]);

    client.request(startWorkingCopy({ ...seed }, 2), catalogue); // a save's new base
    expect(worker.sent.slice(4).map((m) => m.kind)).toEqual(['base', 'derive']);
  });

  it('derives a burst of edits once, for the newest, and answers only that one', async () => {
    const { client, answers, derivedAmounts } = servedClient();
    const copy = startWorkingCopy(seed, 1);
    client.request(typed(copy, '1.00'), catalogue);
    client.request(typed(copy, '2.00'), catalogue);
    const newest = client.request(typed(copy, '3.00'), catalogue);
    await answered(answers);
    expect(derivedAmounts).toEqual(['3.00']);
    expect(answers.map((a) => a.seq)).toEqual([newest]);
  });

  it('answers what the domain derives from the copy as the person sees it, with the rows its findings name', async () => {
    const { client, answers } = servedClient();
    const second = seed.expenditureLines[1]!;
    const copy = setLine(typed(startWorkingCopy(seed, 1), '123456.78'), { ...second, functionCode: '2999999' });
    client.request(copy, catalogue);
    await answered(answers);
    const expected = deriveAndValidate(currentDocument(copy), catalogue);
    const derived = answers[0]?.answer.ok ? answers[0].answer.derived : undefined;
    expect(derived?.findings).toEqual(expected.findings);
    expect(derived?.disclosure).toEqual(expected.disclosure);
    // the unknown code is found on the second line, and the finding's row is named
    expect(expected.findings.some((f) => f.location.kind === 'line' && f.location.lineId === second.id)).toBe(true);
    expect(derived?.lineNos.get(second.id)).toBe(2);
  });

  it('sends only the tables an edit changed; the page keeps the others as they were', async () => {
    const { client, answers, received } = servedClient();
    const copy = startWorkingCopy(seed, 1);
    client.request(copy, catalogue);
    await answered(answers);
    const edited = typed(copy, '123456.78');
    client.request(edited, catalogue);
    await until(() => answers.length === 2);

    const [before, after] = answers.map((a) => (a.answer.ok ? a.answer.derived.disclosure : undefined));
    expect(after).toEqual(deriveAndValidate(currentDocument(edited), catalogue).disclosure);
    const second = received[1];
    const sent = second?.kind === 'derived' ? second.change.tables : [];
    // some tables changed with the amount and came again; the others did not, and are the page's own
    expect(sent.some((t) => t !== null)).toBe(true);
    expect(sent.some((t) => t === null)).toBe(true);
    sent.forEach((t, i) => (t === null ? expect(after?.tables[i]).toBe(before?.tables[i]) : expect(t).toBe(after?.tables[i])));
  });

  it('answers a failure of the derivation instead of its tables', async () => {
    const { page, worker } = sameThreadChannel();
    serveDerivations(worker, () => {
      throw new Error('broken rule');
    });
    const answers: TDerivationAnswer[] = [];
    const client = new DerivationClient(page, (_seq, answer) => answers.push(answer));
    client.request(startWorkingCopy(seed, 1), catalogue);
    await answered(answers);
    expect(answers).toEqual([{ ok: false, message: 'broken rule' }]);
  });
});
