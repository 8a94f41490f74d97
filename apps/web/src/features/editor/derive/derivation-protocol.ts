import {
  deriveAndValidate,
  findingLocations,
  type Catalogue,
  type TBudgetDocument,
  type TDisclosure,
  type TFinding,
} from '@budgetflow/domain';
import { currentDocument, type TWorkingCopy } from '../working-copy';

/**
 * The editor's tables and findings are derived from all its lines after every edit (the domain's
 * derivation and rule set, 50–150 ms at 10,000 lines): in a Web Worker, so that typing is never
 * held up by it. The protocol between the page and the worker:
 * - the base document and the catalogue go once each (10,000 lines are not copied per keystroke),
 *   each under an id;
 * - each edit sends only the working copy's edits on that base, under a rising sequence number;
 * - the worker derives only the newest request it holds (those behind it are skipped) and the page
 *   keeps only the answer to its newest request: the latest edit wins;
 * - an answer carries only the tables (and the rest of the disclosure) that differ from the answer
 *   the page holds: a typed amount changes a few of the ten tables, and the others are not copied
 *   to the page again (nor drawn again, being the same objects).
 */
export interface TDerived {
  disclosure: TDisclosure;
  findings: TFinding[];
  /** The row number (from 1) of each line a finding names, in the document derived. */
  lineNos: ReadonlyMap<string, number>;
}

/** The domain's derivation and rules (one pass over the lines for both), and the rows the findings name. */
export function deriveForEditor(doc: TBudgetDocument, catalogue: Catalogue): TDerived {
  const { disclosure, findings } = deriveAndValidate(doc, catalogue);
  const named = new Set(findings.flatMap((f) => findingLocations(f).flatMap((l) => (l.kind === 'line' ? [l.lineId] : []))));
  const lineNos = new Map<string, number>();
  if (named.size > 0) doc.expenditureLines.forEach((l, i) => named.has(l.id) && lineNos.set(l.id, i + 1));
  return { disclosure, findings, lineNos };
}

/** The working copy's edits, as `TWorkingCopy` holds them (Maps are structured-cloned as they are). */
type TEdits = Pick<TWorkingCopy, 'lineEdits' | 'incomeEdits' | 'projects' | 'parts'>;

export type TToWorker =
  | { kind: 'base'; id: number; document: TBudgetDocument }
  | { kind: 'catalogue'; id: number; catalogue: Catalogue }
  /** `holds`: the request whose answer the page holds (0: none), which this one's answer is told against */
  | { kind: 'derive'; seq: number; baseId: number; catalogueId: number; edits: TEdits; holds: number };

type TTable = TDisclosure['tables'][number];
type TDisclosureRest = Omit<TDisclosure, 'tables'>;
/** A disclosure told against one the page holds: null where a part is the same as there. */
interface TDisclosureChange {
  rest: TDisclosureRest | null;
  tables: (TTable | null)[];
}

export type TFromWorker =
  | { kind: 'derived'; seq: number; against: number; change: TDisclosureChange; findings: TFinding[]; lineNos: ReadonlyMap<string, number> }
  | { kind: 'failed'; seq: number; message: string };

/** Each part of a disclosure as text, to tell which parts the next answer changes. */
interface TDisclosureText {
  rest: string;
  tables: string[];
}
const asText = ({ tables, ...rest }: TDisclosure): TDisclosureText => ({
  rest: JSON.stringify(rest),
  tables: tables.map((t) => JSON.stringify(t)),
});

function changeFrom(held: TDisclosureText | undefined, next: TDisclosure, text: TDisclosureText): TDisclosureChange {
  const { tables, ...rest } = next;
  return {
    rest: held?.rest === text.rest ? null : rest,
    tables: tables.map((t, i) => (held?.tables[i] === text.tables[i] ? null : t)),
  };
}

/** The disclosure a change tells against the one held; null when a part it leaves out is not held. */
function applyChange(held: TDisclosure | null, change: TDisclosureChange): TDisclosure | null {
  let rest = change.rest;
  if (rest === null && held !== null) {
    const { tables: _tables, ...heldRest } = held;
    rest = heldRest;
  }
  const tables = change.tables.map((t, i) => t ?? held?.tables[i] ?? null);
  if (rest === null || tables.some((t) => t === null)) return null;
  return { ...rest, tables: tables as TTable[] };
}

/** One side of a message channel: a Worker, the worker's global scope, or the same-thread stand-in. */
export interface TEndpoint<In, Out> {
  postMessage(message: Out): void;
  addEventListener(type: 'message', listener: (event: { data: In }) => void): void;
}

/**
 * The worker's side: keeps the bases and catalogues it is sent, and derives the newest request
 * once the messages already queued for it have been read (a burst of keystrokes derives once).
 */
