import type { TExplanationSection, TTableRef } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import type { TNarrative } from '../templates/template.schema';
import { priorOfCode, priorTotal, withChange, type PriorTotal } from './change-sentence';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { isFiscal, overUnits, sumCells, type EconomicCodeCell } from './line-aggregate';
import { joinParts, paragraph, paragraphOf, type Parts } from './paragraph';
import { fiscalItems, incomeByFamily, spendByFamily } from './part3-items';
import { amountFigure, rateFigure, roleRef } from './printed-figures';
import { byCode } from './table-parts';
import { threePublicFigures } from './t8-three-public';
import { operatingCosts } from './three-public-row';

/** What the sections share: the department, the template's narrative and the totals. */
interface Jiangsu {
  ctx: DeriveContext;
  n: TNarrative;
  year: number;
  name: string;
  total: Fen;
  basic: Fen;
  project: Fen;
  fiscal: Fen;
}

const change = (j: Jiangsu, key: string, current: Fen, field: PriorTotal): Parts =>
  withChange(j.ctx, key, current, priorTotal(j.ctx, field));

/** 「名称X万元，占Y%」 clauses of parts of a total, joined with 「；」. */
function shares(
  j: Jiangsu,
  key: string,
  parts: readonly { key: string; name: string; fen: Fen; source?: TTableRef }[],
  total: Fen,
  denominator?: TTableRef,
): Parts {
  const clauses = parts.map((p) => [
    p.name,
    amountFigure(`${key}:${p.key}`, p.fen, j.n, p.source),
    '，占',
    rateFigure(`${key}-share:${p.key}`, p.fen, total, j.n, p.source, denominator),
  ]);
  return joinParts(clauses, '；');
}

function overallSection(j: Jiangsu): TExplanationSection {
  const { ctx, n } = j;
  const texts = ctx.doc.explanations;
  const income = incomeByFamily(ctx);
  const special = ctx.aggregate.incomeBySource.get('business-income-special-account') ?? 0;
  const carryover =
    (ctx.aggregate.incomeBySource.get('carryover-fiscal') ?? 0) +
    (ctx.aggregate.incomeBySource.get('carryover-other') ?? 0);
  const incomeTotal = Object.values(income).reduce((t, fen) => t + fen, 0);
  const fiscalIncome = (income['general-public'] + income['government-fund']) as Fen;
  const other = (incomeTotal - fiscalIncome - special - carryover) as Fen;
  const classes = sumCells(
    overUnits(ctx.aggregate).byFunction,
    () => true,
    (c) => c.functionCode.slice(0, 3),
  );
  const classParagraphs = [...classes.keys()].sort(byCode).map((code, i) => {
    const fen = classes.get(code) ?? (0 as Fen);
    return paragraph(
      `${i + 1}．${nameOf(ctx.catalogue, 'functional', code)}（类）支出`,
      amountFigure(`class:${code}`, fen, n, roleRef(ctx, 'income-expenditure-summary', `func:${code}`)),
      ...withChange(ctx, `class:${code}`, fen, priorOfCode(ctx, code)),
      '。',
      texts.functionClassChangeReasons?.[code] ?? '',
    );
  });
  const incomeRef = (row: string) => roleRef(ctx, 'income-summary', row);
  return {
    key: 'overall',
    title: '一、收支预算总体情况说明',
    paragraphs: [
      paragraph(
        `${j.name}${j.year}年度收入、支出预算总计`,
        amountFigure('total', j.total, n, roleRef(ctx, 'income-expenditure-summary', 'func-grand-total')),
        ...change(j, 'total', j.total, 'total'),
        '。',
        texts.totalChangeReason,
      ),
      paragraph(
        '（一）收入预算总计',
        amountFigure('income-total', incomeTotal, n, incomeRef('income-grand-total')),
        '。包括：财政拨款收入',
        amountFigure('income-fiscal', fiscalIncome, n),
        '（一般公共预算收入',
        amountFigure('income-general-public', income['general-public'], n, incomeRef('general-public')),
        '，政府性基金收入',
        amountFigure('income-government-fund', income['government-fund'], n, incomeRef('government-fund')),
        '），财政专户管理资金收入',
        amountFigure('income-special-account', special, n, incomeRef('src:business-income-special-account')),
        '，其他资金收入',
        amountFigure('income-other', other, n, incomeRef('other')),
        '，上年结转资金',
        amountFigure('income-carryover', carryover, n, incomeRef('carryover')),
        '。',
      ),
      paragraph(
        '（二）支出预算总计',
        amountFigure('expenditure-total', j.total, n, roleRef(ctx, 'expenditure-summary', 'total')),
        '。包括：',
      ),
      ...classParagraphs,
      paragraph(
        '此外，基本支出预算数为',
        amountFigure('basic', j.basic, n, roleRef(ctx, 'expenditure-summary', 'total', 'basic')),
        ...change(j, 'basic', j.basic, 'expenditureBasic'),
        '。',
        texts.basicChangeReason ?? '',
      ),
      paragraph(
        '项目支出预算数为',
        amountFigure('project', j.project, n, roleRef(ctx, 'expenditure-summary', 'total', 'project')),
        ...change(j, 'project', j.project, 'expenditureProject'),
        '。',
        texts.projectChangeReason ?? '',
      ),
    ],
  };
}

