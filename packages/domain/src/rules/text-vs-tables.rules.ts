import { Decimal } from 'decimal.js';
import type { TDisclosure, TParagraph, TTableRef } from '../disclosure/disclosure.schema';
import { shareOfTotal, type DisplayDecimals } from '../money/display';
import { findTemplate } from '../templates/template-registry';
import type { Fen } from '../money/fen';
import { wanTextMatchesFen } from '../money/wan-text';
import type { TFinding, TFindingLocation } from './finding.schema';
import { agrees, cellFen, figureDecimals, figureHalfStep, findTable, halfStepOf, tryParseFen, yuan } from './disclosure-grid';
import { figureLocation, figuresOf, referencedRow, type PlacedFigure } from './figures';
import { defineRules, report } from './rule-definition';

export const TEXT_RULES = defineRules('text-vs-tables', 'disclosure', {
  amount: {
    id: 'TEXT.AMOUNT',
    severity: 'error',
    description: {
      zh: '说明中的金额等于其所引表格的数字',
      en: 'An amount stated in the explanations equals the table cell it cites',
    },
    message: {
      zh: '说明「{section}」中的 {text}{unit} 为 {actual} 元，所引{table}「{row}」为 {expected} 元',
      en: 'explanation “{section}”: {text} {unit} is {actual} yuan, the cited {table} “{row}” is {expected} yuan',
    },
  },
  display: {
    id: 'TEXT.DISPLAY',
    severity: 'error',
    description: {
      zh: '说明中印出的数字（万元、%）是该数字按规则舍入的结果',
      en: 'A figure printed in the explanations (万元, %) is its value rounded by the rules',
    },
    message: {
      zh: '说明「{section}」印出 {text}{unit}，而数值为 {value}',
      en: 'explanation “{section}” prints {text}{unit} for the value {value}',
    },
  },
  share: {
    id: 'TEXT.SHARE',
    severity: 'error',
    description: {
      zh: '说明中的占比等于所引数字除以其总数（一位小数）',
      en: 'A share stated in the explanations is its figure divided by the total (one decimal)',
    },
    message: {
      zh: '说明「{section}」中占比为 {actual}%，{part} ÷ {total} = {expected}%',
      en: 'explanation “{section}” states {actual}%, {part} ÷ {total} is {expected}%',
    },
  },
  shareDecimals: {
    id: 'TEXT.SHARE_DECIMALS',
    severity: 'warning',
    description: {
      zh: '占比按模板规定的小数位数书写（湖北一位：写 4.0% 而非 4%；上海、江苏两位）',
      en: 'Shares are written with the decimals the template prescribes (Hubei one: 4.0%, not 4%; Shanghai and Jiangsu two)',
    },
    message: {
      zh: '说明「{section}」中占比写作 {text}%，应写作 {expected}%',
      en: 'explanation “{section}” writes the share as {text}%, write {expected}%',
    },
  },
  sourceMissing: {
    id: 'TEXT.SOURCE_MISSING',
    severity: 'warning',
    description: { zh: '说明中数字所引的表格行须存在', en: 'The table row an explained figure cites exists' },
    // One finding per 说明 and missing row, naming every figure of the 说明 that cites it.
    message: {
      zh: '说明「{section}」中的 {figureZh} 所引{table}的{placeZh}不存在',
      en: 'explanation “{section}”: {placeEn} of {table}, cited by {figureEn}, does not exist',
    },
  },
  notInText: {
    id: 'TEXT.NOT_IN_TEXT',
    severity: 'warning',
    description: {
      zh: '说明中列出的数字确实出现在正文中',
      en: 'A figure listed for a paragraph appears in its text',
    },
    message: {
      zh: '说明「{section}」的正文中没有 {text}{unit}',
      en: 'the text of explanation “{section}” does not contain {text}{unit}',
    },
  },
});

const tableName = (ref: TTableRef) => `表${ref.table.slice(1)}`;

