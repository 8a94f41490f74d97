import { z } from 'zod';
import { ZPrintUnit, ZTableId, ZTableRole } from './table-role';

/**
 * A province's disclosure template as data: which tables it prints, in which order, under which
 * numbers and titles, how each one's rows come from the budget lines, in which unit and precision,
 * and how its explanations are worded. A new province is one file of this shape in templates/.
 */

/** Which budgets' money a table counts, by the fund family of each line. */
export const FUND_SCOPES = ['all', 'fiscal', 'general-public', 'government-fund', 'soe-capital'] as const;
export const ZFundScope = z.enum(FUND_SCOPES);
export type TFundScope = z.output<typeof ZFundScope>;

/** The amount columns of a table of codes: one 金额, 合计/基本/项目, or 合计/人员经费/公用经费 … */
export const COLUMN_SETS = [
  'amount', // 金额 / 预算数
  'basic-project', // 合计 | 基本支出 | 项目支出
  'personnel-public', // 合计 | 人员经费 | 公用经费 (a basic-expenditure table)
  'personnel-public-project', // 合计 | 基本支出（人员经费 | 公用经费） | 项目支出
  'by-budget', // 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算
  'by-income-source', // 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入 (Shanghai 收入预算总表)
] as const;
export const ZColumnSet = z.enum(COLUMN_SETS);
export type TColumnSet = z.output<typeof ZColumnSet>;

/** How the income side of a summary lists the money's sources (Hubei's summary is a projection of its own). */
export const INCOME_SCHEMES = ['shanghai', 'jiangsu'] as const;
export const ZIncomeScheme = z.enum(INCOME_SCHEMES);
export type TIncomeScheme = z.output<typeof ZIncomeScheme>;

/** The columns a 三公 row may print: 合计, the 三公 and their parts, and what a template prints with them. */
export const THREE_PUBLIC_COLUMNS = [
  'total',
  'three-public',
  'overseas-travel',
  'reception',
  'vehicles',
  'vehicle-purchase',
  'vehicle-operation',
  'operating-costs',
  'meetings',
  'training',
] as const;
export type TThreePublicColumn = (typeof THREE_PUBLIC_COLUMNS)[number];

/** How a table's rows derive from the lines: one of a closed set of projections, with options. */
export const ZTableRows = z.discriminatedUnion('from', [
  // 收支预算总表 of Hubei: income by source | expenditure by economic 类 | by functional 类, with footers.
  z.object({ from: z.literal('hubei-summary'), funds: z.enum(['all', 'fiscal']) }),
  // 收入预算总表 of Hubei: the income rows of the summary.
  z.object({ from: z.literal('hubei-income') }),
  // 支出预算总表 of Hubei: per unit, then per functional 项.
  z.object({ from: z.literal('hubei-expenditure-by-unit') }),
  // A summary of income by source next to expenditure by functional 类 (Shanghai, Jiangsu).
  z.object({
    from: z.literal('source-summary'),
    funds: z.enum(['all', 'fiscal']),
    income: ZIncomeScheme,
    columns: ZColumnSet, // of the expenditure side
    unitScopeColumns: ZColumnSet.optional(), // the 单位 version's expenditure columns, where they differ
    byUse: z.boolean().default(false), // expenditure by use (基本/项目) instead of by 功能 类 (Jiangsu 财政拨款收支总表)
    alsoByUse: z.boolean().default(false), // and by use beside by 功能 类 (Jiangsu 收支预算总表)
    reserve: z.boolean().default(false), // by use, 单位预留机动经费 apart from 项目支出 (Jiangsu)
    // 功能 类 printed: those used, every 类 of the year's catalogue, or the template's own list
    // (Jiangsu prints a fixed list of 21, used or not).
    classes: z.union([z.enum(['used', 'catalogue']), z.array(z.string().regex(/^\d{3}$/)).min(1)]).default('used'),
  }),
  // Income by source as a list (Jiangsu 收入预算总表).
  z.object({ from: z.literal('income-list'), income: z.literal('jiangsu') }),
  // One total row (Jiangsu 支出预算总表).
  // with 单位预留机动经费 apart from 项目支出 and a 结转下年资金 column, where the template prints them
  z.object({ from: z.literal('expenditure-total'), columns: ZColumnSet, reserve: z.boolean().default(false), carryForward: z.boolean().default(false) }),
  // 类 → 款 → 项 of the functional classification, optionally with the units under each 项.
  z.object({ from: z.literal('function-hierarchy'), funds: ZFundScope, columns: ZColumnSet, units: z.boolean().default(false) }),
  // 类 → 款 of the economic classification, basic expenditure only.
  z.object({
    from: z.literal('basic-economic'),
    funds: ZFundScope,
    columns: ZColumnSet,
    // 机关运行经费: 公用经费 of 行政 and 参公 units only.
    operatingCostsOnly: z.boolean().default(false),
  }),
  z.object({ from: z.literal('hubei-three-public') }),
  // 三公 (and, per template, 机关运行经费 / 会议费 / 培训费) as one row of columns.
  z.object({
    from: z.literal('three-public-row'),
    with: z.array(z.enum(['operating-costs', 'meetings', 'training'])).default([]),
    // The columns in print order, where the template orders them otherwise (Jiangsu: 公务接待费 last of the 三公).
    columns: z.array(z.enum(THREE_PUBLIC_COLUMNS)).optional(),
  }),
  z.object({ from: z.literal('procurement') }),
  z.object({ from: z.literal('department-performance') }),
  z.object({ from: z.literal('project-performance') }),
]);
export type TTableRows = z.output<typeof ZTableRows>;

