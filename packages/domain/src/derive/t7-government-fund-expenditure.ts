import type { TDisclosureTable } from '../disclosure/disclosure.schema';
import type { DeriveContext } from './derive-context';
import { functionHierarchyRows } from './function-hierarchy';
import { FUNCTION_HIERARCHY_COLUMNS } from './t5-general-public-expenditure';

/**
 * 表7 政府性基金预算支出表: as 表5 for lines funded by the government fund budget. The seed's empty
 * form heads its columns 人员支出/公用支出; we print 表5's 基本支出/项目支出, which add up to 合计
 * also when project lines are funded this way.
 */
export function deriveT7(ctx: DeriveContext): TDisclosureTable {
  const rows = functionHierarchyRows(ctx, (c) => c.family === 'government-fund');
  return {
    id: 'T7',
    number: '表七',
    title: '政府性基金预算支出表',
    unit: '万元',
    layout: 'rows',
    sections: [],
    rowHeader: { codeLabel: '科目编码', nameLabel: '科目名称', group: '功能科目分类' },
    columns: FUNCTION_HIERARCHY_COLUMNS,
    rows,
    ...(rows.length === 0 ? { emptyStatement: `本单位${ctx.doc.fiscalYear}年无此支出预算。` } : {}),
    preamble: [],
    blocks: [],
  };
}
