import { findTemplate } from '../templates/template-registry';
import type { TTableRole } from '../templates/table-role';
import type { TDisclosure, TDisclosureTable } from '../disclosure/disclosure.schema';
import type { TFinding } from './finding.schema';
import { amountColumns, cellFen, tableLabel } from './disclosure-grid';
import { defineRules, report } from './rule-definition';

export const EMPTY_TABLE_RULES = defineRules('empty-tables', 'disclosure', {
  missingStatement: {
    id: 'TABLE.EMPTY_STATEMENT',
    severity: 'error',
    description: {
      zh: '没有数据的表须注明（如表7「本单位2020年无此支出预算。」）',
      en: 'A table without figures says so (表7: 「本单位2020年无此支出预算。」)',
    },
    message: { zh: '{table}没有数据，也未注明无此预算', en: '{table} has no figures and does not say so' },
  },
  statementWithData: {
    id: 'TABLE.STATEMENT_WITH_DATA',
    severity: 'error',
    description: {
      zh: '有数据的表不得注明“无此预算”',
      en: 'A table with figures does not claim to be empty',
    },
    message: {
      zh: '{table}注明「{statement}」，但表中有数据',
      en: '{table} states “{statement}” but has figures',
    },
  },
});

/**
 * Tables whose rows come from the lines and that a form prints as a statement when empty: those
 * the disclosure's template gives a statement; for a template not known here, these roles.
 */
const STATED_WHEN_EMPTY: ReadonlySet<TTableRole> = new Set<TTableRole>([
  'general-public-function',
  'general-public-basic-economic',
  'government-fund-function',
  'soe-capital-function',
  'project-performance',
]);

/** Has the table any figure: a non-zero amount in a row that is not a total, or a project form? */
function hasData(table: TDisclosureTable): boolean {
  if (table.blocks.some((b) => b.type === 'project')) return true;
  const columns = amountColumns(table);
  return table.rows.some((row) => row.emphasis !== 'total' && columns.some((c) => cellFen(row, c.key) !== 0));
}

export function checkEmptyTables(disclosure: TDisclosure): TFinding[] {
  const findings: TFinding[] = [];
  const template = findTemplate(disclosure.meta.template);
  const stated = (table: TDisclosureTable) => {
    const spec = template?.tables.find((t) => t.id === table.id);
    return spec === undefined ? STATED_WHEN_EMPTY.has(table.role) : spec.emptyStatement !== undefined;
  };
  for (const table of disclosure.tables) {
    const at = { kind: 'table', table: table.id } as const;
    const statement = table.emptyStatement?.trim() ?? '';
    const data = hasData(table);
    if (!data && statement === '' && stated(table)) {
      findings.push(report(EMPTY_TABLE_RULES.missingStatement, at, { table: tableLabel(table) }));
    } else if (data && statement !== '') {
      findings.push(
        report(EMPTY_TABLE_RULES.statementWithData, at, { table: tableLabel(table), statement }),
      );
    }
  }
  return findings;
}
