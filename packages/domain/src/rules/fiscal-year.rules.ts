import type { TDisclosure } from '../disclosure/disclosure.schema';
import type { TFinding, TFindingLocation } from './finding.schema';
import { tableLabel } from './disclosure-grid';
import { defineRules, report } from './rule-definition';

export const FISCAL_YEAR_RULES = defineRules('fiscal-year', 'disclosure', {
  mismatch: {
    id: 'YEAR.MISMATCH',
    severity: 'error',
    description: {
      zh: '预算年度处处一致：标题、表注、说明标题、近两年指标的年度',
      en: 'The fiscal year is the same everywhere: titles, table statements, explanation headings, prior-year columns',
    },
    message: {
      zh: '{placeZh}写的是 {actual} 年，应为 {expected} 年',
      en: '{placeEn} says {actual} where it should say {expected}',
    },
  },
});

interface Place {
  zh: string;
  en: string;
}

const YEAR = /(\d{4})\s*年/g;
const yearsIn = (text: string) => [...text.matchAll(YEAR)].map((m) => Number(m[1]));

export function checkFiscalYear(disclosure: TDisclosure): TFinding[] {
  const year = disclosure.meta.fiscalYear;
  const findings: TFinding[] = [];
  // the place is named only when the year is wrong: a disclosure has a block per project
  const expectYear = (placeOf: () => Place, location: TFindingLocation, actual: number, expected: number) => {
    if (actual === expected) return;
    const place = placeOf();
    const params = { placeZh: place.zh, placeEn: place.en, actual, expected };
    findings.push(
      report(FISCAL_YEAR_RULES.mismatch, location, params, {
        expected: String(expected),
        actual: String(actual),
      }),
    );
  };
  for (const table of disclosure.tables) {
    const at: TFindingLocation = { kind: 'table', table: table.id };
    const label = tableLabel(table);
    for (const y of yearsIn(`${table.number} ${table.title}`))
      expectYear(() => ({ zh: `${label}标题`, en: `the title of ${label}` }), at, y, year);
    for (const y of yearsIn(table.emptyStatement ?? ''))
      expectYear(() => ({ zh: `${label}表注`, en: `the statement of ${label}` }), at, y, year);
    const blocks = [...table.blocks, ...table.blocks.flatMap((b) => (b.type === 'project' ? b.blocks : []))];
    for (const block of blocks) {
      if (block.type !== 'indicators' || block.priorYears === undefined) continue;
      const where: TFindingLocation = { kind: 'table', table: table.id, row: block.key };
      const name = block.title ?? block.key;
      expectYear(
        () => ({ zh: `${label}「${name}」前年`, en: `${label} “${name}”, the year before last,` }),
        where,
        block.priorYears[0],
        year - 2,
      );
      expectYear(
        () => ({ zh: `${label}「${name}」上年`, en: `${label} “${name}”, last year,` }),
        where,
        block.priorYears[1],
        year - 1,
      );
    }
  }
  for (const section of disclosure.explanations) {
    const place = () => ({ zh: `说明「${section.title}」`, en: `the heading “${section.title}”` });
    for (const y of yearsIn(section.title))
      expectYear(place, { kind: 'text', section: section.key }, y, year);
  }
  return findings;
}