function sameNumber(a: string, b: string, slack = 0): boolean {
  try {
    return new Decimal(a).minus(b).abs().lte(slack);
  } catch {
    return false;
  }
}

/** A row (or a row's column) that the figures of one 说明 cite and the table does not have: one problem. */
interface MissingSource {
  params: { section: string; table: string; placeZh: string; placeEn: string };
  /** what the figures print, each once */
  figures: Set<string>;
  /** each figure's place (a share citing the row twice counts once), by its key */
  places: Map<string, TFindingLocation>;
}

interface Context {
  disclosure: TDisclosure;
  /** Transcribed from print: figures and cells known only to their rounding. */
  rounded: boolean;
  /** The decimals the template writes shares with. */
  shareDecimals: DisplayDecimals;
  /** in the order found; a missing row stands in its first figure's turn until every figure was read */
  findings: (TFinding | MissingSource)[];
  /** by 说明 and missing row */
  missing: Map<string, MissingSource>;
}

/** The cell a figure cites, or a finding that it cites nothing. */
function cited(c: Context, placed: PlacedFigure, ref: TTableRef): { fen: Fen; name: string } | undefined {
  const row = referencedRow(c.disclosure, ref);
  if (row !== undefined && ref.column in row.cells) return { fen: cellFen(row, ref.column), name: row.name };
  // Named as the tables print them: the figure by what it says, the row by its name or 科目 code,
  // never by the keys the derivation gives them.
  const column = findTable(c.disclosure, ref.table)?.columns.find((col) => col.key === ref.column)?.label;
  const code = /^\d+$/.test(ref.row) ? ref.row : undefined;
  const place =
    row !== undefined
      ? { placeZh: `「${row.name.trim()}」行${column === undefined ? '' : `「${column}」`}`, placeEn: `row “${row.name.trim()}”${column === undefined ? '' : ` “${column}”`}` }
      : code !== undefined
        ? { placeZh: `科目 ${code} 所在行`, placeEn: `the row of code ${code}` }
        : { placeZh: '行', placeEn: 'a row' };
  // The figures of a 说明 that cite one missing row are one problem (an empty budget's 表5 has no
  // 合计, which 五's 总计, 基本支出 and 项目支出 all cite): one finding, at every figure citing it.
  const key = [placed.section.key, ref.table, ref.row, row === undefined ? '' : ref.column].join('\u0000');
  let missing = c.missing.get(key);
  if (missing === undefined) {
    missing = { params: { section: placed.section.title, table: tableName(ref), ...place }, figures: new Set(), places: new Map() };
    c.missing.set(key, missing);
    c.findings.push(missing);
  }
  missing.figures.add(`${placed.figure.text}${placed.figure.unit}`);
  missing.places.set(placed.figure.key, figureLocation(placed));
  return undefined;
}

/** A missing row's finding, at the first figure that cites it and also at the others, naming each. */
function missingFinding({ params, figures, places }: MissingSource): TFinding {
  const [location, ...alsoAt] = [...places.values()] as [TFindingLocation, ...TFindingLocation[]];
  return {
    ...report(TEXT_RULES.sourceMissing, location, { ...params, figureZh: [...figures].join('、'), figureEn: [...figures].join(', ') }),
    ...(alsoAt.length === 0 ? {} : { alsoAt }),
  };
}

