import { judgeCode } from '../catalogue/code-verdict';
import type {
  Catalogue,
  CatalogueEntry,
  ClassificationKind,
  ClassificationLevel,
} from '../catalogue/catalogue';
import { formatYuan, parseFen } from '../money/fen';
import { MONEY_REASONS, MoneyError } from '../money/money-error';
import { EXPENDITURE_KINDS } from './budget-document.schema';
import { FUND_SOURCE_NAMES, FUND_SOURCES, type FundSource } from './fund-source';

/**
 * What a person wrote in one spreadsheet cell of a line (pasted from Excel or WPS), read as the
 * value of a field, or refused with a reason in Chinese that the paste summary shows.
 */
export type TCellReading<T> = { ok: true; value: T } | { ok: false; reason: string };

type TExpenditureKind = (typeof EXPENDITURE_KINDS)[number];

/** Lines carry functional codes at 项 level and economic codes at 款 level. */
export const LINE_CODE_LEVEL: Readonly<Record<ClassificationKind, ClassificationLevel>> = {
  functional: 'item',
  economic: 'section',
};

const KIND_LIST_ZH: Readonly<Record<ClassificationKind, string>> = {
  functional: '功能科目',
  economic: '经济科目',
};
const LEVEL_ZH: Readonly<Record<ClassificationLevel, string>> = { class: '类', section: '款', item: '项' };
/** At most this many candidates are named when a name fits several codes. */
const MAX_CANDIDATES = 5;

const ok = <T>(value: T): TCellReading<T> => ({ ok: true, value });
const refused = <T>(reason: string): TCellReading<T> => ({ ok: false, reason });

/** Full-width spaces and digits (a Chinese input method's) as their ASCII forms, runs of space as one. */
function tidy(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/**
 * A classification code as written: `2010350`, `2010350 事业运行`, `[2010350]事业运行` or the name
 * alone (`事业运行`), against the catalogue in force. A name that several codes carry is refused,
 * naming them; a code whose name is written differently from the catalogue's is refused, since
 * one of the two is a mistake. A code a partial (shipped) edition lacks under a parent it has is
 * accepted: the findings ask for its name, as when it is typed.
 */
export function readCodeCell(
  catalogue: Catalogue,
  kind: ClassificationKind,
  text: string,
): TCellReading<string> {
  const written = tidy(text);
  const level = LINE_CODE_LEVEL[kind];
  const list = KIND_LIST_ZH[kind];
  const match = /^\[?(\d+)\]?\s*(.*)$/.exec(written);
  if (match === null) return byName(catalogue, kind, written);
  const [, code = '', name = ''] = match;
  const verdict = judgeCode(catalogue, kind, code, level);
  switch (verdict.verdict) {
    case 'ok':
      return name === '' || name === verdict.entry.name
        ? ok(code)
        : refused(`${list} ${code} 在目录中是「${verdict.entry.name}」，与「${name}」不符`);
    case 'missing-from-partial':
      return ok(code);
    case 'malformed':
      return refused(
        `「${code}」不是${list}编码（${kind === 'functional' ? '功能科目为 7 位' : '经济科目为 5 位'}）`,
      );
    case 'other-list':
      return refused(`「${code}」是另一套分类的编码，不是${list}`);
    case 'wrong-level':
      return refused(
        `${list}须写到${LEVEL_ZH[level]}级（${kind === 'functional' ? '7' : '5'} 位）：「${code}」`,
      );
    case 'unknown':
      return refused(`目录中没有${list} ${code}`);
  }
}

function byName(catalogue: Catalogue, kind: ClassificationKind, name: string): TCellReading<string> {
  const list = KIND_LIST_ZH[kind];
  const found: CatalogueEntry[] = [];
  for (const entry of catalogue[kind].values()) {
    if (entry.level === LINE_CODE_LEVEL[kind] && entry.name === name) found.push(entry);
  }
  const [only] = found;
  if (only !== undefined && found.length === 1) return ok(only.code);
  if (found.length === 0) return refused(`目录中没有名为「${name}」的${list}`);
  const named = found
    .slice(0, MAX_CANDIDATES)
    .map((e) => `${e.code} ${e.name}`)
    .join('、');
  const more = found.length > MAX_CANDIDATES ? ` 等 ${found.length} 个` : '';
  return refused(`「${name}」对应多个${list}：${named}${more}，请写明编码`);
}

/**
 * An amount in 元 as a spreadsheet shows it: `1,234.50`, `1234.5`, `￥1,234.50`, `1234.50元`,
 * answered as the canonical `1234.50`. Negative amounts are refused (a line carries none).
 */
export function readAmountCell(text: string): TCellReading<string> {
  const written = tidy(text)
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/，/g, ',');
  try {
    const yuan = formatYuan(parseFen(written));
    return yuan.startsWith('-') ? refused(`${MONEY_REASONS.NEGATIVE.zh}：「${written}」`) : ok(yuan);
  } catch (error) {
    if (error instanceof MoneyError) return refused(`${MONEY_REASONS[error.code].zh}：「${written}」`);
    throw error;
  }
}

