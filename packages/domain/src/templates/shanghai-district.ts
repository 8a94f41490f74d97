import type { TDisclosureTemplateInput } from './template.schema';

const NO_FUND = '{subject}{year}年无政府性基金预算财政拨款安排的预算，故本表为空表。';
const NO_SOE = '{subject}{year}年无国有资本经营预算财政拨款安排的预算，故本表为空表。';

/**
 * 上海市区级部门预算公开 (2023–2026): nine tables in 元 with 分 (the 三公 table in 万元 to two
 * decimals), published for the department (部门预算) and for each unit (单位预算: the summary's
 * expenditure side split into 人员经费 / 公用经费 / 项目支出). The 编制说明 states each 功能 项 with its
 * amount and use, compared with last year's 预算执行数.
 */
export const SHANGHAI_DISTRICT: TDisclosureTemplateInput = {
  id: 'shanghai-district',
  name: '上海市区级部门预算公开（九张表）',
  region: '上海市',
  scopes: ['department', 'unit'],
  narrative: { style: 'shanghai', unit: '万元', decimals: 2, shareDecimals: 2, compareWith: 'prior-execution' },
  tables: [
    {
      id: 'T1',
      role: 'income-expenditure-summary',
      number: '表1',
      title: '{year}年部门财务收支预算总表',
      unitTitle: '{year}年预算单位财务收支预算总表',
      unit: '元',
      decimals: 2,
      rows: { from: 'source-summary', funds: 'all', income: 'shanghai', columns: 'amount', unitScopeColumns: 'personnel-public-project' },
      labels: { amount: '预算数' },
    },
    {
      id: 'T2',
      role: 'income-summary',
      number: '表2',
      title: '{year}年部门收入预算总表',
      unitTitle: '{year}年预算单位收入预算总表',
      unit: '元',
      decimals: 2,
      rows: { from: 'function-hierarchy', funds: 'all', columns: 'by-income-source' },
    },
    {
      id: 'T3',
      role: 'expenditure-summary',
      number: '表3',
      title: '{year}年部门支出预算总表',
      unitTitle: '{year}年预算单位支出预算总表',
      unit: '元',
      decimals: 2,
      rows: { from: 'function-hierarchy', funds: 'all', columns: 'basic-project' },
    },
    {
      id: 'T4',
      role: 'fiscal-summary',
      number: '表4',
      title: '{year}年部门财政拨款收支预算总表',
      unitTitle: '{year}年预算单位财政拨款收支预算总表',
      unit: '元',
      decimals: 2,
      rows: { from: 'source-summary', funds: 'fiscal', income: 'shanghai', columns: 'by-budget' },
    },
    {
      id: 'T5',
      role: 'general-public-function',
      number: '表5',
      title: '{year}年部门一般公共预算支出功能分类预算表',
      unitTitle: '{year}年预算单位一般公共预算支出功能分类预算表',
      unit: '元',
      decimals: 2,
      rows: { from: 'function-hierarchy', funds: 'general-public', columns: 'basic-project' },
    },
    {
      id: 'T6',
      role: 'government-fund-function',
      number: '表6',
      title: '{year}年部门政府性基金预算支出功能分类预算表',
      unitTitle: '{year}年预算单位政府性基金预算支出功能分类预算表',
      unit: '元',
      decimals: 2,
      rows: { from: 'function-hierarchy', funds: 'government-fund', columns: 'basic-project' },
      emptyStatement: NO_FUND,
    },
    {
      id: 'T7',
      role: 'soe-capital-function',
      number: '表7',
      title: '{year}年部门国有资本经营预算支出功能分类预算表',
      unitTitle: '{year}年预算单位国有资本经营预算支出功能分类预算表',
      unit: '元',
      decimals: 2,
      rows: { from: 'function-hierarchy', funds: 'soe-capital', columns: 'basic-project' },
      emptyStatement: NO_SOE,
    },
    {
      id: 'T8',
      role: 'general-public-basic-economic',
      number: '表8',
      title: '{year}年部门一般公共预算基本支出部门预算经济分类预算表',
      unitTitle: '{year}年预算单位一般公共预算基本支出部门预算经济分类预算表',
      unit: '元',
      decimals: 2,
      rows: { from: 'basic-economic', funds: 'general-public', columns: 'personnel-public' },
    },
    {
      id: 'T9',
      role: 'three-public',
      number: '表9',
      title: '{year}年部门“三公”经费和机关运行经费预算表',
      unitTitle: '{year}年单位“三公”经费和机关运行经费预算表',
      unit: '万元',
      decimals: 2,
      rows: { from: 'three-public-row', with: ['operating-costs'] },
    },
  ],
};
