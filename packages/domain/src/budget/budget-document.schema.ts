import { z } from 'zod';
import { exceedsBudgetTotal, MAX_BUDGET_YUAN, parseFen } from '../money/fen';
import { ZText as ZCleanText } from '../text/text.schema';
import { ZAmount, ZNonNegativeAmount } from './amount.schema';
import { findTemplate, TEMPLATES } from '../templates/template-registry';
import { FUND_SOURCES } from './fund-source';

/** 支出功能分类 at 项 level: 7 digits (类 3, 款 5, 项 7). */
export const ZFunctionCode = z.string().regex(/^\d{7}$/, 'a functional classification 项 code has 7 digits');
/** 部门预算支出经济分类 at 款 level: 5 digits (类 3, 款 5). */
export const ZEconomicCode = z.string().regex(/^\d{5}$/, 'an economic classification 款 code has 5 digits');
export const ZUnitCode = z.string().regex(/^\w{1,20}$/, 'a budget unit code is 1–20 letters or digits');
export const ZFiscalYear = z.number().int().min(2000).max(2100);
export const ZFundSource = z.enum(FUND_SOURCES);
const ZId = z.string().min(1).max(64).regex(/^[\w.-]+$/, 'ids are letters, digits, "-", "_" or "."');
// Every text of the document refuses NUL, the other controls but tab and line breaks, and lone surrogates (text.schema.ts).
const ZText = ZCleanText.max(20_000);
const ZName = ZCleanText.trim().min(1).max(200);

/** 基本支出 is 人员经费 (basic-personnel) plus 日常公用经费 (basic-public); the rest is 项目支出. */
export const EXPENDITURE_KINDS = ['basic-personnel', 'basic-public', 'project'] as const;
export const ZExpenditureKind = z.enum(EXPENDITURE_KINDS);

/** A budget unit (预算单位): the department's own level (本级) or a second-level unit (二级预算单位). */
export const ZBudgetUnit = z.object({
  code: ZUnitCode,
  name: ZName,
  level: z.enum(['self', 'subordinate']),
  // 行政单位 / 参照公务员法管理的事业单位 / 事业单位: 机关运行经费 is the 公用经费 of the first two only.
  // Absent: not stated, and the unit's 公用经费 counts (as the 2020 Hubei form counted every unit's).
  category: z.enum(['administrative', 'civil-service', 'institution']).optional(),
});

/** 人员构成: staffing as Part 1 prints it. */
export const ZStaffing = z.object({
  authorized: z.number().int().min(0), // 总编制人数
  authorizedByType: z.record(ZCleanText, z.number().int().min(0)).default({}), // e.g. { 事业编制: 18 }
  actual: z.number().int().min(0), // 在职实有人数
  actualByType: z.record(ZCleanText, z.number().int().min(0)).default({}), // e.g. { 事业: 12 }
  retired: z.number().int().min(0), // 离退休人员
});

export const ZDepartment = z.object({
  code: ZUnitCode,
  name: ZName, // 武汉市硚口区大数据中心
  shortName: ZName.optional(), // 硚口区大数据中心, as titles print it
  functions: z.array(ZText).default([]), // 主要职能, one paragraph each
  units: z.array(ZBudgetUnit).min(1),
  staffing: ZStaffing,
});

/** An income line: one source of 表1/表2 and its amount. */
export const ZIncomeLine = z.object({
  id: ZId,
  source: ZFundSource,
  amount: ZNonNegativeAmount,
  // In a 部门预算: the unit whose consolidated budget (单位预算) brought it; absent: the department's own.
  unitCode: ZUnitCode.optional(),
});

/** An expenditure line (支出明细): the atom every table of the disclosure aggregates. */
export const ZExpenditureLine = z.object({
  id: ZId,
  unitCode: ZUnitCode,
  functionCode: ZFunctionCode,
  economicCode: ZEconomicCode,
  kind: ZExpenditureKind,
  projectId: ZId.optional(), // required when kind is 'project'; a rule checks it
  fundSource: ZFundSource,
  amount: ZNonNegativeAmount,
  note: ZText.optional(),
});

