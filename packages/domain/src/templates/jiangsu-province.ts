import type { TDisclosureTemplateInput } from './template.schema';

/** The 功能 类 公开表一 prints, budgeted or not (2019): 一般公共服务支出 … 其他支出, without 援助其他地区, 预备费 and the debt 类. */
const PRINTED_CLASSES = ['201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '217', '220', '221', '222', '224', '229'];

/**
 * 江苏省省级部门预算公开 (2018–2019): twelve tables (公开表一 … 公开表十二), everything in 万元 to two
 * decimals, most tables one 金额 column; 财政拨款 tables by function and by economic class, the
 * 机关运行经费 and 政府采购 tables; the explanations compared with last year's budget.
 */
export const JIANGSU_PROVINCE: TDisclosureTemplateInput = {
  id: 'jiangsu-province',
  name: '江苏省省级部门预算公开（十二张表）',
  region: '江苏省',
  scopes: ['department'],
  narrative: { style: 'jiangsu', unit: '万元', decimals: 2, shareDecimals: 2, compareWith: 'prior-budget' },
  tables: [
    {
      id: 'T01',
      role: 'income-expenditure-summary',
      number: '公开表一',
      title: '收支预算总表',
      unit: '万元',
      decimals: 2,
      rows: { from: 'source-summary', funds: 'all', income: 'jiangsu', columns: 'amount', classes: PRINTED_CLASSES, alsoByUse: true, reserve: true },
    },
    { id: 'T02', role: 'income-summary', number: '公开表二', title: '收入预算总表', unit: '万元', decimals: 2, rows: { from: 'income-list', income: 'jiangsu' } },
    { id: 'T03', role: 'expenditure-summary', number: '公开表三', title: '支出预算总表', unit: '万元', decimals: 2, rows: { from: 'expenditure-total', columns: 'basic-project', reserve: true, carryForward: true } },
    {
      id: 'T04',
      role: 'fiscal-summary',
      number: '公开表四',
      title: '财政拨款收支预算总表',
      unit: '万元',
      decimals: 2,
      rows: { from: 'source-summary', funds: 'fiscal', income: 'jiangsu', columns: 'amount', byUse: true, reserve: true },
    },
    { id: 'T05', role: 'fiscal-function', number: '公开表五', title: '财政拨款支出预算表（功能科目）', unit: '万元', decimals: 2, rows: { from: 'function-hierarchy', funds: 'fiscal', columns: 'amount' } },
    { id: 'T06', role: 'fiscal-basic-economic', number: '公开表六', title: '财政拨款基本支出预算表（经济科目）', unit: '万元', decimals: 2, rows: { from: 'basic-economic', funds: 'fiscal', columns: 'amount' } },
    {
      id: 'T08',
      role: 'general-public-function',
      number: '公开表七',
      title: '一般公共预算支出预算表（功能科目）',
      unit: '万元',
      decimals: 2,
      rows: { from: 'function-hierarchy', funds: 'general-public', columns: 'amount' },
    },
    {
      id: 'T09',
      role: 'general-public-basic-economic',
      number: '公开表八',
      title: '一般公共预算基本支出预算表（经济科目）',
      unit: '万元',
      decimals: 2,
      rows: { from: 'basic-economic', funds: 'general-public', columns: 'amount' },
    },
    {
      id: 'T11',
      role: 'three-public',
      number: '公开表九',
      title: '“三公”经费、会议费、培训费支出预算表',
      unit: '万元',
      decimals: 2,
      rows: {
        from: 'three-public-row',
        with: ['meetings', 'training'],
        columns: ['total', 'three-public', 'overseas-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception', 'meetings', 'training'],
      },
      labels: { vehicles: '公务用车购置及运行维护费', 'vehicle-purchase': '公务用车购置费', 'vehicle-operation': '公务用车运行维护费' },
    },
    {
      id: 'T07',
      role: 'government-fund-function',
      number: '公开表十',
      title: '财政拨款政府性基金支出预算表',
      unit: '万元',
      decimals: 2,
      // printed empty, without a statement (江苏省人大常委会办公厅 2019)
      rows: { from: 'function-hierarchy', funds: 'government-fund', columns: 'amount' },
    },
    {
      id: 'T10',
      role: 'operating-costs',
      number: '公开表十一',
      title: '一般公共预算机关运行经费支出预算表',
      unit: '万元',
      decimals: 2,
      rows: { from: 'basic-economic', funds: 'general-public', columns: 'amount', operatingCostsOnly: true },
    },
    { id: 'T12', role: 'procurement', number: '公开表十二', title: '{year}年政府采购预算表', unit: '万元', decimals: 2, rows: { from: 'procurement' } },
  ],
};