function incomeSection(j: Jiangsu): TExplanationSection {
  const { ctx } = j;
  const income = incomeByFamily(ctx);
  const total = Object.values(income).reduce((t, fen) => t + fen, 0) as Fen;
  const ref = (row: string) => roleRef(ctx, 'income-summary', row);
  const parts = [
    {
      key: 'general-public',
      name: '一般公共预算收入',
      fen: income['general-public'],
      source: ref('general-public'),
    },
    {
      key: 'government-fund',
      name: '政府性基金预算收入',
      fen: income['government-fund'],
      source: ref('government-fund'),
    },
  ].filter((p) => p.fen !== 0);
  return {
    key: 'income',
    title: '二、收入预算情况说明',
    paragraphs: [
      paragraph(
        `${j.name}本年收入预算合计`,
        amountFigure('income-sum', total, j.n, ref('income-grand-total')),
        '，其中：',
        ...shares(j, 'income', parts, total, ref('income-grand-total')),
        '。',
      ),
    ],
  };
}

function expenditureSection(j: Jiangsu): TExplanationSection {
  const ref = (column: string) => roleRef(j.ctx, 'expenditure-summary', 'total', column);
  const parts = [
    { key: 'basic', name: '基本支出', fen: j.basic, source: ref('basic') },
    { key: 'project', name: '项目支出', fen: j.project, source: ref('project') },
  ];
  return {
    key: 'expenditure',
    title: '三、支出预算情况说明',
    paragraphs: [
      paragraph(
        `${j.name}本年支出预算合计`,
        amountFigure('expenditure-sum', j.total, j.n, ref('total')),
        '，其中：',
        ...shares(j, 'expenditure', parts, j.total, ref('total')),
        '。',
      ),
    ],
  };
}

function fiscalSections(j: Jiangsu): TExplanationSection[] {
  const { ctx, n } = j;
  const texts = ctx.doc.explanations;
  const total = roleRef(ctx, 'fiscal-function', 'total');
  const items = fiscalItems(ctx);
  const itemParagraphs: ReturnType<typeof paragraph>[] = [];
  let cls = '';
  let number = 0;
  for (const item of items) {
    if (item.code.slice(0, 3) !== cls) {
      cls = item.code.slice(0, 3);
      number = 0;
      itemParagraphs.push(paragraph(`${item.className}（类）`));
    }
    number += 1;
    itemParagraphs.push(
      paragraphOf([
        `${number}. ${item.sectionName}（款）${item.itemName}（项）支出`,
        amountFigure(`item:${item.code}`, item.fen, n, item.source),
        ...withChange(ctx, `item:${item.code}`, item.fen, priorOfCode(ctx, item.code)),
        '。',
        texts.functionItemChangeReasons?.[item.code] ?? '',
      ]),
    );
  }
  return [
    {
      key: 'fiscal',
      title: '四、财政拨款收支预算总体情况说明',
      paragraphs: [
        paragraph(
          `${j.name}${j.year}年度财政拨款收、支总预算`,
          amountFigure('fiscal-total', j.fiscal, n, total),
          ...change(j, 'fiscal-total', j.fiscal, 'incomeFiscal'),
          '。',
          texts.fiscalChangeReason,
        ),
      ],
    },
    {
      key: 'fiscal-expenditure',
      title: '五、财政拨款支出预算情况说明',
      paragraphs: [
        paragraph(
          `${j.name}${j.year}年财政拨款预算支出`,
          amountFigure('fiscal-expenditure', j.fiscal, n, total),
          '，占本年支出合计的',
          rateFigure(
            'fiscal-expenditure-share',
            j.fiscal,
            j.total,
            n,
            total,
            roleRef(ctx, 'expenditure-summary', 'total'),
          ),
          ...change(j, 'fiscal-expenditure', j.fiscal, 'fiscalExpenditure'),
          '。其中：',
        ),
        ...itemParagraphs,
      ],
    },
  ];
}

/** 人员经费 and 公用经费 of the basic expenditure of some families (财政拨款, 一般公共预算). */
function basicSection(
  j: Jiangsu,
  key: string,
  title: string,
  scope: string,
  include: (c: EconomicCodeCell) => boolean,
  role: 'fiscal-basic-economic' | 'general-public-basic-economic',
): TExplanationSection {
  const sums = sumCells(
    overUnits(j.ctx.aggregate).byEconomic,
    (c) => include(c) && c.kind !== 'project',
    (c) => c.kind,
  );
  const personnel = sums.get('basic-personnel') ?? (0 as Fen);
  const publicFen = sums.get('basic-public') ?? (0 as Fen);
  return {
    key,
    title,
    paragraphs: [
      paragraph(
        `${j.name}${j.year}年度${scope}基本支出预算`,
        amountFigure(`${key}-total`, personnel + publicFen, j.n, roleRef(j.ctx, role, 'total')),
        '，其中：（一）人员经费',
        amountFigure(`${key}-personnel`, personnel, j.n),
        '；（二）公用经费',
        amountFigure(`${key}-public`, publicFen, j.n),
        '。',
      ),
    ],
  };
}