/** 绩效指标: a performance indicator of 表9 or 表10. */
export const ZPerformanceIndicator = z.object({
  level1: ZCleanText.max(50), // 一级指标: 产出指标, 效益指标, 满意度指标 …
  level2: ZCleanText.max(100), // 二级指标: 数量指标, 质量指标, 时效指标, 社会效益指标 …
  name: ZCleanText.max(500), // 指标名称
  content: ZText.default(''), // 指标内容 (表10)
  valueTwoYearsAgo: ZCleanText.max(200).default(''), // 指标值（前年）
  valueLastYear: ZCleanText.max(200).default(''), // 指标值（上年）
  target: ZCleanText.max(5_000), // 预期当年实现值 (表9 prints whole task lists here)
  standard: ZCleanText.max(200).default(''), // 绩效标准: 行业标准, 经验标准 …
});

/** 项目支出明细测算: one economic 款 of a project with the basis of its estimate. */
export const ZProjectDetailLine = z.object({
  economicCode: ZEconomicCode,
  amount: ZNonNegativeAmount,
  basis: ZText.default(''), // 测算依据及说明
  note: ZText.default(''), // 备注
  subItems: z
    .array(z.object({ description: ZText, amount: ZNonNegativeAmount }))
    .default([]), // e.g. the ten items of 委托业务费
});

export const PROCUREMENT_CATEGORIES = ['goods', 'services', 'works'] as const; // 货物 服务 工程
export const ZProcurementLine = z.object({
  item: ZCleanText.max(200), // 采购品名
  category: z.enum(PROCUREMENT_CATEGORIES),
  quantity: ZCleanText.max(50).default(''), // as printed: "3", "1"
  amount: ZNonNegativeAmount,
  economicCode: ZEconomicCode.optional(), // 经济科目 the purchase is booked on (Jiangsu's 政府采购预算表 prints it)
  method: z.string().max(50).optional(), // 采购组织形式: 分散自行组织, 政府集中采购 …
});

/** 项目前两年预算编制、执行: budget and execution of the project in a prior year. */
export const ZProjectPriorYear = z.object({
  year: ZFiscalYear,
  budget: ZAmount.optional(),
  executed: ZAmount.optional(),
});

/** A project (项目) with the header facts of 表10. */
export const ZProject = z.object({
  id: ZId,
  name: ZName, // 项目名称
  unitCode: ZUnitCode, // 项目单位
  // 单位预留机动经费: money set aside, not yet given to a project; Jiangsu prints it apart from 项目支出
  reserve: z.boolean().optional(),
  managingDepartment: ZCleanText.max(200).default(''), // 项目主管部门
  executingUnit: ZCleanText.max(200).default(''), // 项目执行单位
  leader: ZCleanText.max(100).default(''), // 项目负责人
  phone: ZCleanText.max(50).default(''),
  address: ZCleanText.max(200).default(''),
  postcode: ZCleanText.max(20).default(''),
  type: ZCleanText.max(100).default(''), // 项目类型: 专项业务项目 …
  basis: ZText.default(''), // 项目立项依据
  plan: ZText.default(''), // 项目实施方案
  totalBudget: ZNonNegativeAmount.optional(), // 项目总预算 (all years)
  priorYears: z.array(ZProjectPriorYear).default([]),
  changeNote: ZText.default(''), // 当年预算变动说明
  fundSources: z.array(z.object({ source: ZFundSource, amount: ZNonNegativeAmount })).default([]),
  details: z.array(ZProjectDetailLine).default([]),
  procurement: z.array(ZProcurementLine).default([]),
  overallTarget: ZText.default(''), // 项目绩效总目标
  indicators: z.array(ZPerformanceIndicator).default([]),
});

