import type { DisplayGrid } from '@budgetflow/domain';
import { Link } from 'react-router';
import { frozenCells } from './frozen-column';
import { frozenSnap } from './frozen-snap';

/** A finding on a row, and the amount columns (indexes among the table's columns) it is about. */
export interface TRowMark {
  message: string;
  columns: readonly number[];
}

/**
 * A display grid (the domain's toDisplayGrid) as an HTML table: merged headers, figures
 * right-aligned, the first name column (its header too) frozen while the figures scroll sideways
 * (a phone; frozenCells), and a row's name a link where `rowLink` says where its code leads.
 */
export function DisplayGridTable({
  grid,
  caption,
  onRowClick,
  marks,
  dataColumns = 0,
  rowLink,
}: {
  grid: DisplayGrid;
  caption?: string;
  onRowClick?: (rowKey: string) => void;
  /** Rows with findings, by row key (the editor marks the failing cells); `dataColumns`: the table's column count. */
  marks?: ReadonlyMap<string, TRowMark>;
  dataColumns?: number;
  rowLink?: (code: string) => string | undefined;
}) {
  const frozen = frozenCells(grid);
  return (
    <div className="grid-scroll" ref={frozenSnap} tabIndex={0} role="region" aria-label={caption ?? '表格'}>
      <table className="disclosure-grid">
        {caption !== undefined && <caption>{caption}</caption>}
        <thead>
          {grid.header.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <th
                  key={j}
                  scope="col"
                  colSpan={c.colSpan}
                  rowSpan={c.rowSpan}
                  className={frozen.header[i]?.[j] === true ? 'frozen' : undefined}
                >
                  {c.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {grid.body.length === 0 && grid.emptyStatement !== undefined ? (
            <tr>
              <td colSpan={grid.columnCount} className="empty-statement">
                {grid.emptyStatement}
              </td>
            </tr>
          ) : (
            grid.body.map((row, i) => {
              const mark = marks?.get(row.key);
              const first = row.cells.length - dataColumns;
              const marked = (j: number) => mark !== undefined && (mark.columns.includes(j - first) || (mark.columns.length === 0 && j === first));
              const code = row.cells.find((c) => c.kind === 'code')?.text.trim();
              const href =
                code === undefined || code === '' || rowLink === undefined ? undefined : rowLink(code);
              return (
                <tr
                  key={row.key}
                  className={[row.emphasis ? 'total' : '', mark === undefined ? '' : 'has-finding'].join(' ').trim() || undefined}
                  data-row={row.key}
                  title={mark?.message}
                  onClick={onRowClick === undefined ? undefined : () => onRowClick(row.key)}
                >
                  {row.cells.map((c, j) => {
                    const Cell = c.kind === 'name' ? 'th' : 'td';
                    return (
                      <Cell
                        key={j}
                        {...(Cell === 'th' ? { scope: 'row' } : {})}
                        colSpan={c.colSpan}
                        rowSpan={c.rowSpan}
                        className={`cell-${c.kind}${frozen.body[i]?.[j] === true ? ' frozen' : ''}${marked(j) ? ' has-error' : ''}`}
                        style={c.indent > 0 ? { paddingLeft: `${0.4 + c.indent}em` } : undefined}
                      >
                        {href !== undefined && c.kind === 'name' ? <Link to={href}>{c.text}</Link> : c.text}
                        {marked(j) && <span className="visually-hidden">（{mark?.message}）</span>}
                      </Cell>
                    );
                  })}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
