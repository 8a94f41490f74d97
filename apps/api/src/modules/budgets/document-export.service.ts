import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { TBudgetDocument } from '@budgetflow/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { Turns } from '../../common/worker/turns';
import { BudgetLinesRepository } from './budget-lines.repository';
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
 * zlib's fastest level: lines repeat their keys and codes, so it shrinks them nearly as well as the
 * default (23x against 24x on generated lines) for half the CPU, which the other users' requests share.
 */
const GZIP_LEVEL = 1;

/**
 * A budget's whole document and its workbook, read so that one of 100,000 lines neither stalls the
 * other users nor fills the server's memory: the document goes out as it is read, a step of lines
 * at a time, from one snapshot; the workbook is written in a worker thread (workbook-threads.ts).
 */
@Injectable()
export class DocumentExportService {
  private readonly logger = new Logger(DocumentExportService.name);
  private readonly streams = new Turns(PARALLEL_STREAMS);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly budgets: BudgetsService,
    private readonly rows: BudgetsRepository,
    private readonly lines: BudgetLinesRepository,
  ) {}

  /**
   * Writes the document (the same JSON as BudgetsService.exportDocument) to `out`, gzipped if asked.
   * An unknown or invisible budget throws before any byte is sent; a failure after that cuts the
   * answer short, so a client never takes half a document for a whole one.
   */
  async streamDocument(caller: TCaller, id: string, out: Response, gzip: boolean): Promise<void> {
    await this.streams.run(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction('REPEATABLE READ');
        const budget = await this.budgets.mustFind(runner.manager, caller, id);
        out.setHeader('ETag', etagOf(budget.version));
        out.type('application/json');
        out.setHeader('Vary', 'Accept-Encoding');
        if (gzip) out.setHeader('Content-Encoding', 'gzip');
        const chunks = this.documentChunks(runner.manager, id);
        await (gzip ? pipeline(chunks, createGzip({ level: GZIP_LEVEL }), out) : pipeline(chunks, out)).catch((error: unknown) => {
          // A reader that went away is no fault of ours; anything else is logged, and the answer is cut.
          if (!out.writableFinished && !isPrematureClose(error)) this.logger.error(`document ${id} cut short: ${String(error)}`);
          out.destroy();
        });
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    });
  }

  /** The workbook template of the working copy; at most as many documents in memory for it as the worker has turns. */
  async workbook(caller: TCaller, id: string): Promise<{ version: number; document: TBudgetDocument; bytes: Buffer }> {
    return writeWorkbook(async () => {
      const { version, document } = await this.budgets.exportDocument(caller, id);
      return { version, document, catalogue: await this.budgets.catalogueOf(document.fiscalYear) };
    });
  }

  /** The document's JSON, in the key order of joinDocument: the rest, the income lines, then the expenditure lines step by step. */
  private async *documentChunks(m: EntityManager, id: string): AsyncGenerator<string> {
    const rest = JSON.stringify(await this.rows.documentRest(m, id));
    const income = (await this.lines.loadIncome(m, id)).map(toIncomeLine);
    yield `${rest === '{}' ? '{' : `${rest.slice(0, -1)},`}"incomeLines":${JSON.stringify(income)},"expenditureLines":[`;
    let first = true;
    for await (const step of this.lines.expenditureInSteps(m, id, LINES_PER_STEP)) {
      yield `${first ? '' : ','}${step.map((row) => JSON.stringify(toExpenditureLine(row))).join(',')}`;
      first = false;
    }
    yield ']}';
  }
}

function isPrematureClose(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ERR_STREAM_PREMATURE_CLOSE';
}
