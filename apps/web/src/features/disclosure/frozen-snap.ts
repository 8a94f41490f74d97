/**
 * A ref for a table's sideways scroller: it comes to rest with a column's left edge at the frozen
 * column's right edge (styles.css snaps each cell's start), never with a figure half under the
 * frozen column ("4.8" read for 184.8). The snap's inset is the frozen column's width as laid out;
 * a table that scrolls gets room after its last column, so that every column can come to rest
 * there (a table a little wider than the phone could otherwise only stop part-way through its
 * second column). Measured again whenever the table's or the scroller's size changes.
 */
export function frozenSnap(scroller: HTMLElement | null): (() => void) | undefined {
  const table = scroller?.querySelector('table');
  if (scroller === null || table === null || table === undefined || typeof ResizeObserver === 'undefined') return undefined;
  const measure = () => {
    const frozen = table.querySelector('.frozen');
    const inset = frozen === null ? 0 : frozen.getBoundingClientRect().width;
    scroller.style.scrollPaddingInlineStart = `${inset}px`;
    // The table is as wide as the scroller's content (which the room added narrows) unless it needs more.
    const room = Number.parseFloat(scroller.style.paddingInlineEnd) || 0;
    const scrolls = table.getBoundingClientRect().width > scroller.clientWidth - room + 1;
    const lastRow = table.rows[table.rows.length - 1];
    const last = lastRow?.cells[lastRow.cells.length - 1]?.getBoundingClientRect().width ?? 0;
    scroller.style.paddingInlineEnd = scrolls ? `${Math.max(0, scroller.clientWidth - inset - last)}px` : '';
  };
  const observer = new ResizeObserver(measure);
  observer.observe(table);
  observer.observe(scroller);
  return () => observer.disconnect();
}
