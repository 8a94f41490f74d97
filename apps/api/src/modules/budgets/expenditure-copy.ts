import type { TExpenditureLine } from '@budgetflow/domain';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { TLinesOf } from './budget-lines.repository';

const BATCH = 1_000;

/**
 * Writes a whole document's expenditure lines with COPY, the fastest way into PostgreSQL: an
 * import of 10,000 lines is one stream instead of 10,000 row inserts. For an import only: the
 * budget's lines were just removed in the same transaction, so the ordinals start at 1.
 */
export async function copyExpenditureLines(m: EntityManager, budget: TLinesOf, lines: readonly TExpenditureLine[]): Promise<void> {
  if (lines.length === 0) return;
  const client = (m.queryRunner as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (client === undefined || m.queryRunner?.isTransactionActive !== true) throw new Error('COPY runs on the connection of a transaction');
  const copy = client.query(
    copyFrom(
      'COPY expenditure_lines (budget_id, fiscal_year, line_id, ordinal, unit_code, function_code, economic_code, kind, project_id, fund_source, amount, note) FROM STDIN WITH (FORMAT csv)',
    ),
  );
  await pipeline(Readable.from(csvBatches(budget, lines)), copy);
}

function* csvBatches(budget: TLinesOf, lines: readonly TExpenditureLine[]): Generator<string> {
  for (let start = 0; start < lines.length; start += BATCH) {
    let chunk = '';
    for (let i = start; i < Math.min(start + BATCH, lines.length); i++) {
      const l = lines[i] as TExpenditureLine;
      chunk += `${budget.id},${budget.fiscal_year},${text(l.id)},${i + 1},${text(l.unitCode)},${text(l.functionCode)},${text(l.economicCode)},${l.kind},${optional(l.projectId)},${l.fundSource},${l.amount},${optional(l.note)}\n`;
    }
    yield chunk;
  }
}

/** A CSV field, quoted: commas, quotes and line breaks in free text arrive as written. */
function text(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** In CSV COPY an unquoted empty field is NULL, a quoted one is the empty string. */
function optional(value: string | undefined): string {
  return value === undefined ? '' : text(value);
}
