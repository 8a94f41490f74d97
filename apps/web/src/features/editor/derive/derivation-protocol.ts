import {
  deriveAndValidate,
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
 *   keeps only the answer to its newest request: the latest edit wins.
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
  const named = new Set(findings.flatMap((f) => (f.location.kind === 'line' ? [f.location.lineId] : [])));
  const lineNos = new Map<string, number>();
  if (named.size > 0) doc.expenditureLines.forEach((l, i) => named.has(l.id) && lineNos.set(l.id, i + 1));
  return { disclosure, findings, lineNos };
}

/** The working copy's edits, as `TWorkingCopy` holds them (Maps are structured-cloned as they are). */
type TEdits = Pick<TWorkingCopy, 'lineEdits' | 'incomeEdits' | 'projects' | 'parts'>;

export type TToWorker =
  | { kind: 'base'; id: number; document: TBudgetDocument }
  | { kind: 'catalogue'; id: number; catalogue: Catalogue }
  | { kind: 'derive'; seq: number; baseId: number; catalogueId: number; edits: TEdits };

export type TFromWorker =
  | { kind: 'derived'; seq: number; derived: TDerived }
  | { kind: 'failed'; seq: number; message: string };

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
      port.postMessage({ kind: 'derived', seq: request.seq, derived: derive(currentDocument(copy), catalogue) });
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

  constructor(
    private readonly port: TEndpoint<TFromWorker, TToWorker>,
    onAnswer: (seq: number, answer: TDerivationAnswer) => void,
  ) {
    port.addEventListener('message', ({ data }) => {
      if (data.seq !== this.seq) return; // an older edit's answer: a newer one is on its way
      onAnswer(data.seq, data.kind === 'derived' ? { ok: true, derived: data.derived } : { ok: false, message: data.message });
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
