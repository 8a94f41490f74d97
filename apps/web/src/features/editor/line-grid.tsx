import {
  EXPENDITURE_KINDS,
  FUND_SOURCE_NAMES,
  FUND_SOURCES,
  formatYuan,
  type Catalogue,
  type TBudgetDocument,
  type TExpenditureLine,
} from '@budgetflow/domain';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  memo,
  useCallback,
  useDeferredValue,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useDeskI18n, type TDeskTranslate } from '../../lib/desk-i18n';
import { groupYuan } from '../../lib/yuan-text';
import { attrSelector } from '../../lib/attr-selector';
import { AmountCell } from './amount-cell';
import { CodePicker } from './code-picker';
import { LazySelect, type TOption } from './lazy-select';
import { cellKey, type TInvalidCell } from './working-copy';
import { GridNotice, type TGridNotice } from './grid/grid-notice';
import { GridToolbar } from './grid/grid-toolbar';
import { NO_QUERY, rowsTotal, viewOrder, viewRows, type TGridQuery, type TRowsTotal } from './grid/grid-view';
import { cellContext, cellText, fieldsBetween, tidyLine } from './grid/line-cells';
import { FIELD_LABEL, LINE_FIELDS, type TLineField } from './grid/line-fields';
import { newLineLike } from './grid/new-line';
import { pasteBlock } from './grid/paste-block';
import { parseTsv, toTsv } from './grid/tsv';

export { LINE_FIELDS, type TLineField } from './grid/line-fields';

export interface TLineGridHandle {
  /** Scrolls the line into view and puts the cursor in the field (a finding's location). */
  focusCell(lineId: string, field?: string): void;
}

interface TProps {
  lines: readonly TExpenditureLine[];
  document: Pick<TBudgetDocument, 'department' | 'projects'>;
  catalogue: Catalogue;
  editable: boolean;
  /** ids of lines changed since the last save */
  dirty: ReadonlySet<string>;
  /** finding messages by cell key (lineId:field) */
  cellFindings: ReadonlyMap<string, string>;
  /** What was typed in cells and refused (amounts, codes), by cell key. */
  invalid: ReadonlyMap<string, TInvalidCell>;
  /** A cell typed into; `field` makes the keystrokes of one cell one undo step. */
  onLineChange(line: TExpenditureLine, field?: TLineField): void;
  onLineRemove(lineId: string): void;
  onInvalidCell(lineId: string, field: TLineField, value: TInvalidCell | null): void;
  /** Lines changed or added together (a paste, a fill down): one undo step. */
  onLinesPut?: (lines: readonly TExpenditureLine[], label: string) => void;
  /** Takes back the last step (the notice after a removal offers it). */
  onUndo?: () => void;
  /** The cursor moved to another cell: the next keystrokes are a new undo step. */
  onCellLeave?: () => void;
  /** When given, each row's number is a button that picks the line (a reviewer anchoring a comment). */
  onPickLine?: (lineId: string) => void;
  /**
   * Units whose lines are read-only here, each with why (a department budget's lines of the units
   * that prepare a unit budget of their own, 汇总 once it is approved): such a row is neither
   * edited, pasted or filled into, nor removed, and no other line can be moved into its unit.
   */
  lockedUnits?: ReadonlyMap<string, string>;
}

interface TCellPos {
  row: number;
  col: number;
}
/** The selected block: where it started (the cell with the cursor) and where Shift+arrows took it. */
interface TSelection {
  anchor: TCellPos;
  focus: TCellPos;
}
const NO_COLUMNS = [-1, -1] as const;

function parseCell(target: HTMLElement): { lineId: string; field: TLineField } | null {
  const cell = target.dataset['cell'];
  if (cell === undefined) return null;
  const at = cell.lastIndexOf(':');
  const field = cell.slice(at + 1) as TLineField;
  return LINE_FIELDS.includes(field) ? { lineId: cell.slice(0, at), field } : null;
}

