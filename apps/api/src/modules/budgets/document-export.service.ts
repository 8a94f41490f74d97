import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { TBudgetDocument } from '@budgetflow/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { RecentBuilds } from '../../common/cache/recent-builds';
import { LargeAnswers } from '../../common/http/large-answers';
import { holdConnectionWhileMaking } from '../../common/http/long-answer';
import { Turns } from '../../common/worker/turns';
import { CatalogueInForce } from '../catalogue/catalogue-in-force';
import { BudgetLinesRepository, type TLinesOf } from './budget-lines.repository';
import { BudgetsRepository } from './budgets.repository';
import { BudgetsService } from './budgets.service';
import { toExpenditureLine, toIncomeLine } from './mappers/budget-document.mapper';
import { etagOf } from './request-parts';
import { writeWorkbook } from './workbook-threads';

/** Lines read and written per step of a streamed document: about 300 kB of JSON. */
const LINES_PER_STEP = 2_000;
/**
 * Documents streamed at once by this process; each holds one pooled connection (its snapshot) while
 * it streams, so a crowd exporting one 100,000-line budget leaves the pool to everyone else.
 */
const PARALLEL_STREAMS = 4;
/**
 * Made documents and workbooks written to their readers at once (a slice at a time, LargeAnswers):
 * two keep both cores' worth of sending busy while the slices between two steps of someone else's
 * small request stay two.
 */
const PARALLEL_SENDS = 2;
/**
 * zlib's fastest level: lines repeat their keys and codes, so it shrinks them nearly as well as the
 * default (23x against 24x on generated lines) for half the CPU, which the other users' requests share.
 */
const GZIP_LEVEL = 1;
/**
 * Made documents (gzipped) and workbooks kept per process: a 100,000-line budget's document is about
 * 2 MB gzipped, its workbook about 6 MB, so a crowd reading one budget costs one making, not one each.
 */
const KEPT_DOCUMENT_BYTES = 64 * 1024 * 1024;
const KEPT_WORKBOOK_BYTES = 64 * 1024 * 1024;

type TMadeWorkbook = { version: number; document: TBudgetDocument; bytes: Buffer };

/**
 * A budget's whole document and its workbook, read so that one of 100,000 lines neither stalls the
 * other users nor fills the server's memory: the document is read a step of lines at a time from one
 * snapshot and gzipped as it is read; the workbook is written in a worker thread
 * (workbook-threads.ts). Both are the same bytes for everyone at one version, so each is made once
 * per version and kept (RecentBuilds): the readers after the first cost a visibility check.
 */
@Injectable()
export class DocumentExportService {
  private readonly logger = new Logger(DocumentExportService.name);
  private readonly streams = new Turns(PARALLEL_STREAMS);
  private readonly sends = new LargeAnswers(PARALLEL_SENDS);
  private readonly documents = new RecentBuilds<Buffer>(KEPT_DOCUMENT_BYTES, (gzipped) => gzipped.length);
  private readonly workbooks = new RecentBuilds<TMadeWorkbook>(KEPT_WORKBOOK_BYTES, (made) => made.bytes.length);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly rows: BudgetsRepository,
    private readonly lines: BudgetLinesRepository,
    private readonly catalogues: CatalogueInForce,
  ) {}

  /**
   * Writes the document (the same JSON as BudgetsService.exportDocument) to `out`, gzipped if asked.
   * An unknown or invisible budget throws, and so does a failure to read it: no byte is sent before
   * the whole document is made.
   */
  async streamDocument(caller: TCaller, id: string, out: Response, gzip: boolean): Promise<void> {
    holdConnectionWhileMaking(out);
    const { version, gzipped } = await this.gzippedDocument(caller, id);
    out.setHeader('ETag', etagOf(version));
    out.type('application/json');
    out.setHeader('Vary', 'Accept-Encoding');
    if (gzip) {
      out.setHeader('Content-Encoding', 'gzip');
      out.setHeader('Content-Length', String(gzipped.length));
      await this.sendLarge(out, gzipped);
      return;
    }
    await pipeline(Readable.from([gzipped]), createGunzip(), out).catch((error: unknown) => {
      // A reader that went away is no fault of ours; anything else is logged, and the answer is cut.
      if (!out.writableFinished && !isPrematureClose(error)) this.logger.error(`document ${id} cut short: ${String(error)}`);
      out.destroy();
    });
  }

  /** A made document or workbook written to its reader in the turns of PARALLEL_SENDS, a slice at a time. */
  sendLarge(out: Response, bytes: Buffer): Promise<void> {
    return this.sends.send(out, bytes);
  }

  /** The workbook template of the working copy, made once per version and edition in force. */
  async workbook(caller: TCaller, id: string): Promise<TMadeWorkbook> {
    const budget = await this.budgets.mustFind(this.dataSource.manager, caller, id);
    const { key: edition } = await this.catalogues.forYear(budget.fiscal_year);
    const key = `${id}:${budget.version}:${edition}`;
    const made = await this.workbooks.get(key, () =>
      writeWorkbook(async () => {
        const { version, document } = await this.budgets.exportDocument(caller, id);
        return { version, document, catalogue: await this.budgets.catalogueOf(document.fiscalYear) };
      }).then(({ version, document, bytes }) => ({ version, document, bytes })),
    );
    // Edited between the check and the reading: what was made is right for its own version only.
    if (made.version !== budget.version) this.workbooks.drop(key);
    return made;
  }

  /**
   * The document gzipped, as kept for the version the caller sees, else made from one snapshot (in
   * one of the PARALLEL_STREAMS turns, which hold a pooled connection each) and kept for the next.
   */
  private async gzippedDocument(caller: TCaller, id: string): Promise<{ version: number; gzipped: Buffer }> {
    const seen = await this.budgets.mustFind(this.dataSource.manager, caller, id);
    const kept = this.documents.peek(`${id}:${seen.version}`);
    if (kept !== undefined) return { version: seen.version, gzipped: await kept };
    return this.streams.run(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction('REPEATABLE READ');
        const budget = await this.budgets.mustFind(runner.manager, caller, id);
        const { version } = budget;
        const gzipped = await this.documents.get(`${id}:${version}`, () => gzipAll(this.documentChunks(runner.manager, budget)));
        return { version, gzipped };
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    });
  }

  /** The document's JSON, in the key order of joinDocument: the rest, the income lines, then the expenditure lines step by step. */
  private async *documentChunks(m: EntityManager, budget: TLinesOf): AsyncGenerator<string> {
    const rest = JSON.stringify(await this.rows.documentRest(m, budget.id));
    const income = (await this.lines.loadIncome(m, budget)).map(toIncomeLine);
    yield `${rest === '{}' ? '{' : `${rest.slice(0, -1)},`}"incomeLines":${JSON.stringify(income)},"expenditureLines":[`;
    let first = true;
    for await (const step of this.lines.expenditureInSteps(m, budget, LINES_PER_STEP)) {
      yield `${first ? '' : ','}${step.map((row) => JSON.stringify(toExpenditureLine(row))).join(',')}`;
      first = false;
    }
    yield ']}';
  }
}

/** The chunks gzipped into one Buffer, at the fastest level. */
async function gzipAll(chunks: AsyncIterable<string>): Promise<Buffer> {
  const gzipped: Buffer[] = [];
  await pipeline(chunks, createGzip({ level: GZIP_LEVEL }), async (deflated: AsyncIterable<Buffer>) => {
    for await (const piece of deflated) gzipped.push(piece);
  });
  return Buffer.concat(gzipped);
}

function isPrematureClose(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ERR_STREAM_PREMATURE_CLOSE';
}
