import type { Catalogue, CatalogueList } from '../catalogue/catalogue';
import { CODE_PREFIX, isCodeOf } from '../catalogue/catalogue-problems';
import { editionLabel, judgeCode } from '../catalogue/code-verdict';
import type { TDisclosure, TRow } from '../disclosure/disclosure.schema';
import { LIST_NAMES } from './codes.rules';
import type { TFinding } from './finding.schema';
import { cellLocation, gridsOf, type GridRef } from './disclosure-grid';
import { defineRules, report } from './rule-definition';

/** The document rules on a line's codes: when one fired, the tables' findings on codes repeat it. */
const LINE_CODE_RULES = [
  'CODE.UNKNOWN_FUNCTION',
  'CODE.UNKNOWN_ECONOMIC',
  'CODE.FUNCTION_NOT_IN_PARTIAL',
  'CODE.ECONOMIC_NOT_IN_PARTIAL',
  'CODE.FUNCTION_LEVEL',
  'CODE.ECONOMIC_LEVEL',
  'CODE.OTHER_CLASSIFICATION',
  'CODE.MALFORMED',
];

export const CATALOGUE_NAME_RULES = defineRules('codes', 'disclosure', {
  unknownCode: {
    id: 'TABLE.UNKNOWN_CODE',
    severity: 'error',
    description: {
      zh: '表中的科目编码须在该年度的分类科目目录中（内置目录不完整：上级科目已有的只作提示，见 TABLE.CODE_NOT_IN_PARTIAL）',
      en: 'A classification code printed in a table exists in that year’s catalogue (against a partial shipped edition, one under a known parent is a warning: TABLE.CODE_NOT_IN_PARTIAL)',
    },
    message: {
      zh: '{table}的科目 {code}（{name}）不在 {year} 年{editionZh}中',
      en: '{table}: code {code} ({name}) is not in the {year} {editionEn}',
    },
    supersededBy: LINE_CODE_RULES,
  },
  codeNotInPartial: {
    id: 'TABLE.CODE_NOT_IN_PARTIAL',
    severity: 'warning',
    description: {
      zh: '内置目录不完整：表中科目不在其中、而上级科目在的，须核对其名称',
      en: 'A shipped edition is partial: a printed code it lacks under a parent it holds is to be checked by its name',
    },
    message: {
      zh: '{table}的科目 {code}（{name}）不在 {year} 年{editionZh}中，其上级 {parent} 在：请核对该科目及其名称',
      en: '{table}: code {code} ({name}) is not in the {year} {editionEn}, its parent {parent} is: check the code and its name',
    },
    supersededBy: LINE_CODE_RULES,
  },
  codeName: {
    id: 'TABLE.CODE_NAME',
    severity: 'warning',
    description: {
      zh: '表中科目名称与该年度目录一致（如 215 为「资源勘探工业信息等支出」）',
      en: 'A table prints the name the year’s catalogue gives a code (215: 资源勘探工业信息等支出)',
    },
    message: {
      zh: '{table}的科目 {code} 名为「{name}」，{year} 年{editionZh}为「{expected}」',
      en: '{table}: code {code} is named “{name}”, the {year} {editionEn} says “{expected}”',
    },
  },
  malformedCode: {
    id: 'TABLE.MALFORMED_CODE',
    severity: 'error',
    description: {
      zh: '表中科目编码须为数字：类 3 位、款 5 位、项 7 位',
      en: 'A code printed in a classification table is digits: 类 3, 款 5, 项 7',
    },
    message: {
      zh: '{table}「{name}」一行的编码 {code} 不是{listZh}科目编码',
      en: '{table}: the row “{name}” has {code}, which is not a code of the {listEn}',
    },
    supersededBy: LINE_CODE_RULES,
  },
  otherClassification: {
    id: 'TABLE.OTHER_CLASSIFICATION',
    severity: 'error',
    description: {
      zh: '功能分类的表（或栏）中不得列经济分类科目，经济分类的表中不得列功能分类科目',
      en: 'A functional table (or side) prints no economic code, an economic one no functional code',
    },
    message: {
      zh: '{table}是{listZh}，「{name}」一行却列了{otherZh}科目 {code}',
      en: '{table} is by {listEn}, yet the row “{name}” has {code}, a code of the {otherEn}',
    },
    supersededBy: LINE_CODE_RULES,
  },
  codeParent: {
    id: 'TABLE.CODE_PARENT',
    severity: 'error',
    description: {
      zh: '表中项级科目须以其上方款级科目开头，款级科目须以其上方类级科目开头',
      en: 'In a table a 项 starts with the 款 above it, a 款 with the 类 above it',
    },
    supersededBy: LINE_CODE_RULES,
    message: {
      zh: '{table}「{name}」一行的编码 {code} 不以其上级 {parent} 开头',
      en: '{table}: the row “{name}” has {code}, which does not start with the code above it, {parent}',
    },
  },
});