/** ←/→ leave a text cell only from its edge or when its whole text is selected (just entered, untyped). */
function leavesText(target: HTMLElement, key: 'ArrowLeft' | 'ArrowRight'): boolean {
  if (!(target instanceof HTMLInputElement)) return true;
  const { selectionStart: from, selectionEnd: to, value } = target;
  if (from === null || to === null) return true;
  if (from === 0 && to === value.length) return true;
  return from === to && (key === 'ArrowLeft' ? from === 0 : to === value.length);
}

const ROW_HEIGHT = 34;
const NO_LOCKS: ReadonlyMap<string, string> = new Map();
/** What a paste refuses on a read-only row (as the domain's cell readers, in Chinese). */
const LOCKED_ROW = '该行属于有单位预算的单位，只读';
const KIND_LABEL = {
  'basic-personnel': 'kind_basic_personnel',
  'basic-public': 'kind_basic_public',
  project: 'kind_project',
} as const;

/**
 * The expenditure lines as a spreadsheet: only the rows in view are in the DOM (10,000 lines
 * scroll like 30). Tab moves along a row; arrows move between cells on every column (Alt+↓ opens
 * a select); Shift+arrows select a block to copy (Ctrl+C, as TSV) or fill down (Ctrl+D); a block
 * pasted from Excel or WPS fills the cells from the cursor, adding rows, and says what it refused.
 */
