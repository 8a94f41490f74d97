import type { TCellChange, TDisclosure } from '@budgetflow/domain';

const TABLE_CELL = /^tables\.\[(T\d+)\]\.rows\.\[([^\]]+)\]\.cells\.([\w-]+)$/;
const TABLE = /^tables\.\[(T\d+)\]\.(.*)$/;
const SECTION = /^explanations\.\[([^\]]+)\]\.(.*)$/;
const PARAGRAPH = /^paragraphs\.(\d+)\.(.*)$/;
const FIGURE = /^figures\.\[([^\]]+)\]\.(\w+)$/;

/** The words a moved cell is named with, in the page's language. */
export interface TCellWords {
  part3: string;
  glossary: string;
  other: string;
  paragraph(n: number): string;
  /** a figure of a paragraph, by what it prints ("604.4万元") */
  figure(text: string): string;
  /** the parts of a disclosure's leaves people know by name: text, title, value, unit, term … */
  leaf: Readonly<Record<string, string>>;
}

export interface TCellLabel {
  /** what the change is grouped under: a table ("表一 收支预算总表"), Part 3, the glossary, or the rest */
  group: string;
  /** the cell as people name it: "一.财政拨款（补助） · 预算数", "六、…情况说明 · 第 1 段 · 正文" */
  cell: string;
}

/**
 * A moved cell of the disclosure (the domain's diffCells path) in the words of the tables and the
 * explanations: table number and title, row name and column label, section title, paragraph and
 * the figure as it prints, looked up in the newer disclosure. A part with no name people would know
 * (a key, an index) is left out rather than shown raw.
 */
export function cellLabel(change: TCellChange, disclosure: TDisclosure | undefined, words: TCellWords): TCellLabel {
  const leafWord = (part: string) => words.leaf[part];
  const cell = TABLE_CELL.exec(change.path);
  if (cell !== null) {
    const [, tableId = '', rowKey = '', columnKey = ''] = cell;
    const table = disclosure?.tables.find((t) => t.id === tableId);
    const row = table?.rows.find((r) => r.key === rowKey);
    const column = table?.columns.find((c) => c.key === columnKey);
    // A row gone from the newer disclosure keeps its code when it has one (a 科目), else its place is the table's.
    const rowName = row?.name.trim() ?? (/^\d+$/.test(rowKey) ? rowKey : undefined);
    return { group: tableName(tableId, disclosure), cell: joined([rowName, column?.label]) };
  }
  const inTable = TABLE.exec(change.path);
  if (inTable !== null) {
    const [, tableId = '', rest = ''] = inTable;
    return { group: tableName(tableId, disclosure), cell: joined(rest.split('.').map(leafWord)) };
  }
  const inSection = SECTION.exec(change.path);
  if (inSection !== null) {
    const [, sectionKey = '', rest = ''] = inSection;
    const section = disclosure?.explanations.find((s) => s.key === sectionKey);
    const paragraph = PARAGRAPH.exec(rest);
    if (paragraph === null) return { group: words.part3, cell: joined([section?.title, ...rest.split('.').map(leafWord)]) };
    const [, index = '0', inParagraph = ''] = paragraph;
    const figure = FIGURE.exec(inParagraph);
    const printed = figure === null ? undefined : section?.paragraphs[Number(index)]?.figures.find((f) => f.key === figure[1]);
    const names =
      figure === null
        ? inParagraph.split('.').map(leafWord)
        : [printed === undefined ? leafWord('figures') : words.figure(`${printed.text}${printed.unit}`), figure[2] === 'value' ? undefined : leafWord(figure[2] ?? '')];
    return { group: words.part3, cell: joined([section?.title, words.paragraph(Number(index) + 1), ...names]) };
  }
  const [first = '', ...rest] = change.path.split('.');
  const group = first === 'glossary' ? words.glossary : words.other;
  return { group, cell: joined(rest.map(leafWord)) || '—' };

  function tableName(tableId: string, shown: TDisclosure | undefined): string {
    const table = shown?.tables.find((t) => t.id === tableId);
    return table === undefined ? words.other : `${table.number} ${table.title}`;
  }
}

function joined(names: readonly (string | undefined)[]): string {
  return names.filter((n): n is string => n !== undefined && n !== '').join(' · ');
}