export const ZTemplateTable = z.object({
  id: ZTableId,
  role: ZTableRole,
  number: z.string().min(1).max(20), // 表一 / 公开01表
  // As the heading prints it; {year}, {department} (full name) and {shortName} are filled in.
  title: z.string().min(1).max(200),
  unitTitle: z.string().min(1).max(200).optional(), // the 单位 version's title, where it differs
  // Labels that differ from the projection's own: the code/name columns and their merged header, and
  // amount columns by key (total → 预算数 …).
  header: z.object({ codeLabel: z.string().max(100).optional(), nameLabel: z.string().max(100).optional(), group: z.string().max(100).optional() }).optional(),
  labels: z.record(z.string(), z.string().max(200)).default({}),
  ofWhich: z.boolean().default(false), // 其中： printed as a merged header over the columns after the total
  unit: ZPrintUnit,
  decimals: z.number().int().min(0).max(2),
  rows: ZTableRows,
  // Printed instead of rows when there are none; {year} and {subject} (本部门 / 本单位) are filled in.
  emptyStatement: z.string().max(500).optional(),
});
export type TTemplateTable = z.output<typeof ZTemplateTable>;

/** How the explanations (第三部分 / 编制说明) are written. */
export const ZNarrative = z.object({
  // hubei: nine sections (收入/支出/财政拨款/一般公共预算/基本支出/政府性基金/三公/其他); shanghai: 编制说明
  // with one paragraph per 功能 项; jiangsu: 收支总体情况 … with two-decimal shares and rates.
  style: z.enum(['hubei', 'shanghai', 'jiangsu']),
  unit: ZPrintUnit,
  decimals: z.number().int().min(0).max(2),
  shareDecimals: z.number().int().min(0).max(2), // 占比 / 增长率, in percent
  compareWith: z.enum(['prior-budget', 'prior-execution']), // 上年预算 / 上年预算执行数
});
export type TNarrative = z.output<typeof ZNarrative>;

export const ZDisclosureTemplate = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
    name: z.string().min(1).max(200), // 湖北省武汉市区级部门预算公开（2020）
    region: z.string().min(1).max(100), // the province or city that prescribes it
    scopes: z.array(z.enum(['department', 'unit'])).min(1),
    tables: z.array(ZTemplateTable).min(1),
    narrative: ZNarrative,
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.tables.forEach((table, i) => {
      if (seen.has(table.id)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'id'], message: `table id ${table.id} twice` });
      seen.add(table.id);
    });
  });
export type TDisclosureTemplate = z.output<typeof ZDisclosureTemplate>;
export type TDisclosureTemplateInput = z.input<typeof ZDisclosureTemplate>;