export function serveDerivations(
  port: TEndpoint<TToWorker, TFromWorker>,
  derive: (doc: TBudgetDocument, catalogue: Catalogue) => TDerived = deriveForEditor,
): void {
  const bases = new Map<number, TBudgetDocument>();
  const catalogues = new Map<number, Catalogue>();
  // What answers sent, as text: the one the page holds and the newest (the only one it may take next).
  const answered = new Map<number, TDisclosureText>();
  let pending: Extract<TToWorker, { kind: 'derive' }> | null = null;
  let scheduled = false;

  const run = () => {
    scheduled = false;
    const request = pending;
    pending = null;
    if (request === null) return;
    const base = bases.get(request.baseId);
    const catalogue = catalogues.get(request.catalogueId);
    // Older bases and catalogues are behind this request: no later request names them.
    for (const id of bases.keys()) if (id < request.baseId) bases.delete(id);
    for (const id of catalogues.keys()) if (id < request.catalogueId) catalogues.delete(id);
    if (base === undefined || catalogue === undefined) {
      port.postMessage({ kind: 'failed', seq: request.seq, message: 'derivation asked of an unknown base or catalogue' });
      return;
    }
    const copy: TWorkingCopy = { base, baseVersion: 0, invalid: new Map(), ...request.edits };
    try {
      const { disclosure, findings, lineNos } = derive(currentDocument(copy), catalogue);
      const text = asText(disclosure);
      const held = answered.get(request.holds);
      answered.set(request.seq, text);
      for (const seq of answered.keys()) if (seq !== request.seq && seq !== request.holds) answered.delete(seq);
      port.postMessage({
        kind: 'derived',
        seq: request.seq,
        against: held === undefined ? 0 : request.holds,
        change: changeFrom(held, disclosure, text),
        findings,
        lineNos,
      });
    } catch (error) {
      port.postMessage({ kind: 'failed', seq: request.seq, message: error instanceof Error ? error.message : String(error) });
    }
  };

  port.addEventListener('message', ({ data }) => {
    switch (data.kind) {
      case 'base':
        bases.set(data.id, data.document);
        return;
      case 'catalogue':
        catalogues.set(data.id, data.catalogue);
        return;
      case 'derive':
        if (pending === null || data.seq > pending.seq) pending = data;
        if (!scheduled) {
          scheduled = true;
          setTimeout(run, 0);
        }
        return;
    }
  });
}

export type TDerivationAnswer = { ok: true; derived: TDerived } | { ok: false; message: string };

/**
 * The page's side: `request` sends what the worker lacks and the edits, and answers the request's
 * sequence number; `onAnswer` hears only the answer to the newest request (older ones are dropped).
 */
export class DerivationClient {
  private seq = 0;
  private base: TBudgetDocument | null = null;
  private baseId = 0;
  private catalogue: Catalogue | null = null;
  private catalogueId = 0;
  /** The answer accepted last, which the next answers are told against. */
  private held: { seq: number; disclosure: TDisclosure } | null = null;

  constructor(
    private readonly port: TEndpoint<TFromWorker, TToWorker>,
    onAnswer: (seq: number, answer: TDerivationAnswer) => void,
  ) {
    port.addEventListener('message', ({ data }) => {
      if (data.seq !== this.seq) return; // an older edit's answer: a newer one is on its way
      if (data.kind === 'failed') {
        onAnswer(data.seq, { ok: false, message: data.message });
        return;
      }
      const held = this.held !== null && this.held.seq === data.against ? this.held.disclosure : null;
      const disclosure = applyChange(held, data.change);
      if (disclosure === null) {
        onAnswer(data.seq, { ok: false, message: `answer ${data.seq} told against ${data.against}, which the page does not hold` });
        return;
      }
      this.held = { seq: data.seq, disclosure };
      onAnswer(data.seq, { ok: true, derived: { disclosure, findings: data.findings, lineNos: data.lineNos } });
    });
  }

  request(copy: TWorkingCopy, catalogue: Catalogue): number {
    if (copy.base !== this.base) {
      this.base = copy.base;
      this.baseId += 1;
      this.port.postMessage({ kind: 'base', id: this.baseId, document: copy.base });
    }
    if (catalogue !== this.catalogue) {
      this.catalogue = catalogue;
      this.catalogueId += 1;
      this.port.postMessage({ kind: 'catalogue', id: this.catalogueId, catalogue });
    }
    this.seq += 1;
    const { lineEdits, incomeEdits, projects, parts } = copy;
    this.port.postMessage({
      kind: 'derive',
      seq: this.seq,
      baseId: this.baseId,
      catalogueId: this.catalogueId,
      edits: { lineEdits, incomeEdits, projects, ...(parts === undefined ? {} : { parts }) },
      holds: this.held?.seq ?? 0,
    });
    return this.seq;
  }
}

/**
 * Both ends of a channel within this thread, delivering each message in a task of its own as a
 * worker's would: where there is no Worker (jsdom), the same protocol and code derive the results.
 */
export function sameThreadChannel(): {
  page: TEndpoint<TFromWorker, TToWorker>;
  worker: TEndpoint<TToWorker, TFromWorker>;
} {
  const end = <In, Out>(deliver: (message: Out) => void, listeners: ((event: { data: In }) => void)[]): TEndpoint<In, Out> => ({
    postMessage: (message) => setTimeout(() => deliver(message), 0),
    addEventListener: (_type, listener) => void listeners.push(listener),
  });
  const toPage: ((event: { data: TFromWorker }) => void)[] = [];
  const toWorker: ((event: { data: TToWorker }) => void)[] = [];
  return {
    page: end<TFromWorker, TToWorker>((data) => toWorker.forEach((l) => l({ data })), toPage),
    worker: end<TToWorker, TFromWorker>((data) => toPage.forEach((l) => l({ data })), toWorker),
  };
}