function checkAmount(c: Context, placed: PlacedFigure): void {
  const { figure, section } = placed;
  const value = tryParseFen(figure.value);
  if (value === undefined || (figure.unit === '万元' && !wanTextMatchesFen(figure.text, value))) {
    const params = { section: section.title, text: figure.text, unit: figure.unit, value: figure.value };
    c.findings.push(
      report(TEXT_RULES.display, figureLocation(placed), params, {
        expected: figure.value,
        actual: figure.text,
      }),
    );
  }
  if (value === undefined || figure.source === undefined) return;
  const cell = cited(c, placed, figure.source);
  const cellStep = halfStepOf(c.disclosure.meta, findTable(c.disclosure, figure.source.table));
  if (cell === undefined || agrees(value, cell.fen, 1, cellStep, figureHalfStep(c.disclosure.meta, figure))) return;
  const table = tableName(figure.source);
  const params = {
    section: section.title,
    text: figure.text,
    unit: figure.unit,
    table,
    row: cell.name,
    actual: yuan(value),
    expected: yuan(cell.fen),
  };
  c.findings.push(
    report(TEXT_RULES.amount, figureLocation(placed), params, {
      expected: params.expected,
      actual: params.actual,
    }),
  );
}

function checkShare(c: Context, placed: PlacedFigure): void {
  const { figure, section } = placed;
  const asPrescribed = figureDecimals({ text: figure.text }) === c.shareDecimals;
  if (!sameNumber(figure.text, figure.value)) {
    const params = { section: section.title, text: figure.text, unit: figure.unit, value: figure.value };
    c.findings.push(
      report(TEXT_RULES.display, figureLocation(placed), params, {
        expected: figure.value,
        actual: figure.text,
      }),
    );
  } else if (!asPrescribed) {
    const expected = new Decimal(figure.value).toFixed(c.shareDecimals);
    c.findings.push(
      report(
        TEXT_RULES.shareDecimals,
        figureLocation(placed),
        { section: section.title, text: figure.text, expected },
        { expected, actual: figure.text },
      ),
    );
  }
  if (figure.source === undefined || figure.denominator === undefined) return;
  const part = cited(c, placed, figure.source)?.fen;
  const total = cited(c, placed, figure.denominator)?.fen;
  if (part === undefined || total === undefined || (total === 0 && part !== 0)) return;
  const decimals = Math.min(2, figureDecimals(figure)) as DisplayDecimals;
  const expected = shareOfTotal(part, total, decimals);
  if (sameNumber(figure.value, expected, c.rounded ? 10 ** -decimals : 0)) return;
  const params = {
    section: section.title,
    actual: figure.value,
    expected,
    part: yuan(part),
    total: yuan(total),
  };
  c.findings.push(
    report(TEXT_RULES.share, figureLocation(placed), params, { expected, actual: figure.value }),
  );
}

/** Identity 8 and the 元 ↔ 万元 agreement: every figure of Part 3 against its text and its table. */
export function checkTextVsTables(disclosure: TDisclosure): TFinding[] {
  const shareDecimals = (findTemplate(disclosure.meta.template)?.narrative.shareDecimals ?? 1) as DisplayDecimals;
  const c: Context = { disclosure, rounded: disclosure.meta.amountPrecision === 'display-rounded', shareDecimals, findings: [], missing: new Map() };
  let paragraph: TParagraph | undefined;
  let compact = '';
  let cursor = 0;
  for (const placed of figuresOf(disclosure)) {
    const { figure, section } = placed;
    if (placed.paragraph !== paragraph) {
      paragraph = placed.paragraph;
      compact = paragraph.text.replace(/\s+/g, '');
      cursor = 0;
    }
    // Figures are listed in the order the text states them: search on from the previous one, so
    // that a paragraph listing thousands of projects is read once; out of order, search it all.
    const text = figure.text.replace(/\s+/g, '');
    const at = compact.indexOf(text, cursor);
    const found = at >= 0 ? at : compact.indexOf(text);
    if (found < 0) {
      c.findings.push(
        report(TEXT_RULES.notInText, figureLocation(placed), {
          section: section.title,
          text: figure.text,
          unit: figure.unit,
        }),
      );
    } else {
      cursor = found + text.length;
    }
    if (figure.kind === 'amount') checkAmount(c, placed);
    else if (figure.kind === 'percent') checkShare(c, placed);
  }
  return c.findings.map((f) => ('places' in f ? missingFinding(f) : f));
}