export const LineGrid = forwardRef<TLineGridHandle, TProps>(function LineGrid(props, ref) {
  const { lines, onLinesPut, onCellLeave } = props;
  const locks = props.lockedUnits ?? NO_LOCKS;
  const { t } = useDeskI18n();
  // Built from the units and projects alone (the document itself is new on every keystroke): the
  // rows in view are not all drawn again for a typed amount.
  const { department, projects } = props.document;
  const options = useMemo(() => rowOptions({ department, projects }, t, locks), [department, projects, t, locks]);
  const ctx = useMemo(() => cellContext(props.catalogue, { department, projects }), [props.catalogue, department, projects]);
  // What is pasted or filled reads a unit among the units still open here only.
  const openCtx = useMemo(() => (locks.size === 0 ? ctx : { ...ctx, units: ctx.units.filter((u) => !locks.has(u.value)) }), [ctx, locks]);
  const isLocked = useCallback((line: TExpenditureLine) => locks.has(line.unitCode), [locks]);
  const [query, setQuery] = useState<TGridQuery>(NO_QUERY);
  // The order is taken when the query changes (not on every edit); null: the lines as they are.
  const [view, setView] = useState<{ order: string[]; known: Set<string> } | null>(null);
  const rows = useMemo(
    () => (view === null ? lines : viewRows(lines, view.order, view.known)),
    [lines, view],
  );
  // The 合计 follows the typing without holding it up, and adds again only the rows that changed
  // since the last one (any 合计 taken is a right start, even of a render React threw away).
  const deferredRows = useDeferredValue(rows);
  const lastTotal = useRef<TRowsTotal | undefined>(undefined);
  const total = useMemo(() => {
    lastTotal.current = rowsTotal(deferredRows, lastTotal.current);
    return formatYuan(lastTotal.current.fen);
  }, [deferredRows]);
  const [selection, setSelection] = useState<TSelection | null>(null);
  const [notice, setNotice] = useState<TGridNotice | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    // Rows follow the scroll in React's own render, not synchronously inside each scroll event.
    useFlushSync: false,
  });

  // The rows a scroll brings into view are drawn at low priority, in slices between frames: a
  // fast scroll keeps its frame rate and the new rows follow, as a spreadsheet's do.
  const shownItems = useDeferredValue(virtualizer.getVirtualItems());

  const applyQuery = (next: TGridQuery) => {
    setQuery(next);
    const plain = next.text.trim() === '' && next.kind === '' && next.sort === null;
    setView(plain ? null : { order: viewOrder(lines, next, ctx), known: new Set(lines.map((l) => l.id)) });
  };

  const focusCell = useCallback(
    (lineId: string, field: string = 'amount') => {
      const index = rows.findIndex((l) => l.id === lineId);
      if (index < 0) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      const selector = attrSelector(
        'data-cell',
        cellKey(lineId, (LINE_FIELDS as readonly string[]).includes(field) ? field : 'amount'),
      );
      // The row is rendered once the virtualizer has scrolled to it; look for it for up to a second.
      const until = performance.now() + 1000;
      const attempt = () => {
        const target = viewport.current?.querySelector<HTMLElement>(selector);
        if (target) target.focus();
        else if (performance.now() < until) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [rows, virtualizer],
  );
  useImperativeHandle(ref, () => ({ focusCell }), [focusCell]);

  const positionOf = (target: HTMLElement): TCellPos | null => {
    const cell = parseCell(target);
    if (cell === null) return null;
    const row = rows.findIndex((l) => l.id === cell.lineId);
    return row < 0 ? null : { row, col: LINE_FIELDS.indexOf(cell.field) };
  };
  const moveTo = (pos: TCellPos) => {
    const line = rows[pos.row];
    const field = LINE_FIELDS[pos.col];
    if (line !== undefined && field !== undefined) focusCell(line.id, field);
  };
  /** The selected block's rows and fields; a single cell when nothing is selected. */
  const block = (at: TCellPos) => {
    const { anchor, focus } = selection ?? { anchor: at, focus: at };
    const top = Math.min(anchor.row, focus.row);
    const bottom = Math.max(anchor.row, focus.row);
    return { rows: rows.slice(top, bottom + 1), fields: fieldsBetween(anchor.col, focus.col), top };
  };

  const fillDown = (at: TCellPos) => {
    const chosen = block(at);
    // One row selected: Excel's Ctrl+D copies the row above into it.
    const source = chosen.rows.length > 1 ? chosen.rows[0] : rows[chosen.top - 1];
    const targets = (chosen.rows.length > 1 ? chosen.rows.slice(1) : chosen.rows).filter((line) => !isLocked(line));
    if (source === undefined || onLinesPut === undefined || !props.editable) return;
    // A read-only row is not filled, nor is a line moved into a read-only row's unit.
    const filled = targets
      .map((line) => tidyLine(chosen.fields.reduce<TExpenditureLine>((l, f) => ({ ...l, [f]: source[f] }), line)))
      .filter((line) => !isLocked(line));
    if (filled.length > 0) onLinesPut(filled, 'fill');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const at = positionOf(target);
    if (at === null || event.defaultPrevented || target.getAttribute('aria-expanded') === 'true') return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      fillDown(at);
      return;
    }
    if (event.altKey) return; // Alt+↓ opens a select, as the browser does
    const step: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const enter = event.key === 'Enter' && target.tagName === 'INPUT';
    const [dr, dc] = enter ? [1, 0] : (step[event.key] ?? [0, 0]);
    if (dr === 0 && dc === 0) return;
    if (dc !== 0 && !event.shiftKey && !leavesText(target, event.key as 'ArrowLeft' | 'ArrowRight')) return;
    event.preventDefault();
    if (event.shiftKey && !enter) {
      const focus = selection?.focus ?? at;
      const next = {
        row: Math.min(Math.max(focus.row + dr, 0), rows.length - 1),
        col: Math.min(Math.max(focus.col + dc, 0), LINE_FIELDS.length - 1),
      };
      setSelection({ anchor: selection?.anchor ?? at, focus: next });
      return;
    }
    const next = { row: at.row + dr, col: at.col + dc };
    if (next.row >= 0 && next.row < rows.length && next.col >= 0 && next.col < LINE_FIELDS.length)
      moveTo(next);
  };

  const onFocus = (event: { target: EventTarget }) => {
    const at = positionOf(event.target as HTMLElement);
    if (at === null) return;
    onCellLeave?.();
    setSelection((s) =>
      s !== null && s.anchor.row === at.row && s.anchor.col === at.col ? s : { anchor: at, focus: at },
    );
  };

  // Shift+click extends the block from the cell with the cursor, as in a spreadsheet.
  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (!event.shiftKey || selection === null) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="cell"]');
    const input = cell?.querySelector<HTMLElement>('[data-cell]');
    const at = input === null || input === undefined ? null : positionOf(input);
    if (at === null) return;
    event.preventDefault();
    setSelection({ anchor: selection.anchor, focus: at });
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const at = positionOf(target);
    if (at === null) return;
    const chosen = block(at);
    const single = chosen.rows.length === 1 && chosen.fields.length === 1;
    // A part of one cell's text selected: the browser copies that.
    if (single && target instanceof HTMLInputElement && target.selectionStart !== target.selectionEnd) {
      const whole = target.selectionStart === 0 && target.selectionEnd === target.value.length;
      if (!whole) return;
    }
    event.preventDefault();
    event.clipboardData.setData(
      'text/plain',
      toTsv(chosen.rows.map((l) => chosen.fields.map((f) => cellText(l, f, ctx)))),
    );
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const at = positionOf(target);
    if (at === null || !props.editable || onLinesPut === undefined) return;
    const text = event.clipboardData.getData('text/plain');
    const oneValue = !/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''));
    const field = LINE_FIELDS[at.col] ?? 'amount';
    // One value into a text cell: the browser pastes it where the caret is, and the cell reads it as typed.
    if (oneValue && (field === 'amount' || field === 'note') && target.tagName === 'INPUT') return;
    event.preventDefault();
    const outcome = pasteBlock(
      parseTsv(text),
      at.row,
      field,
      rows,
      openCtx,
      (template) => newLineLike(template, props.document, locks),
      { isLocked, reason: LOCKED_ROW },
    );
    if (outcome.lines.length > 0) onLinesPut(outcome.lines, 'paste');
    setNotice({ kind: 'paste', outcome });
  };

  const onRemove = useCallback(
    (lineId: string, rowNo: number) => {
      props.onLineRemove(lineId);
      setNotice({ kind: 'removed', rowNo });
    },
    [props.onLineRemove],
  );

  const selected =
    selection === null
      ? null
      : {
          top: Math.min(selection.anchor.row, selection.focus.row),
          bottom: Math.max(selection.anchor.row, selection.focus.row),
          cols: [
            Math.min(selection.anchor.col, selection.focus.col),
            Math.max(selection.anchor.col, selection.focus.col),
          ] as const,
        };
  const multi =
    selected !== null && (selected.top !== selected.bottom || selected.cols[0] !== selected.cols[1]);

  return (
    <div className="line-grid-area">
      <GridToolbar query={query} onQuery={applyQuery} shown={rows.length} count={lines.length} />
      {notice !== null && (
        <GridNotice notice={notice} onUndo={props.onUndo} onClose={() => setNotice(null)} />
      )}
      <div
        className="line-grid"
        role="table"
        aria-label={t('lines')}
        aria-rowcount={rows.length + 2}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onMouseDown={onMouseDown}
        onCopy={onCopy}
        onPaste={onPaste}
      >
        <div className="grid-row grid-head" role="row" aria-rowindex={1}>
          <span role="columnheader">#</span>
          {LINE_FIELDS.map((field) => (
            <SortHeader
              key={field}
              field={field}
              label={t(FIELD_LABEL[field])}
              sort={query.sort}
              onSort={(sort) => applyQuery({ ...query, sort })}
            />
          ))}
          <span role="columnheader" />
        </div>
        <div ref={viewport} className="grid-viewport" data-testid="grid-viewport">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
            {shownItems.map((item) => {
              const line = rows[item.index];
              if (line === undefined) return null;
              const inBlock =
                multi && selected !== null && item.index >= selected.top && item.index <= selected.bottom;
              const cols = inBlock ? selected.cols : NO_COLUMNS;
              return (
                <div
                  key={line.id}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  <LineRow
                    line={line}
                    rowNo={item.index + 1}
                    t={t}
                    options={options}
                    catalogue={props.catalogue}
                    editable={props.editable && !locks.has(line.unitCode)}
                    readOnlyWhy={locks.get(line.unitCode)}
                    dirty={props.dirty.has(line.id)}
                    findings={findingsOf(props.cellFindings, line.id)}
                    invalid={invalidOf(props.invalid, line.id)}
                    selectedFrom={cols[0]}
                    selectedTo={cols[1]}
                    onLineChange={props.onLineChange}
                    onLineRemove={onRemove}
                    onInvalidCell={props.onInvalidCell}
                    onPickLine={props.onPickLine}
                  />
                </div>
              );
            })}
          </div>
        </div>
        <div className="grid-row grid-total" role="row" aria-rowindex={rows.length + 2}>
          <span role="rowheader">{t('gridTotal')}</span>
          <span role="cell" className="muted">
            {t('gridTotalRows', { n: rows.length })}
          </span>
          <span role="cell" className="amount grid-total-amount" data-testid="grid-total">
            {groupYuan(total)}
          </span>
        </div>
      </div>
    </div>
  );
});

