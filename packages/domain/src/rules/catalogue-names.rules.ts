import type { Catalogue } from '../catalogue/catalogue';
import type { TDisclosure } from '../disclosure/disclosure.schema';
import type { TFinding } from './finding.schema';
import { cellLocation, gridsOf } from './disclosure-grid';
import { defineRules, report } from './rule-definition';

export const CATALOGUE_NAME_RULES = defineRules('codes', 'disclosure', {
  unknownCode: {
    id: 'TABLE.UNKNOWN_CODE',
    severity: 'error',
    description: {
      zh: '表中的科目编码须在该年度的分类科目目录中',
      en: 'A classification code printed in a table exists in that year’s catalogue',
    },
    message: {
      zh: '{table}的科目 {code}（{name}）不在 {year} 年目录中',
      en: '{table}: code {code} ({name}) is not in the {year} catalogue',
    },
    supersededBy: [
      'CODE.UNKNOWN_FUNCTION',
      'CODE.UNKNOWN_ECONOMIC',
      'CODE.FUNCTION_LEVEL',
      'CODE.ECONOMIC_LEVEL',
    ],
  },
  codeName: {
    id: 'TABLE.CODE_NAME',
    severity: 'warning',
    description: {
      zh: '表中科目名称与该年度目录一致（如 215 为「资源勘探工业信息等支出」）',
      en: 'A table prints the name the year’s catalogue gives a code (215: 资源勘探工业信息等支出)',
    },
    message: {
      zh: '{table}的科目 {code} 名为「{name}」，{year} 年目录为「{expected}」',
      en: '{table}: code {code} is named “{name}”, the {year} catalogue says “{expected}”',
    },
  },
});

/** Names compare without spaces and with either width of parentheses, as PDFs and typists vary. */
// Summaries number their rows (一、一般公共服务支出, 1. …, （一）…): the numbering is not the name.
const ORDINAL = /^(?:[一二三四五六七八九十]+、|\d+[.、．]|（[一二三四五六七八九十]+）)/;
const normalize = (name: string) => name.replace(/\s+/g, '').replace(ORDINAL, '').replace(/\(/g, '（').replace(/\)/g, '）');

/**
 * Codes and names of every coded row against the year's catalogue: functional codes begin with 2
 * (201–234), economic ones with 3 (301–399); budget unit codes are left alone.
 */
export function checkCatalogueNames(disclosure: TDisclosure, catalogue: Catalogue): TFinding[] {
  const year = disclosure.meta.fiscalYear;
  const units = new Set(disclosure.overview.units.map((u) => u.code));
  const findings: TFinding[] = [];
  for (const grid of gridsOf(disclosure)) {
    for (const row of grid.rows) {
      const code = row.code;
      if (code === undefined || units.has(code) || !/^[23](\d\d|\d{4}|\d{6})$/.test(code)) continue;
      const entry = (code.startsWith('2') ? catalogue.functional : catalogue.economic).get(code);
      const params = { table: grid.label, code, name: row.name, year };
      if (entry === undefined) {
        findings.push(report(CATALOGUE_NAME_RULES.unknownCode, cellLocation(grid, row), params));
      } else if (entry.name !== row.name && normalize(entry.name) !== normalize(row.name)) {
        const at = cellLocation(grid, row);
        findings.push(
          report(
            CATALOGUE_NAME_RULES.codeName,
            at,
            { ...params, expected: entry.name },
            { expected: entry.name, actual: row.name },
          ),
        );
      }
    }
  }
  return findings;
}
