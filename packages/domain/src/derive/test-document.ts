import { ZBudgetDocument, type TBudgetDocument, type TBudgetDocumentInput } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue';
import type { TDisclosure, TDisclosureTable } from '../disclosure/disclosure.schema';
import { formatAmount } from '../money/display';
import { parseFen } from '../money/fen';
import { deriveDisclosure } from './derive-disclosure';

type LineInput = TBudgetDocumentInput['expenditureLines'][number];

/**
 * A small hand-made budget for the tables' unit tests: two units, the given lines and income,
 * nothing else. Lines are [unit, 项, 款, kind, fund source, amount, project?].
 */
export function testDocument(
  lines: [string, string, string, LineInput['kind'], LineInput['fundSource'], string, string?][],
  income: [TBudgetDocumentInput['incomeLines'][number]['source'], string][],
  extra: Partial<TBudgetDocumentInput> = {},
): TBudgetDocument {
  return ZBudgetDocument.parse({
    schemaVersion: 1,
    fiscalYear: 2021,
    department: {
      code: '100001',
      name: '某市甲局',
      shortName: '甲局',
      units: [
        { code: '100001', name: '某市甲局', level: 'self' },
        { code: '100002', name: '某市甲局信息中心', level: 'subordinate' },
      ],
      staffing: { authorized: 10, actual: 9, retired: 1 },
    },
    incomeLines: income.map(([source, amount], i) => ({ id: `I${i + 1}`, source, amount })),
    expenditureLines: lines.map(([unitCode, functionCode, economicCode, kind, fundSource, amount, projectId], i) => ({
      id: `L${i + 1}`,
      unitCode,
      functionCode,
      economicCode,
      kind,
      fundSource,
      amount,
      ...(projectId === undefined ? {} : { projectId }),
    })),
    ...extra,
  });
}

export function derive(doc: TBudgetDocument): TDisclosure {
  return deriveDisclosure(doc, catalogueForYear(doc.fiscalYear));
}

export function tableOf(disclosure: TDisclosure, id: string): TDisclosureTable {
  const table = disclosure.tables.find((t) => t.id === id);
  if (table === undefined) throw new Error(`no table ${id}`);
  return table;
}

/** Rows as [key, exact cells…] for the given columns, to compare whole tables at once. */
export function exactRows(table: TDisclosureTable, columns: string[]): (string | null)[][] {
  return table.rows.map((r) => [r.key, ...columns.map((c) => r.cells[c] ?? null)]);
}

export const wanText = (yuan: string | null | undefined) => (yuan === null || yuan === undefined ? '' : formatAmount(parseFen(yuan)));
