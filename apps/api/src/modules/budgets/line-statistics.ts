import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** From this many lines written by one edit on, the partition they went to is analysed anew. */
export const BULK_LINES = 10_000;

/**
 * Fresh planner statistics after a bulk write of lines. A 100,000-line budget imported into a
 * year's partition PostgreSQL has no statistics for is estimated at a few rows, so the page of its
 * lines a GET shows (ORDER BY ordinal LIMIT 200) is planned as "read all its lines, then sort": a
 * quarter of a second of the database's CPU for each GET of it, which a crowd reading it takes from
 * everyone else's queries, instead of 200 rows read along the (budget_id, ordinal) index.
 * Autovacuum analyses a partition only once a tenth of it changed (and never where it is off), so
 * an edit of BULK_LINES lines or more analyses the partition of its year itself: after its commit,
 * out of its request, and one run at a time per partition (edits meanwhile ask for one more run).
 */
@Injectable()
export class LineStatistics {
  private readonly logger = new Logger(LineStatistics.name);
  /** Partitions (by year) being analysed; a year in `again` is analysed once more when its run ends. */
  private readonly running = new Set<number>();
  private readonly again = new Set<number>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** After an edit's commit: `linesWritten` expenditure lines of `fiscalYear` were written. */
  afterWrite(fiscalYear: number, linesWritten: number): void {
    if (linesWritten < BULK_LINES) return;
    if (this.running.has(fiscalYear)) {
      this.again.add(fiscalYear);
      return;
    }
    this.running.add(fiscalYear);
    void this.analyse(fiscalYear);
  }

  private async analyse(fiscalYear: number): Promise<void> {
    try {
      do {
        this.again.delete(fiscalYear);
        // The partition that holds the year's lines (its own, or the default one), named as PostgreSQL quotes it.
        const rows: { partition: string }[] = await this.dataSource.query(`SELECT tableoid::regclass::text AS partition FROM expenditure_lines WHERE fiscal_year = $1 LIMIT 1`, [fiscalYear]);
        const partition = rows[0]?.partition;
        if (partition !== undefined) await this.dataSource.query(`ANALYZE ${partition}`);
      } while (this.again.has(fiscalYear));
    } catch (error) {
      // Statistics are an optimisation: the lines are written; the next bulk edit tries again.
      this.logger.warn(`could not analyse the lines of ${fiscalYear}: ${String(error)}`);
    } finally {
      this.running.delete(fiscalYear);
      this.again.delete(fiscalYear);
    }
  }
}
