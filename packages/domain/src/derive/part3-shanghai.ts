import type { TExplanationSection } from '../disclosure/disclosure.schema';
import type { Fen } from '../money/fen';
import { priorOfCode, priorTotal, withChange, type PriorTotal } from './change-sentence';
import type { DeriveContext } from './derive-context';
import type { FundFamily } from './line-aggregate';
import { paragraph, paragraphOf, type Parts } from './paragraph';
import { fiscalItems, incomeByFamily, spendByFamily } from './part3-items';
import { amountFigure, roleRef } from './printed-figures';

const totalChange = (ctx: DeriveContext, key: string, current: Fen, field: PriorTotal): Parts =>
  withChange(ctx, key, current, priorTotal(ctx, field));

/**
 * 上海 编制说明: the income and expenditure sentences (财政拨款 and each budget compared with last
 * year's 预算执行数), the typed reason, then one paragraph per 功能 项 of the 财政拨款 budget with its
 * amount, its change and its use (the 项's note).
 */
export function shanghaiExplanations(ctx: DeriveContext): TExplanationSection[] {
  const n = ctx.template.narrative;
  const { doc } = ctx;
  const name = doc.department.name;
  const income = incomeByFamily(ctx);
  const spend = spendByFamily(ctx);
  const sum = (m: Record<FundFamily, Fen>, families: readonly FundFamily[]) =>
    families.reduce((t, f) => t + m[f], 0) as Fen;
  const fiscalFamilies: FundFamily[] = ['general-public', 'government-fund', 'soe-capital'];
  const fiscalIncome = sum(income, fiscalFamilies);
  const fiscalSpend = sum(spend, fiscalFamilies);
  const incomeRef = (row: string) => roleRef(ctx, 'income-expenditure-summary', row, 'amount');
  const spendTotal = (
    role: 'general-public-function' | 'government-fund-function' | 'soe-capital-function',
    fen: Fen,
  ) => (fen === 0 ? undefined : roleRef(ctx, role, 'total'));
  const summary = [
    paragraph(
      `${doc.fiscalYear}年，${name}收入预算`,
      amountFigure(
        'income-total',
        sum(income, Object.keys(income) as FundFamily[]),
        n,
        incomeRef('income-total'),
      ),
      '，其中：财政拨款收入',
      amountFigure('income-fiscal', fiscalIncome, n, incomeRef('fiscal')),
      ...totalChange(ctx, 'income-fiscal', fiscalIncome, 'incomeFiscal'),
      '；事业收入',
      amountFigure('income-business', income.business, n, incomeRef('business-income')),
      '；事业单位经营收入',
      amountFigure('income-operating', income.operating, n, incomeRef('src:operating-income')),
      '；其他收入',
      amountFigure('income-other', (income.other + income['carryover-fiscal']) as Fen, n, incomeRef('other')),
      '。',
    ),
    paragraph(
      '支出预算',
      amountFigure(
        'expenditure-total',
        sum(spend, Object.keys(spend) as FundFamily[]),
        n,
        roleRef(ctx, 'expenditure-summary', 'total'),
      ),
      '，其中：财政拨款支出预算',
      amountFigure('expenditure-fiscal', fiscalSpend, n, roleRef(ctx, 'fiscal-summary', 'func-total')),
      ...totalChange(ctx, 'expenditure-fiscal', fiscalSpend, 'fiscalExpenditure'),
      '。财政拨款支出预算中，一般公共预算拨款支出预算',
      amountFigure(
        'general-public',
        spend['general-public'],
        n,
        spendTotal('general-public-function', spend['general-public']),
      ),
      ...totalChange(ctx, 'general-public', spend['general-public'], 'generalPublicBudget'),
      '；政府性基金拨款支出预算',
      amountFigure(
        'government-fund',
        spend['government-fund'],
        n,
        spendTotal('government-fund-function', spend['government-fund']),
      ),
      ...totalChange(ctx, 'government-fund', spend['government-fund'], 'governmentFund'),
      '；国有资本经营预算拨款支出预算',
      amountFigure(
        'soe-capital',
        spend['soe-capital'],
        n,
        spendTotal('soe-capital-function', spend['soe-capital']),
      ),
      ...totalChange(ctx, 'soe-capital', spend['soe-capital'], 'soeCapital'),
      '。',
    ),
    paragraph(doc.explanations.fiscalChangeReason),
  ];
  const texts = doc.explanations;
  const items = fiscalItems(ctx).map((item, i) => {
    const use = (texts.functionItemNotes[item.code] ?? '').replace(/[。.]+$/, '');
    return paragraphOf([
      `${i + 1}. “${item.className}（类）${item.sectionName}（款）${item.itemName}（项）”`,
      amountFigure(`item:${item.code}`, item.fen, n, item.source),
      ...withChange(ctx, `item:${item.code}`, item.fen, priorOfCode(ctx, item.code)),
      use === '' ? '。' : `，主要用于${use}。`,
      texts.functionItemChangeReasons?.[item.code] ?? '',
    ]);
  });
  const subject = doc.scope === 'unit' ? '单位' : '部门';
  return [
    { key: 'summary', title: `${doc.fiscalYear}年${subject}预算编制说明`, paragraphs: summary },
    { key: 'fiscal-items', title: '财政拨款支出主要内容如下：', paragraphs: items },
  ];
}
