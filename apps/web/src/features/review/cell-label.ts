import type { TCellChange, TDisclosure } from '@budgetflow/domain';

const TABLE_CELL = /^tables\.\[(T\d+)\]\.rows\.\[([^\]]+)\]\.cells\.([\w-]+)$/;
const FIGURE = /^explanations\.\[([^\]]+)\]\.paragraphs\.\d+\.figures\.\[([^\]]+)\]\.(\w+)$/;

export interface TCellLabel {
  /** what the change is grouped under: a table ("表一 收支预算总表"), Part 3, or the path's first part */
  group: string;
  /** the cell as people name it: "一.财政拨款（补助） · 预算数" */
  cell: string;
}

/**
 * A moved cell of the disclosure (the domain's diffCells path) in the words of the tables:
 * table number and title, row name and column label, looked up in the newer disclosure.
 */
export function cellLabel(
  change: TCellChange,
  disclosure: TDisclosure | undefined,
  part3Label: string,
): TCellLabel {
  const cell = TABLE_CELL.exec(change.path);
  if (cell !== null) {
    const [, tableId = '', rowKey = '', columnKey = ''] = cell;
    const table = disclosure?.tables.find((t) => t.id === tableId);
    const row = table?.rows.find((r) => r.key === rowKey);
    const column = table?.columns.find((c) => c.key === columnKey);
    return {
      group: table === undefined ? tableId : `${table.number} ${table.title}`,
      cell: `${row?.name ?? rowKey} · ${column?.label ?? columnKey}`,
    };
  }
  const figure = FIGURE.exec(change.path);
  if (figure !== null) {
    const [, sectionKey = '', figureKey = '', field = ''] = figure;
    const section = disclosure?.explanations.find((s) => s.key === sectionKey);
    return {
      group: part3Label,
      cell: `${section?.title ?? sectionKey} · ${figureKey}${field === 'value' ? '' : ` · ${field}`}`,
    };
  }
  const [first = change.path] = change.path.split('.');
  return { group: first, cell: change.path };
}
