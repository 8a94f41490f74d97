import type { TDisclosureTemplateInput } from './template.schema';

const EMPTY = '本单位{year}年无此支出预算。';

/**
 * 湖北省武汉市区级部门预算公开 (2020): the seed's ten tables, 万元 to one decimal (表十 in 元), the
 * explanations compared with last year's budget. Its output is the seed's golden disclosure.
 */
export const HUBEI_2020: TDisclosureTemplateInput = {
  id: 'hubei-2020',
  name: '湖北省武汉市区级部门预算公开（十张表）',
  region: '湖北省武汉市',
  scopes: ['department'],
  narrative: { style: 'hubei', unit: '万元', decimals: 1, shareDecimals: 1, compareWith: 'prior-budget' },
  tables: [
    { id: 'T1', role: 'income-expenditure-summary', number: '表一', title: '收支预算总表', unit: '万元', decimals: 1, rows: { from: 'hubei-summary', funds: 'all' } },
    { id: 'T2', role: 'income-summary', number: '表二', title: '收入预算总表', unit: '万元', decimals: 1, rows: { from: 'hubei-income' } },
    { id: 'T3', role: 'expenditure-summary', number: '表三', title: '支出预算总表', unit: '万元', decimals: 1, rows: { from: 'hubei-expenditure-by-unit' } },
    { id: 'T4', role: 'fiscal-summary', number: '表四', title: '财政拨款收支预算总表', unit: '万元', decimals: 1, rows: { from: 'hubei-summary', funds: 'fiscal' } },
    {
      id: 'T5',
      role: 'general-public-function',
      number: '表五',
      title: '一般公共预算支出表',
      unit: '万元',
      decimals: 1,
      rows: { from: 'function-hierarchy', funds: 'general-public', columns: 'basic-project', units: true },
      labels: { total: '预算数' },
      ofWhich: true,
      emptyStatement: EMPTY,
    },
    {
      id: 'T6',
      role: 'general-public-basic-economic',
      number: '表六',
      title: '一般公共预算基本支出表',
      unit: '万元',
      decimals: 1,
      rows: { from: 'basic-economic', funds: 'general-public', columns: 'personnel-public' },
      labels: { total: '预算数', public: '日常公用经费' },
      ofWhich: true,
      emptyStatement: EMPTY,
    },
    {
      id: 'T7',
      role: 'government-fund-function',
      number: '表七',
      title: '政府性基金预算支出表',
      unit: '万元',
      decimals: 1,
      rows: { from: 'function-hierarchy', funds: 'government-fund', columns: 'basic-project', units: true },
      header: { group: '功能科目分类' },
      labels: { total: '预算数' },
      ofWhich: true,
      emptyStatement: EMPTY,
    },
    { id: 'T8', role: 'three-public', number: '表八', title: '财政拨款“三公”经费支出表', unit: '万元', decimals: 1, rows: { from: 'hubei-three-public' } },
    { id: 'T9', role: 'department-performance', number: '表九', title: '部门整体支出绩效目标表', unit: '万元', decimals: 1, rows: { from: 'department-performance' } },
    {
      id: 'T10',
      role: 'project-performance',
      number: '表十',
      title: '项目支出绩效目标表',
      unit: '元',
      decimals: 2,
      rows: { from: 'project-performance' },
      emptyStatement: '本单位{year}年无项目支出。',
    },
  ],
};