/** 表9 部门整体支出绩效目标: the entered part; the money block derives from the lines. */
export const ZDepartmentPerformance = z.object({
  filledBy: ZCleanText.max(100).default(''), // 填报人
  phone: ZCleanText.max(50).default(''),
  functionsSummary: ZText.default(''), // 部门职能概述
  annualTasks: ZText.default(''), // 年度工作任务
  longTermTarget: ZText.default(''), // 长期目标
  annualTarget: ZText.default(''), // 年度目标
  longTermIndicators: z.array(ZPerformanceIndicator).default([]),
  annualGoals: z
    .array(z.object({ title: ZText, indicators: z.array(ZPerformanceIndicator).default([]) }))
    .default([]), // 年度指标 1, 2, 3 …
});

/** 支出功能分类 at 类 level: 3 digits. */
export const ZFunctionClassCode = z.string().regex(/^\d{3}$/, 'a functional classification 类 code has 3 digits');

/** One figure of last year: as budgeted (上年预算数) and, where known, as executed (上年预算执行数). */
export const ZPriorAmount = z.object({
  budget: ZAmount.optional(),
  executed: ZAmount.optional(),
});

/** Last year's totals as executed (上年预算执行数), for templates that compare with them (Shanghai). */
export const ZPriorExecution = z.object({
  total: ZAmount.optional(),
  incomeFiscal: ZAmount.optional(), // 财政拨款收入
  fiscalExpenditure: ZAmount.optional(), // 财政拨款支出
  generalPublicBudget: ZAmount.optional(),
  governmentFund: ZAmount.optional(),
  soeCapital: ZAmount.optional(),
  expenditureBasic: ZAmount.optional(),
  expenditureProject: ZAmount.optional(),
  threePublic: ZAmount.optional(),
  operatingCosts: ZAmount.optional(),
});

/**
 * What a prior year looked like, for 表9's 近两年收支情况 and the explanations' comparisons. The flat
 * fields are that year's budget (上年预算数); `executed` its execution; `functionItems` (7-digit 项)
 * and `functionClasses` (3-digit 类) the same per 功能 code. Every field is optional: a document of
 * before simply compares less (absent fields stay absent, so a stored document reads as it was).
 */
export const ZPriorYearFigures = z.object({
  year: ZFiscalYear,
  incomeFiscal: ZAmount.optional(), // 财政拨款
  incomeOther: ZAmount.optional(), // 其他资金
  expenditureBasic: ZAmount.optional(),
  expenditureProject: ZAmount.optional(),
  total: ZAmount.optional(),
  generalPublicBudget: ZAmount.optional(), // 一般公共预算支出 of that year's budget
  governmentFund: ZAmount.optional(), // 政府性基金预算支出
  soeCapital: ZAmount.optional(), // 国有资本经营预算支出
  threePublic: ZAmount.optional(), // “三公”经费
  operatingCosts: ZAmount.optional(), // 机关运行经费
  executed: ZPriorExecution.optional(),
  functionItems: z.record(ZFunctionCode, ZPriorAmount).optional(),
  functionClasses: z.record(ZFunctionClassCode, ZPriorAmount).optional(),
});

/**
 * Free text of the explanations (Part 3), in its places. Every figure of Part 3 derives from the
 * lines; only the reasons and facts that no line holds are typed.
 */