/** A column heading that sorts the rows: ascending, descending, then back to the lines' own order. */
function SortHeader({
  field,
  label,
  sort,
  onSort,
}: {
  field: TLineField;
  label: string;
  sort: TGridQuery['sort'];
  onSort(sort: TGridQuery['sort']): void;
}) {
  const { t } = useDeskI18n();
  const mine = sort?.field === field ? sort : null;
  const next =
    mine === null ? { field, descending: false } : mine.descending ? null : { field, descending: true };
  return (
    <span
      role="columnheader"
      aria-sort={mine === null ? 'none' : mine.descending ? 'descending' : 'ascending'}
    >
      <button
        type="button"
        className="link sort"
        onClick={() => onSort(next)}
        title={t('gridSortBy', { column: label })}
      >
        {label}
        {mine === null ? '' : mine.descending ? ' ▼' : ' ▲'}
      </button>
    </span>
  );
}

/** The choices of a row's selects, built once per document rather than once per row. */
interface TRowOptions {
  /** every unit: what a read-only row shows */
  units: TOption[];
  /** the units an editable line may be in: not those whose lines are read-only here */
  openUnits: TOption[];
  kinds: TOption[];
  projects: TOption[];
  fundSources: TOption[];
}

function rowOptions(document: Pick<TBudgetDocument, 'department' | 'projects'>, t: TDeskTranslate, locks: ReadonlyMap<string, string>): TRowOptions {
  const units = document.department.units.map((u) => ({ value: u.code, label: u.code }));
  return {
    units,
    openUnits: locks.size === 0 ? units : units.filter((u) => !locks.has(u.value)),
    kinds: EXPENDITURE_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) })),
    projects: [{ value: '', label: '—' }, ...document.projects.map((p) => ({ value: p.id, label: p.name }))],
    fundSources: FUND_SOURCES.map((s) => ({ value: s, label: FUND_SOURCE_NAMES[s] })),
  };
}