function threePublicSection(j: Jiangsu): TExplanationSection {
  const { ctx, n } = j;
  const t = threePublicFigures(ctx);
  const ref = (column: string) => roleRef(ctx, 'three-public', 'amount', column);
  const parts = [
    {
      key: 'overseas-travel',
      name: '因公出国（境）费支出',
      fen: t.overseasTravel,
      source: ref('overseas-travel'),
    },
    { key: 'vehicles', name: '公务用车购置及运行费支出', fen: t.vehicles, source: ref('vehicles') },
    { key: 'reception', name: '公务接待费支出', fen: t.reception, source: ref('reception') },
  ];
  return {
    key: 'three-public',
    title: '九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明',
    paragraphs: [
      paragraph(
        `${j.name}${j.year}年度一般公共预算拨款安排的“三公”经费预算支出`,
        amountFigure('three-public', t.total, n, ref('three-public')),
        ...change(j, 'three-public', t.total, 'threePublic'),
        ...(t.total === 0
          ? ['。']
          : ['。其中：', ...shares(j, 'three-public', parts, t.total, ref('three-public')), '。']),
        ctx.doc.explanations.threePublicChangeReason,
      ),
    ],
  };
}

function governmentFundSection(j: Jiangsu, fund: Fen): TExplanationSection {
  return {
    key: 'government-fund',
    title: '十、政府性基金预算支出预算情况说明',
    paragraphs: [
      fund === 0
        ? paragraph(`${j.name}${j.year}年无政府性基金预算拨款安排的支出。`)
        : paragraph(
            `${j.name}${j.year}年政府性基金支出预算`,
            amountFigure('government-fund', fund, j.n, roleRef(j.ctx, 'government-fund-function', 'total')),
            ...change(j, 'government-fund', fund, 'governmentFund'),
            '。',
            j.ctx.doc.explanations.governmentFundChangeReason ?? '',
          ),
    ],
  };
}

function operatingCostsSection(j: Jiangsu): TExplanationSection {
  const fen = operatingCosts(j.ctx);
  return {
    key: 'operating-costs',
    title: '十一、一般公共预算机关运行经费支出预算情况说明',
    paragraphs: [
      paragraph(
        `${j.year}年本部门一般公共预算机关运行经费预算支出`,
        amountFigure('operating-costs', fen, j.n, roleRef(j.ctx, 'operating-costs', 'total')),
        ...change(j, 'operating-costs', fen, 'operatingCosts'),
        '。',
        j.ctx.doc.explanations.operatingCostsChangeReason,
      ),
    ],
  };
}

/**
 * 江苏 第三部分: 收支总体情况 (each 功能 类, 基本 and 项目 compared with last year's budget), 收入 and
 * 支出 with two-decimal shares, 财政拨款 (each 功能 项 compared), 基本支出, 一般公共预算, 三公,
 * 政府性基金 and 机关运行经费, numbered as the template prints them.
 */
export function jiangsuExplanations(ctx: DeriveContext): TExplanationSection[] {
  const spend = spendByFamily(ctx);
  let total = 0;
  let basic = 0;
  let fiscal = 0;
  for (const c of overUnits(ctx.aggregate).byEconomic) {
    total += c.fen;
    if (c.kind !== 'project') basic += c.fen;
    if (isFiscal(c.family)) fiscal += c.fen;
  }
  const j: Jiangsu = {
    ctx,
    n: ctx.template.narrative,
    year: ctx.doc.fiscalYear,
    name: ctx.doc.department.name,
    total: total as Fen,
    basic: basic as Fen,
    project: (total - basic) as Fen,
    fiscal: fiscal as Fen,
  };
  const generalPublic: TExplanationSection = {
    key: 'general-public',
    title: '七、一般公共预算支出预算情况说明',
    paragraphs: [
      paragraph(
        `${j.name}${j.year}年一般公共预算财政拨款支出预算`,
        amountFigure(
          'general-public',
          spend['general-public'],
          j.n,
          roleRef(ctx, 'general-public-function', 'total'),
        ),
        ...change(j, 'general-public', spend['general-public'], 'generalPublicBudget'),
        '。',
        ctx.doc.explanations.generalPublicChangeReason,
      ),
    ],
  };
  return [
    overallSection(j),
    incomeSection(j),
    expenditureSection(j),
    ...fiscalSections(j),
    basicSection(
      j,
      'fiscal-basic',
      '六、财政拨款基本支出预算情况说明',
      '财政拨款',
      (c) => isFiscal(c.family),
      'fiscal-basic-economic',
    ),
    generalPublic,
    basicSection(
      j,
      'general-public-basic',
      '八、一般公共预算基本支出预算情况说明',
      '一般公共预算财政拨款',
      (c) => c.family === 'general-public',
      'general-public-basic-economic',
    ),
    threePublicSection(j),
    governmentFundSection(j, spend['government-fund']),
    operatingCostsSection(j),
  ];
}
