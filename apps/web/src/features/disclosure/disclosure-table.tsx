import {
  displayUnitOf,
  toDisplayGrid,
  type TBlock,
  type TDisclosureTable,
  type TLeafBlock,
} from '@budgetflow/domain';
import { DisplayGridTable, type TRowMark } from './display-grid-table';

/** More columns than fit across A4 portrait at the print size (a code, a name and five figures do). */
const WIDE_COLUMNS = 7;

/** One of the disclosure's tables as printed: title, unit, grid, then its forms (表9, 表10). */
export function DisclosureTable({
  table,
  title = `${table.number} ${table.title}`,
  departmentName,
  onRowClick,
  marks,
  rowLink,
}: {
  table: TDisclosureTable;
  /** The heading, as the PDF prints it (表一 硚口区大数据中心2020年收支预算总表). */
  title?: string;
  departmentName?: string;
  onRowClick?: (rowKey: string) => void;
  marks?: ReadonlyMap<string, TRowMark>;
  rowLink?: (code: string) => string | undefined;
}) {
  const unit = displayUnitOf(table);
  const grid = toDisplayGrid(table);
  // A table of many columns prints on a landscape page (print.css: the page named "wide").
  const wide = grid.columnCount > WIDE_COLUMNS;
  return (
    <section
      className={wide ? 'disclosure-table wide' : 'disclosure-table'}
      id={`table-${table.id}`}
      aria-labelledby={`title-${table.id}`}
    >
      <h3 id={`title-${table.id}`}>{title}</h3>
      <p className="table-meta">
        {departmentName !== undefined && <span>{departmentName}</span>}
        <span>单位：{table.unit}</span>
      </p>
      {table.preamble.map((b) => (
        <LeafBlock key={b.key} block={b} unit={unit} />
      ))}
      {(table.rows.length > 0 || table.emptyStatement !== undefined) && (
        <DisplayGridTable
          grid={grid}
          {...(onRowClick === undefined ? {} : { onRowClick })}
          {...(marks === undefined ? {} : { marks, dataColumns: table.columns.length })}
          {...(rowLink === undefined ? {} : { rowLink })}
        />
      )}
      {table.blocks.map((b) => (
        <Block key={b.key} block={b} unit={unit} />
      ))}
    </section>
  );
}

function Block({ block, unit }: { block: TBlock; unit: 'wan' | 'yuan' }) {
  if (block.type !== 'project') return <LeafBlock block={block} unit={unit} />;
  return (
    <section className="project-block">
      <h4>
        {block.name} · {block.unitName}
      </h4>
      {block.blocks.map((b) => (
        <LeafBlock key={b.key} block={b} unit={unit} />
      ))}
    </section>
  );
}

function LeafBlock({ block, unit }: { block: TLeafBlock; unit: 'wan' | 'yuan' }) {
  switch (block.type) {
    case 'grid':
      return (
        <DisplayGridTable
          grid={toDisplayGrid(block, { unit })}
          {...(block.title === undefined ? {} : { caption: block.title })}
        />
      );
    case 'facts':
      // The title beside the list, not in it: a <dl> holds only its terms and definitions.
      return (
        <div className="facts-block">
          {block.title !== undefined && <h5>{block.title}</h5>}
          <dl className="facts">
            {block.items.map((item, i) => (
              <div key={i}>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      );
    case 'text':
      return (
        <div className="text-block">
          <h5>{block.label}</h5>
          <p>{block.text}</p>
        </div>
      );
    case 'indicators':
      return (
        <table className="indicators">
          {block.title !== undefined && <caption>{block.title}</caption>}
          <thead>
            <tr>
              <th scope="col">一级指标</th>
              <th scope="col">二级指标</th>
              <th scope="col">指标名称</th>
              <th scope="col">{block.priorYears?.[0] ?? ''} 指标值</th>
              <th scope="col">{block.priorYears?.[1] ?? ''} 指标值</th>
              <th scope="col">预期值</th>
            </tr>
          </thead>
          <tbody>
            {block.indicators.map((ind, i) => (
              <tr key={i}>
                <td>{ind.level1}</td>
                <td>{ind.level2}</td>
                <td>{ind.name}</td>
                <td>{ind.valueTwoYearsAgo}</td>
                <td>{ind.valueLastYear}</td>
                <td>{ind.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
