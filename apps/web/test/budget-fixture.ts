import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZBudgetDocument, type TBudgetDocument, type TExpenditureLine } from '@budgetflow/domain';

/** The seed's real 2020 budget, as the domain's fixture carries it. */
export function seedDocument(): TBudgetDocument {
  const file = path.resolve(__dirname, '../../../packages/domain/fixtures/qiaokou-bigdata-2020.json');
  return ZBudgetDocument.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** `count` lines made from the seed's lines, each with its own id. */
export function manyLines(doc: TBudgetDocument, count: number): TExpenditureLine[] {
  return Array.from({ length: count }, (_, i) => {
    const template = doc.expenditureLines[i % doc.expenditureLines.length];
    if (template === undefined) throw new Error('the seed has no lines');
    return { ...template, id: `G${i + 1}`, amount: '100.00' };
  });
}
