import {
  GENERAL_PUBLIC_BUDGET_SOURCES,
  GOVERNMENT_FUND_SOURCES,
  type FundSource,
} from '../budget/fund-source';
import type { TExplanationSection, TFigure } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import { nameOf } from './catalogue-names';
import { comparison } from './comparison';
import type { DeriveContext } from './derive-context';
import type { ExplanationFigures } from './explanation-context';
import { familyOf, isFiscal, overUnits, sumCells, type FunctionCodeCell } from './line-aggregate';
import { joinParts, paragraph, ref, share, wan } from './paragraph';
import { byCode } from './table-parts';

/** Income categories as the prose names them, with the sources each gathers. */
const INCOME_CATEGORIES: readonly { key: string; name: string; includes: (s: FundSource) => boolean }[] = [
  {
    key: 'fiscal',
    name: '财政拨款收入',
    includes: (s) => ['general-public', 'government-fund'].includes(familyOf(s)),
  },
  { key: 'business', name: '事业收入', includes: (s) => s.startsWith('business-income') },
  { key: 'operating', name: '事业单位经营收入', includes: (s) => s === 'operating-income' },
  { key: 'higher-subsidy', name: '上级补助收入', includes: (s) => s === 'higher-subsidy' },
  { key: 'subordinate', name: '附属单位上缴收入', includes: (s) => s === 'subordinate-remittance' },
  { key: 'other', name: '其他收入', includes: (s) => s === 'other-income' },
  { key: 'business-fund', name: '动用事业基金', includes: (s) => s === 'business-fund-drawdown' },
  {
    key: 'carryover',
    name: '上年结转',
    includes: (s) => s === 'carryover-fiscal' || s === 'carryover-other',
  },
];

function incomeByCategory(ctx: DeriveContext): { key: string; name: string; fen: Fen }[] {
  return INCOME_CATEGORIES.map((c) => {
    let fen = 0;
    for (const [source, amount] of ctx.aggregate.incomeBySource) if (c.includes(source)) fen += amount;
    return { key: c.key, name: c.name, fen: fen as Fen };
  }).filter((c) => c.fen !== 0);
}

/** Functional 类 with their amounts within a scope, in code order. */
function byFunctionalClass(
  ctx: DeriveContext,
  include: (cell: FunctionCodeCell) => boolean,
): { code: string; name: string; fen: Fen }[] {
  const sums = sumCells(overUnits(ctx.aggregate).byFunction, include, (c) => c.functionCode.slice(0, 3));
  return [...sums.keys()]
    .sort(byCode)
    .filter((code) => sums.get(code) !== 0)
    .map((code) => ({
      code,
      name: nameOf(ctx.catalogue, 'functional', code),
      fen: sums.get(code) ?? (0 as Fen),
    }));
}

export function overviewSection(ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  const incomeNames = incomeByCategory(ctx).map((c) => c.name);
  const classNames = byFunctionalClass(ctx, () => true).map((c) => c.name);
  return {
    key: 'overview',
    title: '一、本部门预算收支情况总体说明',
    paragraphs: [
      paragraph(
        `按照综合预算的原则，${f.name}所有收入和支出均纳入部门预算管理。收入包括：${incomeNames.join('、') || '无'}。支出包括：${classNames.join('、') || '无'}。`,
      ),
      paragraph(
        `${f.year}年部门收支总预算`,
        wan('total', f.total, ref('T1', 'income-grand-total')),
        '。',
        ...comparison(f, 'total', f.total, f.lastYear?.total, ctx.doc.explanations.totalChangeReason),
      ),
    ],
  };
}