const NO_FINDINGS: Readonly<Record<string, string>> = {};
function findingsOf(all: ReadonlyMap<string, string>, lineId: string): Readonly<Record<string, string>> {
  if (all.size === 0) return NO_FINDINGS;
  let found: Record<string, string> | undefined;
  for (const field of [...LINE_FIELDS, 'line']) {
    const message = all.get(cellKey(lineId, field));
    if (message !== undefined) (found ??= {})[field] = message;
  }
  return found ?? NO_FINDINGS;
}

const NO_INVALID: Readonly<Partial<Record<TLineField, TInvalidCell>>> = {};
/** The cells of a line that hold refused text; the same object for every line without any (rows stay memoised). */
function invalidOf(all: ReadonlyMap<string, TInvalidCell>, lineId: string): Readonly<Partial<Record<TLineField, TInvalidCell>>> {
  if (all.size === 0) return NO_INVALID;
  let found: Partial<Record<TLineField, TInvalidCell>> | undefined;
  for (const field of LINE_FIELDS) {
    const cell = all.get(cellKey(lineId, field));
    if (cell !== undefined) (found ??= {})[field] = cell;
  }
  return found ?? NO_INVALID;
}

interface TRowProps {
  line: TExpenditureLine;
  rowNo: number;
  t: TDeskTranslate;
  options: TRowOptions;
  catalogue: Catalogue;
  editable: boolean;
  /** why the row is read-only while the grid is editable (its unit prepares its own budget); undefined otherwise */
  readOnlyWhy: string | undefined;
  dirty: boolean;
  findings: Readonly<Record<string, string>>;
  invalid: Readonly<Partial<Record<TLineField, TInvalidCell>>>;
  /** the columns (indexes of LINE_FIELDS) of the selected block on this row; -1 when none */
  selectedFrom: number;
  selectedTo: number;
  onLineChange(line: TExpenditureLine, field?: TLineField): void;
  onLineRemove(lineId: string, rowNo: number): void;
  onInvalidCell(lineId: string, field: TLineField, value: TInvalidCell | null): void;
  onPickLine: ((lineId: string) => void) | undefined;
}