/** How people name a 支出类型 in a sheet, with or without the 基本支出 prefix. */
const KIND_NAMES: Readonly<Record<TExpenditureKind, readonly string[]>> = {
  'basic-personnel': ['人员经费', '基本支出人员经费', '工资福利'],
  'basic-public': ['公用经费', '日常公用经费', '基本支出公用经费', '基本支出日常公用经费'],
  project: ['项目', '项目支出'],
};

/** 支出类型 as a sheet writes it (人员经费 / 公用经费 / 项目): what readKindCell reads back first. */
export function kindText(kind: TExpenditureKind): string {
  return KIND_NAMES[kind][0] ?? kind;
}

/** 支出类型 as 人员经费 / 公用经费 (日常公用经费) / 项目 (项目支出), or the English value. */
export function readKindCell(text: string): TCellReading<TExpenditureKind> {
  const written = tidy(text);
  const joined = written.replace(/[-—－·・\s]/g, '');
  for (const kind of EXPENDITURE_KINDS) {
    if (written === kind || KIND_NAMES[kind].includes(joined)) return ok(kind);
  }
  return refused(`支出类型须为 人员经费、公用经费 或 项目：「${written}」`);
}

/** Without the numbering and the bracketed part a printed row carries: "1.经费拨款（补助）" → "经费拨款". */
const bare = (name: string) => name.replace(/^\d+[.、．]\s*/, '').replace(/[（(][^）)]*[）)]/g, '');

/** 资金来源 by its printed name (with or without the bracketed part) or its English value. */
export function readFundSourceCell(text: string): TCellReading<FundSource> {
  const written = tidy(text);
  for (const source of FUND_SOURCES) {
    const name = FUND_SOURCE_NAMES[source];
    if (written === source || written === name || bare(written) === bare(name)) return ok(source);
  }
  return refused(`没有名为「${written}」的资金来源`);
}

/** A choice of the document (a unit, a project) by its code or id, or by its name if one has it. */
export function readChoiceCell(
  text: string,
  choices: readonly { value: string; name: string }[],
  what: string,
): TCellReading<string> {
  const written = tidy(text);
  const byValue = choices.find((c) => c.value === written);
  if (byValue !== undefined) return ok(byValue.value);
  const byName = choices.filter((c) => c.name === written || `${c.value} ${c.name}` === written);
  const [only] = byName;
  if (only !== undefined && byName.length === 1) return ok(only.value);
  return refused(
    byName.length > 1 ? `有多个${what}名为「${written}」，请写编码` : `没有${what}「${written}」`,
  );
}

/** A count of people or a year as a spreadsheet holds it: a whole number, not negative, answered as digits. */
export function readCountCell(text: string): TCellReading<string> {
  const written = tidy(text).replace(/,/g, '');
  return /^\d{1,15}$/.test(written) ? ok(String(Number(written))) : refused(`须为不小于 0 的整数：「${written}」`);
}

/**
 * A 功能 code that keys a figure or a text of the explanations: 类 (3 digits) or 项 (7), with or
 * without its name. Not judged against the catalogue in force: last year's figures and the texts
 * carried from it may name a code this year's edition no longer has, and the name is only a label.
 */
export function readFunctionKeyCell(text: string): TCellReading<string> {
  const written = tidy(text);
  const code = /^\[?(\d+)\]?/.exec(written)?.[1] ?? '';
  return code.length === 3 || code.length === 7 ? ok(code) : refused(`功能科目须为类级（3 位）或项级（7 位）编码：「${written}」`);
}
