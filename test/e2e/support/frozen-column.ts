import type { Page } from 'playwright-core';

/**
 * What is wrong with the frozen column of each table that scrolls sideways (wider than its box) on
 * the page as laid out now, one line per fault; none when every such table has exactly one frozen
 * (position: sticky) column, header cell included, opaque, and it hides no figure a reader could
 * take for another: scrolled to where a column's left edge meets the frozen column's right edge
 * (every such position in turn), and to a third, half and two thirds of the way, where the table
 * comes to rest there (it snaps to a column), each figure is either wholly behind the frozen column
 * or wholly clear of every frozen cell (a figure half under it reads "4.8" for 184.8). The tables
 * are left scrolled back to their start.
 */
export function frozenColumnFaults(page: Page, tables: string): Promise<string[]> {
  return page.evaluate(async (selector) => {
    const faults: string[] = [];
    const EPS = 1;
    const settled = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rect = (e: Element) => e.getBoundingClientRect();
    const textRect = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return range.getBoundingClientRect();
    };
    for (const scroller of document.querySelectorAll<HTMLElement>(selector)) {
      if (scroller.scrollWidth <= scroller.clientWidth + EPS) continue;
      const table = scroller.querySelector('table');
      if (table === null) continue;
      const name = scroller.closest('[id]')?.id ?? selector;
      const cells = [...table.querySelectorAll('th, td')];
      const sticky = cells.filter((c) => getComputedStyle(c).position === 'sticky');
      const numbers = [...table.querySelectorAll('td.cell-amount, td.cell-percent')].filter((c) => (c.textContent ?? '').trim() !== '');
      scroller.scrollLeft = 0;
      const columns = new Set(sticky.map((c) => `${Math.round(rect(c).left)}-${Math.round(rect(c).right)}`));
      if (columns.size !== 1) faults.push(`${name}: ${columns.size} frozen columns (${[...columns].join(', ')})`);
      if (!sticky.some((c) => c.closest('thead') !== null)) faults.push(`${name}: its frozen column has no frozen header cell`);
      for (const c of sticky) {
        const background = getComputedStyle(c).backgroundColor;
        if (background === 'transparent' || background === 'rgba(0, 0, 0, 0)') faults.push(`${name}: frozen cell "${c.textContent}" is see-through`);
      }
      if (sticky.length === 0) continue;
      const origin = rect(scroller).left;
      // Stuck at the left edge, the frozen column ends its own width in; the stops put each figure's column there.
      const frozenWidth = Math.max(...sticky.map((c) => rect(c).width));
      const max = scroller.scrollWidth - scroller.clientWidth;
      const stops = [...new Set(numbers.map((c) => Math.round(rect(c).left - origin - frozenWidth)))].filter((s) => s > 0 && s <= max);
      for (const asked of [...stops, ...[1 / 3, 1 / 2, 2 / 3].map((f) => Math.round(max * f))]) {
        scroller.scrollLeft = asked;
        await settled();
        const stop = scroller.scrollLeft;
        const covers = sticky.map((c) => rect(c));
        const edge = Math.max(...covers.map((r) => r.right));
        for (const c of numbers) {
          const text = textRect(c);
          const behind = text.right <= edge + EPS;
          const clear = covers.every((r) => text.left >= r.right - EPS || text.right <= r.left + EPS || text.bottom <= r.top + EPS || text.top >= r.bottom - EPS);
          if (!behind && !clear) faults.push(`${name} scrolled ${stop}px: "${c.textContent}" is half under the frozen column`);
        }
        const header = sticky.filter((c) => c.closest('thead') !== null).map((c) => rect(c));
        const body = covers.filter((_r, i) => sticky[i]?.closest('tbody') !== null);
        if (header.some((h) => body.some((b) => Math.abs(h.left - b.left) > EPS || Math.abs(h.right - b.right) > EPS)))
          faults.push(`${name} scrolled ${stop}px: the frozen header cell and the frozen cells below it part`);
      }
      scroller.scrollLeft = 0;
    }
    return faults;
  }, tables);
}
