import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZBudgetDocument, catalogueForYear, deriveDisclosure, type TBudgetDocument, type TDisclosure } from '@budgetflow/domain';

/** The seed's budget document (packages/domain/fixtures), as a revision stores it. */
export function seedDocument(template?: { template: string; scope?: 'department' | 'unit' }): TBudgetDocument {
  const path = join(__dirname, '../../../../packages/domain/fixtures/qiaokou-bigdata-2020.json');
  return ZBudgetDocument.parse({ ...JSON.parse(readFileSync(path, 'utf8')), ...template });
}

/**
 * The seed's budget (packages/domain/fixtures) derived into its disclosure, as the jobs render it;
 * under its own template (hubei-2020) or another one's, for the same lines.
 */
export function seedDisclosure(template?: { template: string; scope?: 'department' | 'unit' }): TDisclosure {
  const doc = seedDocument(template);
  return deriveDisclosure(doc, catalogueForYear(doc.fiscalYear));
}

/** The date of the revision the files are rendered from. */
export const REVISION_DATE = new Date('2020-03-01T08:00:00Z');
