import type { TDisclosureTable } from '../disclosure/disclosure.schema';
import type { TTableRows, TTemplateTable } from '../templates/template.schema';
import type { DeriveContext } from './derive-context';
import { economicTableRows } from './economic-table';
import { functionTableRows } from './function-table';
import { isFiscal } from './line-aggregate';
import { procurementTable } from './procurement-table';
import { incomeList, sourceSummary } from './source-summary';
import { expenditureTotal } from './use-rows';
import { summaryTable } from './summary-table';
import { deriveT10 } from './t10-project-performance';
import { deriveT2 } from './t2-income-summary';
import { deriveT3 } from './t3-expenditure-summary';
import { deriveT8 } from './t8-three-public';
import { deriveT9 } from './t9-department-performance';
import { columnsOf } from './column-sets';
import { threePublicRow } from './three-public-row';
import type { TableBody } from './table-parts';

const OF_WHICH = '其中：';

/** A table of codes (functional or economic rows) with the template's columns and headers. */
function codeTable(rows: TableBody['rows'], columns: TableBody['columns']): TableBody {
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { codeLabel: '科目编码', nameLabel: '科目名称' },
    columns,
    rows,
    preamble: [],
    blocks: [],
  };
}

/** The body of a table from the projection its template names. */
function bodyOf(ctx: DeriveContext, spec: TTemplateTable, rows: TTableRows): TableBody {
  const ofWhich = spec.ofWhich ? OF_WHICH : undefined;
  switch (rows.from) {
    case 'hubei-summary':
      return rows.funds === 'all'
        ? summaryTable({ fiscalOnly: false, include: () => true }, ctx.aggregate, ctx.catalogue)
        : summaryTable({ fiscalOnly: true, include: isFiscal }, ctx.aggregate, ctx.catalogue);
    case 'hubei-income':
      return deriveT2(ctx);
    case 'hubei-expenditure-by-unit':
      return deriveT3(ctx);
    case 'source-summary': {
      const columns = ctx.doc.scope === 'unit' && rows.unitScopeColumns !== undefined ? rows.unitScopeColumns : rows.columns;
      return sourceSummary(ctx, {
        funds: rows.funds,
        income: rows.income,
        columns,
        byUse: rows.byUse,
        alsoByUse: rows.alsoByUse,
        reserve: rows.reserve,
        classes: rows.classes,
        labels: spec.labels,
      });
    }
    case 'income-list':
      return incomeList(ctx);
    case 'expenditure-total':
      return expenditureTotal(ctx, rows);
    case 'function-hierarchy':
      return codeTable(functionTableRows(ctx, rows), columnsOf(rows.columns, spec.labels, ofWhich));
    case 'basic-economic':
      return codeTable(economicTableRows(ctx, rows), columnsOf(rows.columns, spec.labels, ofWhich));
    case 'hubei-three-public':
      return deriveT8(ctx);
    case 'three-public-row':
      return threePublicRow(ctx, rows.with, spec.labels, rows.columns);
    case 'procurement':
      return procurementTable(ctx);
    case 'department-performance':
      return deriveT9(ctx);
    case 'project-performance':
      return deriveT10(ctx);
  }
}

/** {year}, {department}, {shortName} and {subject} (本部门 / 本单位) of a title or a statement. */
export function fillPattern(pattern: string, ctx: DeriveContext): string {
  const { department } = ctx.doc;
  return pattern
    .replaceAll('{year}', String(ctx.doc.fiscalYear))
    .replaceAll('{department}', department.name)
    .replaceAll('{shortName}', department.shortName ?? department.name)
    .replaceAll('{subject}', ctx.doc.scope === 'unit' ? '本单位' : '本部门');
}

/** One table of the template, derived from the lines and labelled as the template prints it. */
export function deriveTemplateTable(ctx: DeriveContext, spec: TTemplateTable): TDisclosureTable {
  const body = bodyOf(ctx, spec, spec.rows);
  const title = ctx.doc.scope === 'unit' && spec.unitTitle !== undefined ? spec.unitTitle : spec.title;
  const header = spec.header === undefined ? body.rowHeader : { ...body.rowHeader, ...spec.header };
  return {
    id: spec.id,
    role: spec.role,
    number: spec.number,
    title: fillPattern(title, ctx),
    unit: spec.unit,
    decimals: spec.decimals,
    ...body,
    rowHeader: header,
    ...(body.rows.length === 0 && body.blocks.length === 0 && spec.emptyStatement !== undefined ? { emptyStatement: fillPattern(spec.emptyStatement, ctx) } : {}),
  };
}
