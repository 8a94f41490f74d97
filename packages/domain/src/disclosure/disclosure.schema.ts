import { z } from 'zod';
import { ZAmount } from '../budget/amount.schema';
import { ZFiscalYear, ZPerformanceIndicator, ZStaffing } from '../budget/budget-document.schema';
import { parseFen } from '../money/fen';
import { MoneyError } from '../money/money-error';
import { ZTableId, ZTableRole, type TTableRole } from '../templates/table-role';

export { ZTableId };

/**
 * The published disclosure (部门预算公开), whoever made it: derived by Budgetflow from a budget
 * document, or typed from someone else's PDF so that the rule set can check it. Every renderer
 * (HTML, CSV, PDF, XLSX, web) draws tables from this generic shape without knowing table by table.
 *
 * Amounts are exact 元 strings ("1234.50"); rounding happens only on display (toDisplayGrid), in
 * each table's own unit and print precision. The tables are those of the disclosure's template
 * (meta.template): their ids are the template's, their roles say what each means.
 */


/**
 * What a cell holds, per column: an exact amount in 元, a percentage with one decimal ("34.3"),
 * or free text (names, the basis of an estimate, an indicator value).
 */
export const COLUMN_TYPES = ['amount', 'percent', 'text'] as const;
export const ZColumnType = z.enum(COLUMN_TYPES);

export const ZColumn = z.object({
  key: z.string().min(1).max(64),
  label: z.string().max(200),
  // Consecutive columns with the same group print under one merged header cell (其中：…).
  group: z.string().max(200).optional(),
  type: ZColumnType.default('amount'),
});

/** The labels of the two leading columns every row has: its code and its name. */
export const ZRowHeader = z.object({
  codeLabel: z.string().max(100).optional(), // 科目编码 / 单位编码; absent when rows have no codes
  nameLabel: z.string().max(100), // 科目名称 / 项目
  group: z.string().max(100).optional(), // merged header above both (表7 功能科目分类)
});

const PERCENT_PATTERN = /^-?\d+(\.\d+)?$/;

export const ZRow = z.object({
  key: z.string().min(1).max(200), // stable within the table: 'total', 'econ:301', 'func:2010350:unit:019001'
  section: z.string().max(64).optional(), // a key of table.sections
  code: z.string().max(50).optional(),
  name: z.string().max(2000),
  level: z.number().int().min(0).max(9), // hierarchy depth: 类 0, 款 1, 项 2, unit 3 …
  emphasis: z.enum(['total']).optional(), // 合计 / 总计 rows
  footer: z.boolean().optional(), // summary rows that line up across side-by-side sections (本年收入合计 …)
  cells: z.record(z.string(), z.string().max(20_000).nullable()),
});

/** A part of a side-by-side table (表1/表4: 收入 | 经济分类支出 | 功能分类支出), or a row group (表9). */
export const ZSection = z.object({
  key: z.string().min(1).max(64),
  label: z.string().max(200),
  nameLabel: z.string().max(100).optional(), // 项目 / 科目, when it differs from rowHeader.nameLabel
  // Keys of the table's columns this section prints, where the sides differ (Shanghai's 单位 summary:
  // 预算数 for income, 合计 | 人员经费 | 公用经费 | 项目支出 for expenditure); absent: all of them.
  columns: z.array(z.string().min(1).max(64)).optional(),
});

/** A grid: the main body of a table, or a sub-table of 表10 (fund sources, detail, procurement). */
const gridShape = {
  rowHeader: ZRowHeader,
  columns: z.array(ZColumn),
  rows: z.array(ZRow),
};

/** Cells of amount and percent columns must be numbers a person can check; text is free. */
function checkCells(grid: { columns: TColumn[]; rows: TRow[] }, ctx: z.RefinementCtx): void {
  const types = new Map(grid.columns.map((c) => [c.key, c.type]));
  grid.rows.forEach((row, rowIndex) => {
    for (const [key, value] of Object.entries(row.cells)) {
      const type = types.get(key);
      const path = ['rows', rowIndex, 'cells', key];
      if (type === undefined) {
        ctx.addIssue({ code: 'custom', path, message: `no column "${key}" in this table` });
      } else if (value !== null && type === 'amount') {
        try {
          parseFen(value);
        } catch (error) {
          if (!(error instanceof MoneyError)) throw error;
          ctx.addIssue({ code: 'custom', path, message: `not an amount in 元: ${error.message}` });
        }
      } else if (value !== null && type === 'percent' && !PERCENT_PATTERN.test(value)) {
        ctx.addIssue({ code: 'custom', path, message: `a percentage is written like "34.3": "${value}"` });
      }
    }
  });
}

export const ZGridBlock = z
  .object({ type: z.literal('grid'), key: z.string().min(1).max(64), title: z.string().max(200).optional(), ...gridShape })
  .superRefine(checkCells);

