import { readFileSync } from 'node:fs';
import { catalogueForYear, ZBudgetDocument } from '@budgetflow/domain';
import { AppError } from '../../src/common/errors/app-error';
import { readWorkbook } from '../../src/modules/budgets/workbook-threads';

/**
 * `node --max-old-space-size=N --import tsx read-workbook-child.ts doc.json file.xlsx…`: reads each
 * workbook as PUT /api/budgets/:id/workbook does, printing one line of JSON per file, then the
 * process's peak resident memory; workbook-bomb.spec.ts runs it with a capped heap.
 */
async function main(): Promise<void> {
  const [documentFile, ...files] = process.argv.slice(2);
  const base = ZBudgetDocument.parse(JSON.parse(readFileSync(documentFile!, 'utf8')));
  for (const file of files) {
    const answer = await readWorkbook(base, catalogueForYear(base.fiscalYear), readFileSync(file)).then(
      (read) => ({ file, ok: read.ok }),
      (error: unknown) => (error instanceof AppError ? { file, status: error.status, code: error.code, errors: error.errors } : { file, crash: String(error) }),
    );
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

void main();
