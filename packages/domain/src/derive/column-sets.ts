import type { TColumn, TRow } from '../disclosure/disclosure.schema';
import type { TColumnSet, TFundScope } from '../templates/template.schema';
import type { TExpenditureKind } from '../budget/budget-document.schema';
import { isFiscal, type FundFamily } from './line-aggregate';
import { amountCell, amountColumn } from './table-parts';

/**
 * Money of one row, split every way a template's columns may print it: by kind (人员经费, 公用经费,
 * 项目支出) and by fund family. Summed in integer 分 from the aggregate's cells.
 */
export interface Money {
  total: number;
  personnel: number;
  public: number;
  project: number;
  families: Record<FundFamily, number>;
}

export function emptyMoney(): Money {
  return {
    total: 0,
    personnel: 0,
    public: 0,
    project: 0,
    families: { 'general-public': 0, 'government-fund': 0, 'soe-capital': 0, 'carryover-fiscal': 0, business: 0, operating: 0, other: 0 },
  };
}

export function addMoney(into: Money, cell: { family: FundFamily; kind: TExpenditureKind; fen: number }): void {
  into.total += cell.fen;
  if (cell.kind === 'basic-personnel') into.personnel += cell.fen;
  else if (cell.kind === 'basic-public') into.public += cell.fen;
  else into.project += cell.fen;
  into.families[cell.family] += cell.fen;
}

export function addMonies(into: Money, from: Money): void {
  into.total += from.total;
  into.personnel += from.personnel;
  into.public += from.public;
  into.project += from.project;
  for (const family of Object.keys(from.families) as FundFamily[]) into.families[family] += from.families[family];
}

/** Does a line of this family count in a table of that fund scope? */
export function inFundScope(scope: TFundScope, family: FundFamily): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'fiscal':
      return isFiscal(family);
    default:
      return family === scope;
  }
}

interface ColumnSetDef {
  columns: (labels: Readonly<Record<string, string>>, ofWhich: string | undefined) => TColumn[];
  cells: (m: Money) => TRow['cells'];
}

const label = (labels: Readonly<Record<string, string>>, key: string, fallback: string) => labels[key] ?? fallback;
const fiscalOf = (m: Money) => m.families['general-public'] + m.families['government-fund'] + m.families['soe-capital'] + m.families['carryover-fiscal'];

const COLUMN_SET_DEFS: Record<TColumnSet, ColumnSetDef> = {
  amount: {
    columns: (l) => [amountColumn('amount', label(l, 'amount', '金额'))],
    cells: (m) => ({ amount: amountCell(m.total) }),
  },
  'basic-project': {
    columns: (l, g) => [amountColumn('total', label(l, 'total', '合计')), amountColumn('basic', label(l, 'basic', '基本支出'), g), amountColumn('project', label(l, 'project', '项目支出'), g)],
    cells: (m) => ({ total: amountCell(m.total), basic: amountCell(m.personnel + m.public), project: amountCell(m.project) }),
  },
  'personnel-public': {
    columns: (l, g) => [amountColumn('total', label(l, 'total', '合计')), amountColumn('personnel', label(l, 'personnel', '人员经费'), g), amountColumn('public', label(l, 'public', '公用经费'), g)],
    cells: (m) => ({ total: amountCell(m.personnel + m.public), personnel: amountCell(m.personnel), public: amountCell(m.public) }),
  },
  'personnel-public-project': {
    columns: (l) => [
      amountColumn('total', label(l, 'total', '合计')),
      amountColumn('personnel', label(l, 'personnel', '人员经费'), '基本支出'),
      amountColumn('public', label(l, 'public', '公用经费'), '基本支出'),
      amountColumn('project', label(l, 'project', '项目支出')),
    ],
    cells: (m) => ({ total: amountCell(m.total), personnel: amountCell(m.personnel), public: amountCell(m.public), project: amountCell(m.project) }),
  },
  'by-budget': {
    columns: (l, g) => [
      amountColumn('total', label(l, 'total', '合计')),
      amountColumn('general-public', label(l, 'general-public', '一般公共预算'), g),
      amountColumn('government-fund', label(l, 'government-fund', '政府性基金预算'), g),
      amountColumn('soe-capital', label(l, 'soe-capital', '国有资本经营预算'), g),
    ],
    cells: (m) => ({
      total: amountCell(m.families['general-public'] + m.families['government-fund'] + m.families['soe-capital']),
      'general-public': amountCell(m.families['general-public']),
      'government-fund': amountCell(m.families['government-fund']),
      'soe-capital': amountCell(m.families['soe-capital']),
    }),
  },
  'by-income-source': {
    columns: (l, g) => [
      amountColumn('total', label(l, 'total', '合计')),
      amountColumn('fiscal', label(l, 'fiscal', '财政拨款收入'), g),
      amountColumn('business', label(l, 'business', '事业收入'), g),
      amountColumn('operating', label(l, 'operating', '事业单位经营收入'), g),
      amountColumn('other', label(l, 'other', '其他收入'), g),
    ],
    cells: (m) => ({
      total: amountCell(m.total),
      fiscal: amountCell(fiscalOf(m)),
      business: amountCell(m.families.business),
      operating: amountCell(m.families.operating),
      other: amountCell(m.families.other),
    }),
  },
};

/** The columns of a set, with the template's labels and, where it asks, 其中： over all but the total. */
export function columnsOf(set: TColumnSet, labels: Readonly<Record<string, string>> = {}, ofWhich?: string): TColumn[] {
  return COLUMN_SET_DEFS[set].columns(labels, ofWhich);
}

export function cellsOf(set: TColumnSet, money: Money): TRow['cells'] {
  return COLUMN_SET_DEFS[set].cells(money);
}