/** Label–value facts printed as a form (表9 部门名称/填报人, 表10 项目负责人/联系电话 …). */
export const ZFactsBlock = z.object({
  type: z.literal('facts'),
  key: z.string().min(1).max(64),
  title: z.string().max(200).optional(),
  items: z.array(z.object({ label: z.string().max(200), value: z.string().max(20_000) })),
});

/** A labelled paragraph (部门职能概述, 项目立项依据, 项目绩效总目标 …). */
export const ZTextBlock = z.object({
  type: z.literal('text'),
  key: z.string().min(1).max(64),
  label: z.string().max(200),
  text: z.string().max(50_000),
});

/** 绩效指标 under one heading (表9 长期绩效目标, 年度指标 1 …; 表10 年度绩效目标表). */
export const ZIndicatorsBlock = z.object({
  type: z.literal('indicators'),
  key: z.string().min(1).max(64),
  title: z.string().max(5_000).optional(),
  // The two prior years the value columns stand for (表9/表10 print 2018 年, 2019 年).
  priorYears: z.tuple([ZFiscalYear, ZFiscalYear]).optional(),
  indicators: z.array(ZPerformanceIndicator),
});

export const ZLeafBlock = z.discriminatedUnion('type', [ZGridBlock, ZFactsBlock, ZTextBlock, ZIndicatorsBlock]);

/** 表10 prints one form per project; each is a sequence of leaf blocks. */
export const ZProjectBlock = z.object({
  type: z.literal('project'),
  key: z.string().min(1).max(64),
  name: z.string().max(200),
  unitName: z.string().max(200),
  amount: ZAmount, // 项目当年预算 in 元
  blocks: z.array(ZLeafBlock),
});

export const ZBlock = z.discriminatedUnion('type', [ZGridBlock, ZFactsBlock, ZTextBlock, ZIndicatorsBlock, ZProjectBlock]);

export const ZDisclosureTable = z
  .object({
    id: ZTableId,
    role: ZTableRole, // what the table means, whatever the template calls it
    title: z.string().max(200), // 收支预算总表
    number: z.string().max(20), // 表一 / 公开01表, as the heading prints it
    unit: z.string().max(20).default('万元'), // 元 or 万元, as the heading prints it
    // Decimals the amounts print with; absent: 万元 to one, 元 to two (printDecimals).
    decimals: z.number().int().min(0).max(4).optional(),
    // 'side-by-side': each section is a column block next to the others (表1, 表4); rows that are
    // `footer` line up at the bottom. 'rows': sections, if any, group rows one under another.
    layout: z.enum(['rows', 'side-by-side']).default('rows'),
    sections: z.array(ZSection).default([]),
    ...gridShape,
    emptyStatement: z.string().max(500).optional(), // 本单位2020年无此支出预算。 when there are no rows
    preamble: z.array(ZLeafBlock).default([]), // printed before the grid (表9's header facts)
    blocks: z.array(ZBlock).default([]), // printed after the grid (表9 texts and indicators, 表10 projects)
  })
  .superRefine(checkCells);

/** A figure stated in the explanations, pointing to where the tables hold it. */
export const ZTableRef = z.object({ table: ZTableId, row: z.string(), column: z.string() });

export const ZFigure = z.object({
  key: z.string().min(1).max(100), // stable: 'total', 'basic', 'basic-share', 'func-share:201' …
  kind: z.enum(['amount', 'percent', 'count']),
  // amount: exact 元 ("2074000.00"); percent: "34.3"; count: integer text ("1").
  value: z.string().max(50),
  text: z.string().max(50), // as the paragraph prints it: "207.4", "34.3", "1"
  unit: z.string().max(10), // 万元, %, 个 …
  // Decimals the text prints with; absent: as many as `text` shows (figureDecimals).
  decimals: z.number().int().min(0).max(4).optional(),
  // Where the figure comes from: an amount is that cell; a share is numerator / denominator.
  source: ZTableRef.optional(),
  denominator: ZTableRef.optional(),
});

export const ZParagraph = z.object({ text: z.string().max(50_000), figures: z.array(ZFigure).default([]) });

export const ZExplanationSection = z.object({
  key: z.string().min(1).max(64),
  title: z.string().max(500),
  paragraphs: z.array(ZParagraph),
});

export const ZGlossaryEntry = z.object({
  key: z.string().min(1).max(64),
  term: z.string().max(200),
  definition: z.string().max(5_000),
  // For 本部门使用的主要支出功能分类科目(项级): one item per functional 项 that the budget uses.
  items: z
    .array(z.object({ code: z.string().max(20), label: z.string().max(500), definition: z.string().max(5_000) }))
    .default([]),
});

