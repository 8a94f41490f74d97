import { z } from 'zod';

/**
 * What a disclosure table means, whatever its number and title in a province's template. Rules bind
 * to roles, never to a slot: 表五 of Hubei and 公开08表 of Jiangsu are both the 一般公共预算 function
 * table. A rule whose role a template lacks is silent for that template.
 */
export const TABLE_ROLES = [
  'income-expenditure-summary', // 收支预算总表 / 财务收支预算总表
  'income-summary', // 收入预算总表
  'expenditure-summary', // 支出预算总表
  'fiscal-summary', // 财政拨款收支预算总表
  'fiscal-function', // 财政拨款支出预算表（功能科目）
  'fiscal-basic-economic', // 财政拨款基本支出预算表（经济科目）
  'general-public-function', // 一般公共预算支出（功能分类）表
  'general-public-basic-economic', // 一般公共预算基本支出（经济分类）表
  'government-fund-function', // 政府性基金预算支出表
  'soe-capital-function', // 国有资本经营预算支出表
  'three-public', // “三公”经费（Shanghai's also prints 机关运行经费）
  'operating-costs', // 机关运行经费支出预算表
  'procurement', // 政府采购预算表
  'department-performance', // 部门整体支出绩效目标表
  'project-performance', // 项目支出绩效目标表
] as const;
export const ZTableRole = z.enum(TABLE_ROLES);
export type TTableRole = z.output<typeof ZTableRole>;

/** A table's id within its template: T1 … T10 (hubei-2020), T01 … T12 (jiangsu-province) … */
export const ZTableId = z.string().regex(/^[A-Za-z][\w-]{0,31}$/, 'a table id is a letter then up to 31 letters, digits, "_" or "-"');

/** The units a table may print in. */
export const PRINT_UNITS = ['元', '万元'] as const;
export const ZPrintUnit = z.enum(PRINT_UNITS);
export type TPrintUnit = z.output<typeof ZPrintUnit>;

/** 元 per printed unit, in 分: a printed 1 stands for this many 分. */
export function fenPerUnit(unit: string): number {
  return unit === '万元' ? 1_000_000 : 100;
}

/** The decimals a table prints when its template does not say: 万元 to one decimal, 元 with 分. */
export function defaultDecimals(unit: string): number {
  return unit === '万元' ? 1 : 2;
}

/**
 * Half a unit of the last printed digit, in 分 (rounded down to whole 分): how far an exact amount
 * may lie from a figure printed in `unit` with `decimals`. 万元/1 → 50,000 分 (500 元); 万元/2 →
 * 5,000 分 (50 元); 元/0 → 50 分; 元/2 → 0 (分 are exact).
 */
export function halfStepOfPrint(unit: string, decimals: number): number {
  return Math.floor(fenPerUnit(unit) / 10 ** decimals / 2);
}
