/**
 * Where money comes from: the leaf rows of the income side of 表1/表2. Expenditure lines carry the
 * same value, which decides the tables they belong to (表4 财政拨款, 表5 一般公共预算, 表7 政府性基金).
 */
export const FUND_SOURCES = [
  'general-budget-appropriation', // 一般公共预算 1.经费拨款（补助）
  'asset-income-appropriation', // 2.行政事业单位资产收益拨款
  'other-nontax-appropriation', // 3.其他纳入预算管理的非税拨款
  'higher-special-transfer', // 4.上级专项转移支付补助
  'government-fund-appropriation', // 政府性基金预算 1.政府性基金财政拨款
  'government-fund-special-transfer', // 2.政府性基金专项转移支付
  'business-income-other', // 事业收入 1.其他事业收入
  'business-income-special-account', // 2.专户管理的事业收入
  'operating-income', // 事业单位经营收入
  'higher-subsidy', // 上级补助收入
  'subordinate-remittance', // 附属单位上缴收入
  'other-income', // 其他收入
  'business-fund-drawdown', // 动用事业基金
  'carryover-fiscal', // 上年财政拨款结余（转）
  'carryover-other', // 其他结余（转）
  'soe-capital-appropriation', // 国有资本经营预算财政拨款 (Shanghai prints it; Hubei's 2020 form has no row for it)
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** Fund sources appropriated from the general public budget (一般公共预算财政拨款). */
export const GENERAL_PUBLIC_BUDGET_SOURCES: readonly FundSource[] = [
  'general-budget-appropriation',
  'asset-income-appropriation',
  'other-nontax-appropriation',
  'higher-special-transfer',
];

/** Fund sources appropriated from the government fund budget (政府性基金预算财政拨款). */
export const GOVERNMENT_FUND_SOURCES: readonly FundSource[] = [
  'government-fund-appropriation',
  'government-fund-special-transfer',
];

/** Fund sources appropriated from the state capital operating budget (国有资本经营预算财政拨款). */
export const SOE_CAPITAL_SOURCES: readonly FundSource[] = ['soe-capital-appropriation'];

/** 事业收入. */
export const BUSINESS_INCOME_SOURCES: readonly FundSource[] = ['business-income-other', 'business-income-special-account'];

/** 财政拨款: the appropriation families together (表4). */
export function isFiscalAppropriation(source: FundSource): boolean {
  return GENERAL_PUBLIC_BUDGET_SOURCES.includes(source) || GOVERNMENT_FUND_SOURCES.includes(source) || SOE_CAPITAL_SOURCES.includes(source);
}

/** Names as the income rows of 表1/表2 print them. */
export const FUND_SOURCE_NAMES: Record<FundSource, string> = {
  'general-budget-appropriation': '经费拨款（补助）',
  'asset-income-appropriation': '行政事业单位资产收益拨款',
  'other-nontax-appropriation': '其他纳入预算管理的非税拨款',
  'higher-special-transfer': '上级专项转移支付补助',
  'government-fund-appropriation': '政府性基金财政拨款',
  'government-fund-special-transfer': '政府性基金专项转移支付',
  'business-income-other': '其他事业收入',
  'business-income-special-account': '专户管理的事业收入',
  'operating-income': '事业单位经营收入',
  'higher-subsidy': '上级补助收入',
  'subordinate-remittance': '附属单位上缴收入',
  'other-income': '其他收入',
  'business-fund-drawdown': '动用事业基金',
  'carryover-fiscal': '上年财政拨款结余（转）',
  'carryover-other': '其他结余（转）',
  'soe-capital-appropriation': '国有资本经营预算财政拨款',
};

/**
 * A fund source's key in the portal's addresses (?by=fund-source&path=1,201): short and neutral,
 * since a fund source has no official code to show, and never changed once given (shared links
 * name it). The ids themselves stay the data's (budget documents, open data).
 */
export const FUND_SOURCE_KEYS: Record<FundSource, string> = {
  'general-budget-appropriation': '1',
  'asset-income-appropriation': '2',
  'other-nontax-appropriation': '3',
  'higher-special-transfer': '4',
  'government-fund-appropriation': '5',
  'government-fund-special-transfer': '6',
  'business-income-other': '7',
  'business-income-special-account': '8',
  'operating-income': '9',
  'higher-subsidy': '10',
  'subordinate-remittance': '11',
  'other-income': '12',
  'business-fund-drawdown': '13',
  'carryover-fiscal': '14',
  'carryover-other': '15',
  'soe-capital-appropriation': '16',
};

/** The fund source an address names, by its key or (links shared before the keys) by its id. */
export function fundSourceOfKey(key: string): FundSource | undefined {
  return FUND_SOURCES.find((s) => FUND_SOURCE_KEYS[s] === key) ?? FUND_SOURCES.find((s) => s === key);
}
