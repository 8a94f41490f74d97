import type { DisplayGrid } from '@budgetflow/domain';

/** A display grid (the domain's toDisplayGrid) as an HTML table: merged headers, figures right-aligned. */
export function DisplayGridTable({
  grid,
  caption,
  onRowClick,
}: {
  grid: DisplayGrid;
  caption?: string;
  onRowClick?: (rowKey: string) => void;
}) {
  return (
    <div className="grid-scroll">
      <table className="disclosure-grid">
        {caption !== undefined && <caption>{caption}</caption>}
        <thead>
          {grid.header.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <th key={j} scope="col" colSpan={c.colSpan} rowSpan={c.rowSpan}>
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
            grid.body.map((row) => (
              <tr
                key={row.key}
                className={row.emphasis ? 'total' : undefined}
                data-row={row.key}
                onClick={onRowClick === undefined ? undefined : () => onRowClick(row.key)}
              >
                {row.cells.map((c, j) => (
                  <td
                    key={j}
                    colSpan={c.colSpan}
                    rowSpan={c.rowSpan}
                    className={`cell-${c.kind}`}
                    style={c.indent > 0 ? { paddingLeft: `${0.4 + c.indent}em` } : undefined}
                  >
                    {c.text}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