export const ZExplanationTexts = z.object({
  noPriorYearReason: ZText.default(''), // e.g. the unit was founded in 2019: why no comparison
  totalChangeReason: ZText.default(''),
  fiscalChangeReason: ZText.default(''),
  generalPublicChangeReason: ZText.default(''),
  threePublicChangeReason: ZText.default(''),
  operatingCostsChangeReason: ZText.default(''),
  basicChangeReason: ZText.optional(), // 基本支出 (Jiangsu 收支总体情况)
  projectChangeReason: ZText.optional(), // 项目支出
  governmentFundChangeReason: ZText.optional(),
  operatingCostsNote: ZText.default(''), // e.g. 过紧日子 statement
  threePublicUnitsNote: ZText.default(''), // units that carry 三公 budgets
  assets: ZText.default(''), // 国有资产占有使用情况 (vehicles, offices, equipment)
  performanceManagement: ZText.default(''),
  nonTaxRevenue: ZText.default(''), // 非税收入征收预计数
  // Part 4 lists each functional 项 the budget uses with what it covers here, keyed by 7-digit code.
  functionItemNotes: z.record(ZFunctionCode, ZText).default({}),
  // Why a 功能 项 / 类 changed against last year, where the template states it per item (Shanghai per
  // 项, Jiangsu per 类 and per 项), keyed by code; the 项's use is its functionItemNotes entry.
  functionItemChangeReasons: z.record(ZFunctionCode, ZText).optional(),
  functionClassChangeReasons: z.record(ZFunctionClassCode, ZText).optional(),
});

export const ZBudgetDocument = z
  .object({
    schemaVersion: z.literal(1),
    fiscalYear: ZFiscalYear,
    // The disclosure template (templates/*.ts) and scope: absent, the seed's (hubei-2020, 部门).
    template: z
      .string()
      .refine((id) => findTemplate(id) !== undefined, { message: `not a disclosure template; the templates are ${TEMPLATES.map((t) => t.id).join(', ')}` })
      .optional(),
    scope: z.enum(['department', 'unit']).optional(),
    department: ZDepartment,
    incomeLines: z.array(ZIncomeLine),
    expenditureLines: z.array(ZExpenditureLine),
    projects: z.array(ZProject).default([]),
    performance: ZDepartmentPerformance.default(ZDepartmentPerformance.parse({})),
    priorYears: z.array(ZPriorYearFigures).default([]),
    explanations: ZExplanationTexts.default(ZExplanationTexts.parse({})),
  })
  .superRefine((doc, ctx) => {
    // Each amount is within the per-line maximum; the collections that tables add up are bounded too.
    const bounded = (amounts: readonly { amount: string }[], path: (string | number)[]): void => {
      if (!exceedsBudgetTotal(amounts.map((a) => parseFen(a.amount)))) return;
      ctx.addIssue({ code: 'custom', path, message: `the amounts add up to more than ${MAX_BUDGET_YUAN} 元, the most one budget may hold` });
    };
    bounded(doc.expenditureLines, ['expenditureLines']);
    bounded(doc.incomeLines, ['incomeLines']);
    doc.projects.forEach((project, i) => {
      bounded(project.details, ['projects', i, 'details']);
      bounded(project.fundSources, ['projects', i, 'fundSources']);
      bounded(project.procurement, ['projects', i, 'procurement']);
      project.details.forEach((detail, j) => bounded(detail.subItems, ['projects', i, 'details', j, 'subItems']));
    });
  });

export type TBudgetUnit = z.output<typeof ZBudgetUnit>;
export type TDepartment = z.output<typeof ZDepartment>;
export type TIncomeLine = z.output<typeof ZIncomeLine>;
export type TExpenditureLine = z.output<typeof ZExpenditureLine>;
export type TExpenditureKind = z.output<typeof ZExpenditureKind>;
export type TPerformanceIndicator = z.output<typeof ZPerformanceIndicator>;
export type TProjectDetailLine = z.output<typeof ZProjectDetailLine>;
export type TProcurementLine = z.output<typeof ZProcurementLine>;
export type TProject = z.output<typeof ZProject>;
export type TDepartmentPerformance = z.output<typeof ZDepartmentPerformance>;
export type TPriorYearFigures = z.output<typeof ZPriorYearFigures>;
export type TPriorAmount = z.output<typeof ZPriorAmount>;
export type TExplanationTexts = z.output<typeof ZExplanationTexts>;
/** A budget document as stored: amounts canonical ("1234.50"), defaults filled. */
export type TBudgetDocument = z.output<typeof ZBudgetDocument>;
/** A budget document as written by a person or another system, before parsing. */
export type TBudgetDocumentInput = z.input<typeof ZBudgetDocument>;
