import type { TColumn, TDisclosureTable, TRow } from '../disclosure/disclosure.schema';
import type { DeriveContext } from './derive-context';
import { functionHierarchyRows } from './function-hierarchy';
import { amountColumn } from './table-parts';

const OF_WHICH = '其中：';

export const FUNCTION_HIERARCHY_COLUMNS: TColumn[] = [
  amountColumn('total', '预算数'),
  amountColumn('basic', '基本支出', OF_WHICH),
  amountColumn('project', '项目支出', OF_WHICH),
];

/** 表5 一般公共预算支出表: lines funded by the general public budget, 类 → 款 → 项 → unit. */
export function deriveT5(ctx: DeriveContext): TDisclosureTable {
  const rows: TRow[] = functionHierarchyRows(ctx, (c) => c.family === 'general-public');
  return {
    id: 'T5',
    number: '表五',
    title: '一般公共预算支出表',
    unit: '万元',
    layout: 'rows',
    sections: [],
    rowHeader: { codeLabel: '科目编码', nameLabel: '科目名称' },
    columns: FUNCTION_HIERARCHY_COLUMNS,
    rows,
    ...(rows.length === 0 ? { emptyStatement: `本单位${ctx.doc.fiscalYear}年无此支出预算。` } : {}),
    preamble: [],
    blocks: [],
  };
}