/** Names compare without spaces and with either width of parentheses, as PDFs and typists vary. */
// Summaries number their rows (一、一般公共服务支出, 1. …, （一）…): the numbering is not the name.
const ORDINAL = /^(?:[一二三四五六七八九十]+、|\d+[.、．]|（[一二三四五六七八九十]+）)/;
const normalize = (name: string) => name.replace(/\s+/g, '').replace(ORDINAL, '').replace(/\(/g, '（').replace(/\)/g, '）');

/** Side-by-side tables (表1/表4) say which side a row is on. */
const SECTION_LISTS: Readonly<Record<string, CatalogueList>> = { functional: 'functional', economic: 'economic' };

/**
 * Which classification a grid's codes are: by the side a row is on where the table says, else by
 * the first digit most of its codes share (2 functional, 3 economic). A grid of unit codes, or with
 * no codes of either, is none, and left alone.
 */
function gridList(grid: GridRef, units: ReadonlySet<string>): CatalogueList | undefined {
  let functional = 0;
  let economic = 0;
  for (const row of grid.rows) {
    if (row.code === undefined || units.has(row.code) || row.level > 2) continue;
    if (row.code.startsWith(CODE_PREFIX.functional)) functional++;
    else if (row.code.startsWith(CODE_PREFIX.economic)) economic++;
  }
  if (functional === economic) return undefined;
  return functional > economic ? 'functional' : 'economic';
}

interface RowCheck {
  grid: GridRef;
  row: TRow;
  code: string;
  list: CatalogueList;
  /** The codes of the rows above, by length: what a 款 or 项 must start with. */
  above: ReadonlyMap<number, string>;
}

function rowFinding({ grid, row, code, list, above }: RowCheck, catalogue: Catalogue, year: number): TFinding | undefined {
  const verdict = judgeCode(catalogue, list, code);
  const parent = above.get(code.length - 2);
  // The common row, a code of the edition under its parent and named as the edition names it,
  // makes none of a finding's parameters: every coded row of every table is checked.
  if (verdict.verdict === 'ok' && verdict.entry.name === row.name && (parent === undefined || code.startsWith(parent))) return undefined;
  const at = cellLocation(grid, row);
  const params = { table: grid.label, code, name: row.name, year, ...editionLabel(catalogue) };
  const names = { listZh: LIST_NAMES[list].zh, listEn: LIST_NAMES[list].en };
  if (verdict.verdict === 'malformed') return report(CATALOGUE_NAME_RULES.malformedCode, at, { ...params, ...names });
  if (verdict.verdict === 'other-list') {
    const other = LIST_NAMES[verdict.list];
    return report(CATALOGUE_NAME_RULES.otherClassification, at, { ...params, ...names, otherZh: other.zh, otherEn: other.en });
  }
  if (verdict.verdict === 'unknown' || verdict.verdict === 'wrong-level') return report(CATALOGUE_NAME_RULES.unknownCode, at, params);
  if (parent !== undefined && !code.startsWith(parent)) return report(CATALOGUE_NAME_RULES.codeParent, at, { ...params, parent });
  if (verdict.verdict === 'missing-from-partial') return report(CATALOGUE_NAME_RULES.codeNotInPartial, at, { ...params, parent: verdict.parent.code });
  const expected = verdict.entry.name;
  if (expected === row.name || normalize(expected) === normalize(row.name)) return undefined;
  return report(CATALOGUE_NAME_RULES.codeName, at, { ...params, expected }, { expected, actual: row.name });
}

/**
 * Codes and names of every coded row against the year's edition: a code that is no code of its
 * table's classification (malformed, or an economic code among functional ones), a 项 or 款 that
 * does not start with the row above it, a code the edition lacks (a warning under a known parent
 * in a partial edition), a name that is not the edition's. Budget units' rows are left alone.
 */
export function checkCatalogueNames(disclosure: TDisclosure, catalogue: Catalogue): TFinding[] {
  const year = disclosure.meta.fiscalYear;
  const units = new Set(disclosure.overview.units.map((u) => u.code));
  const findings: TFinding[] = [];
  // A table whose code column is 单位编码 (表3) lists units, not classification codes.
  const unitTables = new Set(disclosure.tables.filter((t) => t.rowHeader.codeLabel?.includes('单位')).map((t) => t.id));
  for (const grid of gridsOf(disclosure)) {
    if (grid.rowPrefix === '' && unitTables.has(grid.table)) continue;
    const byCounts = gridList(grid, units);
    const above = new Map<number, string>();
    for (const row of grid.rows) {
      const code = row.code;
      const list = (row.section === undefined ? undefined : SECTION_LISTS[row.section]) ?? (row.section === undefined ? byCounts : undefined);
      // Rows below 项 (level 3 on) are budget units, as are codes the overview lists.
      if (code === undefined || units.has(code) || row.level > 2 || list === undefined) continue;
      const finding = rowFinding({ grid, row, code, list, above }, catalogue, year);
      if (finding) findings.push(finding);
      // Only a code of the grid's own classification heads the rows below it.
      if (!isCodeOf(list, code)) continue;
      above.set(code.length, code);
      for (const length of [...above.keys()]) if (length > code.length) above.delete(length);
    }
  }
  return findings;
}
