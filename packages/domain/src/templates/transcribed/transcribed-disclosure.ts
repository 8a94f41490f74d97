import type { NameCatalogue } from '../../derive/catalogue-names';
import { DISCLOSURE_SCHEMA_VERSION, ZDisclosure, type TDisclosure, type TDisclosureTable, type TExplanationSection } from '../../disclosure/disclosure.schema';
import type { TableBody } from '../../derive/table-parts';
import type { TDisclosureTemplate, TTemplateTable } from '../template.schema';
import { findTranscribedTable, TranscriptionError } from './transcribed-tables';
import { transcribedSummary } from './transcribed-summary';
import { transcribedCodeTable, transcribedExpenditureTotal, transcribedIncomeList, transcribedProcurement, transcribedThreePublic } from './transcribed-rows';
import { ZTranscription, type TTranscribedTable, type TTranscription } from './transcription.schema';

/** The body of one template table from its transcription, by the projection the template names. */
function bodyOf(t: TTranscribedTable, spec: TTemplateTable, unitScope: boolean, catalogue: NameCatalogue): TableBody {
  const rows = spec.rows;
  switch (rows.from) {
    case 'source-summary':
      return transcribedSummary(t, spec, rows, unitScope, catalogue);
    case 'function-hierarchy':
    case 'basic-economic':
      return transcribedCodeTable(t, spec, rows.columns);
    case 'three-public-row':
      return transcribedThreePublic(t, spec, rows);
    case 'income-list':
      return transcribedIncomeList(t);
    case 'expenditure-total':
      return transcribedExpenditureTotal(t, spec);
    case 'procurement':
      return transcribedProcurement(t);
    default:
      throw new TranscriptionError(`a ${rows.from} table cannot be read from a transcription yet`, spec.id);
  }
}

/** A line of narrative that starts a paragraph: a heading or a numbered point (一、 （一） 1. 1． （1）), not a figure (1435.14万元). */
const PARAGRAPH_START = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.．、](?!\d)|（\d+）)/;
/** A heading: a short line without punctuation, numbered or naming a 说明 (2025年单位预算编制说明). */
const isHeading = (line: string) => line.length <= 40 && !/[，。；：,]/.test(line) && (PARAGRAPH_START.test(line) || /(说明|情况|解释|概况|职能)$/.test(line));
/** A PDF page's footer line (─ 7 ─), no part of the text. */
const PAGE_FOOTER = /^─\s*\d+\s*─$/;

/**
 * The narrative (编制说明 / 第三部分) as paragraphs: the PDF's text layer breaks lines mid-sentence,
 * so lines are joined until one ends a sentence or the next starts a numbered point; a heading is a
 * paragraph of its own. Figures in the
 * text are not yet tied to table cells: the paragraphs carry no figures.
 */
export function narrativeParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || PAGE_FOOTER.test(line)) continue;
    if (current !== '' && (PARAGRAPH_START.test(line) || isHeading(line))) {
      paragraphs.push(current);
      current = '';
    }
    current += line;
    if (/[。：]$/.test(line) || isHeading(line)) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}

function explanationsOf(s: TTranscription): TExplanationSection[] {
  const parts: [string, string, string | undefined][] = [
    ['narrative', '说明', s.narrative?.text],
    ['other-notes', '其他相关情况说明', s.narrative?.other_notes_text],
  ];
  return parts.flatMap(([key, title, text]) => (text === undefined || text.trim() === '' ? [] : [{ key, title, paragraphs: narrativeParagraphs(text).map((p) => ({ text: p, figures: [] })) }]));
}

/**
 * A disclosure transcribed from someone else's print (shared/samples' format) as a Budgetflow
 * disclosure of `template`: its tables keyed by the template's ids, each with its role, unit and
 * print precision, its rows keyed as Budgetflow derives them, so that every rule reads it as it reads
 * a derived one; cells are the printed figures at face value (amountPrecision 'display-rounded').
 * `catalogue` (the year's) gives the 功能 类 codes a summary prints by name only. Tables the
 * transcription lacks are left out. Throws a ZodError (with its path) on a malformed transcription,
 * a TranscriptionError on one that does not fit the template.
 */
export function transcribedDisclosure(input: unknown, template: TDisclosureTemplate, catalogue: NameCatalogue): TDisclosure {
  const s = ZTranscription.parse(input);
  const unitScope = s.scope === '单位预算';
  const tables: TDisclosureTable[] = [];
  for (const spec of template.tables) {
    const t = findTranscribedTable(s, spec.id);
    if (t === undefined) continue;
    const body = bodyOf(t, spec, unitScope, catalogue);
    const emptyStatement = body.rows.length === 0 && typeof t.note === 'string' ? { emptyStatement: t.note } : {};
    tables.push({ id: spec.id, role: spec.role, number: spec.number, title: t.title, unit: t.unit, decimals: spec.decimals, ...body, ...emptyStatement });
  }
  return ZDisclosure.parse({
    schemaVersion: DISCLOSURE_SCHEMA_VERSION,
    meta: {
      departmentCode: 'transcribed',
      departmentName: s.department,
      fiscalYear: s.year,
      template: template.id,
      scope: unitScope ? 'unit' : 'department',
      unitLabel: template.narrative.unit,
      amountPrecision: 'display-rounded',
    },
    overview: { functions: [], units: [], staffing: { authorized: 0, actual: 0, retired: 0 } },
    tables,
    explanations: explanationsOf(s),
    glossary: [],
  });
}