export function incomeSection(ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  const categories = incomeByCategory(ctx);
  const total = categories.reduce((t, c) => t + c.fen, 0) as Fen;
  const clauses: (string | TFigure)[][] = categories.map((c) => [
    c.name,
    wan(`income:${c.key}`, c.fen),
    '，占',
    share(`income-share:${c.key}`, c.fen, total, undefined, ref('T1', 'income-grand-total')),
  ]);
  return {
    key: 'income',
    title: '二、预算收入情况说明',
    paragraphs: [
      paragraph(
        `${f.year}年部门收入预算`,
        wan('income-total', total, ref('T1', 'income-grand-total')),
        '，其中：',
        ...joinParts(clauses, '；'),
        '。',
      ),
    ],
  };
}

export function expenditureSection(_ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  const total = ref('T3', 'total', 'total');
  return {
    key: 'expenditure',
    title: '三、预算支出情况说明',
    paragraphs: [
      paragraph(
        `${f.year}年部门支出预算`,
        wan('expenditure-total', f.total, total),
        '，其中基本支出',
        wan('basic', f.basic, ref('T3', 'total', 'basic')),
        '，占',
        share('basic-share', f.basic, f.total, ref('T3', 'total', 'basic'), total),
        '；项目支出',
        wan('project', f.project, ref('T3', 'total', 'project')),
        '，占',
        share('project-share', f.project, f.total, ref('T3', 'total', 'project'), total),
        '。',
      ),
    ],
  };
}

/** 财政拨款 income of some sources (表4's income side), in 分. */
function incomeOf(ctx: DeriveContext, sources: readonly FundSource[]): Fen {
  let fen = 0;
  for (const source of sources) fen += ctx.aggregate.incomeBySource.get(source) ?? 0;
  return fen as Fen;
}

export function fiscalSection(ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  // The income sentence states 表4's income rows, which differ from the spending of the same
  // budget whenever last year's carryover pays for part of it.
  const generalPublicIncome = incomeOf(ctx, GENERAL_PUBLIC_BUDGET_SOURCES);
  const governmentFundIncome = incomeOf(ctx, GOVERNMENT_FUND_SOURCES);
  const carryoverIncome = incomeOf(ctx, ['carryover-fiscal']);
  const fundSentence: (string | TFigure)[] =
    governmentFundIncome === 0
      ? ['、无政府性基金预算安排']
      : [
          '、政府性基金预算财政拨款本年收入',
          wan('fiscal-government-fund', governmentFundIncome, ref('T4', 'government-fund')),
        ];
  const carryoverSentence: (string | TFigure)[] =
    carryoverIncome === 0
      ? []
      : [
          '、上年财政拨款结余（转）',
          wan('fiscal-carryover', carryoverIncome, ref('T4', 'src:carryover-fiscal')),
        ];
  const classes = byFunctionalClass(ctx, (c) => isFiscal(c.family));
  const total = ref('T4', 'func-total');
  const structure = classes.map((c) => [
    `${c.name}占`,
    share(`fiscal-share:${c.code}`, c.fen, f.fiscal, ref('T4', `func:${c.code}`), total),
  ]);
  return {
    key: 'fiscal',
    title: '四、财政拨款收支预算情况说明',
    paragraphs: [
      paragraph(
        `1、财政拨款预算规模变化情况。${f.year}年财政拨款收支总预算`,
        wan('fiscal-total', f.fiscal, total),
        '。收入包括：一般公共预算财政拨款本年收入',
        wan('fiscal-general-public', generalPublicIncome, ref('T4', 'general-public')),
        ...fundSentence,
        ...carryoverSentence,
        '。支出包括：基本支出',
        wan('fiscal-basic', f.fiscalBasic),
        '，项目支出',
        wan('fiscal-project', f.fiscalProject),
        '。',
        ...comparison(
          f,
          'fiscal',
          f.fiscal,
          f.lastYear?.incomeFiscal,
          ctx.doc.explanations.fiscalChangeReason,
        ),
      ),
      paragraph(
        `2、财政拨款预算结构情况。${f.year}年部门预算中，财政拨款用于以下方面：`,
        ...joinParts(structure, '，'),
        '。',
      ),
    ],
  };
}
