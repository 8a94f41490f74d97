/**
 * Tab-separated text as Excel and WPS put it on the clipboard: rows end in CRLF (or LF), the last
 * one usually too; a cell holding a tab, a line break or a quote is quoted, with quotes doubled.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the quote not followed by another.
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            cell += '"';
            j++;
          } else break;
        } else cell += text[j];
      }
      i = j + 1;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const quote = (cell: string) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** The block as Excel would copy it (CRLF after each row), so that it pastes back cell for cell. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `${r.map(quote).join('\t')}\r\n`).join('');
}