/** One line; re-rendered only when its own values, marks or findings change. */
const LineRow = memo(function LineRow({
  line,
  rowNo,
  t,
  options,
  catalogue,
  editable,
  readOnlyWhy,
  dirty,
  findings,
  invalid,
  selectedFrom,
  selectedTo,
  onLineChange,
  onLineRemove,
  onInvalidCell,
  onPickLine,
}: TRowProps) {
  const { locale } = useDeskI18n();
  const invalidAmount = invalid.amount;
  const noteAtFocus = useRef<string>('');
  const label = (name: string) => `${name} ${rowNo}`;
  const id = (field: TLineField) => cellKey(line.id, field);
  const cls = (field: TLineField) => {
    const col = LINE_FIELDS.indexOf(field);
    const inBlock = col >= selectedFrom && col <= selectedTo;
    const marked = findings[field] !== undefined || invalid[field] !== undefined;
    return [marked ? 'has-error' : '', inBlock ? 'selected' : ''].join(' ').trim() || undefined;
  };
  /** A cell's tooltip: why what was typed is refused, else the findings about it. */
  const why = (field: TLineField) => invalid[field]?.reason[locale] ?? findings[field];
  const update = (patch: Partial<TExpenditureLine>) => {
    const [field] = Object.keys(patch) as TLineField[];
    onLineChange(tidyLine({ ...line, ...patch }), field);
  };
  const rowFinding = findings['line'];
  return (
    <div
      className={`grid-row${dirty ? ' dirty' : ''}${rowFinding !== undefined ? ' has-error' : ''}${readOnlyWhy !== undefined ? ' read-only' : ''}`}
      role="row"
      aria-rowindex={rowNo + 1}
      data-line={line.id}
      data-read-only={readOnlyWhy === undefined ? undefined : 'true'}
      title={rowFinding ?? readOnlyWhy}
    >
      <span role="cell" className="row-no">
        {onPickLine === undefined ? (
          rowNo
        ) : (
          <button
            type="button"
            className="link"
            aria-label={`${t('commentOn')} ${rowNo} ${line.id}`}
            onClick={() => onPickLine(line.id)}
          >
            {rowNo}
          </button>
        )}
      </span>
      <span role="cell" className={cls('unitCode')} title={findings['unitCode']}>
        <LazySelect
          aria-label={label(t('unit'))}
          data-cell={id('unitCode')}
          value={line.unitCode}
          disabled={!editable}
          onChange={(e) => update({ unitCode: e.target.value })}
          options={editable ? options.openUnits : options.units}
        />
      </span>
      <span role="cell" className={cls('functionCode')} title={why('functionCode')}>
        {editable ? (
          <CodePicker
            catalogue={catalogue}
            kind="functional"
            value={line.functionCode}
            onChange={(functionCode) => update({ functionCode })}
            label={label(t('functionCode'))}
            hasFinding={findings['functionCode'] !== undefined}
            refused={invalid.functionCode}
            onRefused={(value) => onInvalidCell(line.id, 'functionCode', value)}
            cellId={id('functionCode')}
          />
        ) : (
          <span className="picker" data-cell={id('functionCode')} tabIndex={-1}>
            {line.functionCode}{' '}
            <span className="code-name">{catalogue.functional.get(line.functionCode)?.name}</span>
          </span>
        )}
      </span>
      <span role="cell" className={cls('economicCode')} title={why('economicCode')}>
        {editable ? (
          <CodePicker
            catalogue={catalogue}
            kind="economic"
            value={line.economicCode}
            onChange={(economicCode) => update({ economicCode })}
            label={label(t('economicCode'))}
            hasFinding={findings['economicCode'] !== undefined}
            refused={invalid.economicCode}
            onRefused={(value) => onInvalidCell(line.id, 'economicCode', value)}
            cellId={id('economicCode')}
          />
        ) : (
          <span className="picker" data-cell={id('economicCode')} tabIndex={-1}>
            {line.economicCode}{' '}
            <span className="code-name">{catalogue.economic.get(line.economicCode)?.name}</span>
          </span>
        )}
      </span>
      <span role="cell" className={cls('kind')} title={findings['kind']}>
        <LazySelect
          aria-label={label(t('kind'))}
          data-cell={id('kind')}
          value={line.kind}
          disabled={!editable}
          onChange={(e) => update({ kind: e.target.value as TExpenditureLine['kind'] })}
          options={options.kinds}
        />
      </span>
      <span role="cell" className={cls('projectId')} title={findings['projectId']}>
        <LazySelect
          aria-label={label(t('project'))}
          data-cell={id('projectId')}
          value={line.projectId ?? ''}
          disabled={!editable || line.kind !== 'project'}
          onChange={(e) =>
            update(e.target.value === '' ? { projectId: undefined } : { projectId: e.target.value })
          }
          options={options.projects}
        />
      </span>
      <span role="cell" className={cls('fundSource')} title={findings['fundSource']}>
        <LazySelect
          aria-label={label(t('fundSource'))}
          data-cell={id('fundSource')}
          value={line.fundSource}
          disabled={!editable}
          onChange={(e) => update({ fundSource: e.target.value as TExpenditureLine['fundSource'] })}
          options={options.fundSources}
        />
      </span>
      <span
        role="cell"
        className={`amount ${cls('amount') ?? ''}${invalidAmount ? ' invalid' : ''}`}
        title={why('amount')}
      >
        {editable ? (
          <AmountCell
            value={line.amount}
            invalid={invalidAmount}
            label={label(t('amountYuan'))}
            cellId={id('amount')}
            onValid={(amount) => {
              if (invalidAmount !== undefined) onInvalidCell(line.id, 'amount', null);
              if (amount !== line.amount) update({ amount });
            }}
            onInvalid={(text, reason) => onInvalidCell(line.id, 'amount', { text, reason })}
          />
        ) : (
          <input
            readOnly
            aria-label={label(t('amountYuan'))}
            data-cell={id('amount')}
            value={groupYuan(line.amount)}
          />
        )}
      </span>
      <span role="cell" className={cls('note')}>
        <input
          aria-label={label(t('note'))}
          data-cell={id('note')}
          value={line.note ?? ''}
          readOnly={!editable}
          onFocus={() => (noteAtFocus.current = line.note ?? '')}
          onKeyDown={(e) => {
            // Esc takes back what was typed since the cell was entered.
            if (e.key !== 'Escape' || (line.note ?? '') === noteAtFocus.current) return;
            e.preventDefault();
            update({ note: noteAtFocus.current });
          }}
          onChange={(e) => update({ note: e.target.value })}
        />
      </span>
      <span role="cell">
        {editable && (
          <button
            type="button"
            aria-label={t('removeLineNamed', { n: rowNo })}
            onClick={() => onLineRemove(line.id, rowNo)}
          >
            ×
          </button>
        )}
        {readOnlyWhy !== undefined && (
          <span className="row-lock" title={readOnlyWhy}>
            {t('gridReadOnlyMark')}
          </span>
        )}
      </span>
    </div>
  );
});