export const ZDisclosureMeta = z.object({
  departmentCode: z.string().min(1).max(20),
  departmentName: z.string().min(1).max(200), // 武汉市硚口区大数据中心
  shortName: z.string().max(200).optional(), // 硚口区大数据中心, as titles print it
  fiscalYear: ZFiscalYear,
  // The template whose tables, units and wording the disclosure follows (templates/*.ts).
  template: z.string().min(1).max(64).default('hubei-2020'),
  // 部门预算 (the department with all its units) or 单位预算 (one unit: Shanghai publishes both).
  scope: z.enum(['department', 'unit']).default('department'),
  unitLabel: z.string().max(20).default('万元'), // version 1: the one unit of every table; version 2 reads table.unit
  // 'exact': cells are exact sums of 元 lines (derived). 'display-rounded': cells were transcribed
  // from a printed table, so each is only known to half a display unit; checkers allow for that.
  amountPrecision: z.enum(['exact', 'display-rounded']).default('exact'),
  generatedFrom: z.string().max(200).optional(), // revision hash of the budget document it derives from
});

export const ZOverview = z.object({
  functions: z.array(z.string().max(20_000)), // 主要职能, one paragraph each
  units: z.array(z.object({ code: z.string().max(20), name: z.string().max(200), level: z.enum(['self', 'subordinate']) })),
  staffing: ZStaffing,
});

export const DISCLOSURE_SCHEMA_VERSION = 2;

const ZDisclosureV2 = z.object({
  schemaVersion: z.literal(DISCLOSURE_SCHEMA_VERSION),
  meta: ZDisclosureMeta,
  overview: ZOverview, // 第一部分 概况
  tables: z.array(ZDisclosureTable), // 第二部分: the template's tables, in print order
  explanations: z.array(ZExplanationSection), // 第三部分 说明
  glossary: z.array(ZGlossaryEntry), // 第四部分 名词解释
});

/** Version 1 had the ten tables of hubei-2020 only, T1 … T10, each meaning one thing. */
const VERSION_1_ROLES: Readonly<Record<string, TTableRole>> = {
  T1: 'income-expenditure-summary',
  T2: 'income-summary',
  T3: 'expenditure-summary',
  T4: 'fiscal-summary',
  T5: 'general-public-function',
  T6: 'general-public-basic-economic',
  T7: 'government-fund-function',
  T8: 'three-public',
  T9: 'department-performance',
  T10: 'project-performance',
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A version-1 file read as version 2: the hubei-2020 template, each table's role from its id. Only
 * what version 2 added is filled in; anything malformed is left for the schema to report.
 */
export function upgradeDisclosure(input: unknown): unknown {
  if (!isRecord(input) || input['schemaVersion'] !== 1) return input;
  const tables = Array.isArray(input['tables'])
    ? input['tables'].map((t: unknown) => {
        if (!isRecord(t) || typeof t['id'] !== 'string' || t['role'] !== undefined) return t;
        const role = VERSION_1_ROLES[t['id']];
        return role === undefined ? t : { ...t, role };
      })
    : input['tables'];
  const meta = isRecord(input['meta']) ? { template: 'hubei-2020', ...input['meta'] } : input['meta'];
  return { ...input, schemaVersion: DISCLOSURE_SCHEMA_VERSION, meta, tables };
}

/** A disclosure of version 2, or of version 1 read as version 2. */
export const ZDisclosure = z.preprocess(upgradeDisclosure, ZDisclosureV2);

export type TTableId = z.output<typeof ZTableId>;
export type TColumnType = z.output<typeof ZColumnType>;
export type TColumn = z.output<typeof ZColumn>;
export type TRowHeader = z.output<typeof ZRowHeader>;
export type TRow = z.output<typeof ZRow>;
export type TSection = z.output<typeof ZSection>;
export type TGridBlock = z.output<typeof ZGridBlock>;
export type TFactsBlock = z.output<typeof ZFactsBlock>;
export type TTextBlock = z.output<typeof ZTextBlock>;
export type TIndicatorsBlock = z.output<typeof ZIndicatorsBlock>;
export type TLeafBlock = z.output<typeof ZLeafBlock>;
export type TProjectBlock = z.output<typeof ZProjectBlock>;
export type TBlock = z.output<typeof ZBlock>;
export type TDisclosureTable = z.output<typeof ZDisclosureTable>;
export type TTableRef = z.output<typeof ZTableRef>;
export type TFigure = z.output<typeof ZFigure>;
export type TParagraph = z.output<typeof ZParagraph>;
export type TExplanationSection = z.output<typeof ZExplanationSection>;
export type TGlossaryEntry = z.output<typeof ZGlossaryEntry>;
export type TDisclosureMeta = z.output<typeof ZDisclosureMeta>;
export type TOverview = z.output<typeof ZOverview>;
/** A disclosure as stored and rendered: defaults filled. */
export type TDisclosure = z.output<typeof ZDisclosure>;
/** A disclosure as someone writes it (version 2), before parsing. */
export type TDisclosureInput = z.input<typeof ZDisclosureV2>;
