import {
  EXPENDITURE_KINDS,
  FUND_SOURCE_NAMES,
  FUND_SOURCES,
  type Catalogue,
  type TBudgetDocument,
  type TExpenditureLine,
} from '@budgetflow/domain';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  memo,
  useCallback,
  useImperativeHandle,
  useMemo,
  useRef,
  type KeyboardEvent,
} from 'react';
import { useI18n, type TTranslate } from '../../lib/i18n';
import { groupYuan } from '../../lib/yuan-text';
import { attrSelector } from '../../lib/attr-selector';
import { AmountCell } from './amount-cell';
import { CodePicker } from './code-picker';
import { LazySelect, type TOption } from './lazy-select';
import { cellKey } from './working-copy';

export const LINE_FIELDS = [
  'unitCode',
  'functionCode',
  'economicCode',
  'kind',
  'projectId',
  'fundSource',
  'amount',
  'note',
] as const;
export type TLineField = (typeof LINE_FIELDS)[number];

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
  invalid: ReadonlyMap<string, { text: string; reason: string }>;
  onLineChange(line: TExpenditureLine): void;
  onLineRemove(lineId: string): void;
  onInvalidAmount(lineId: string, value: { text: string; reason: string } | null): void;
  /** When given, each row's number is a button that picks the line (a reviewer anchoring a comment). */
  onPickLine?: (lineId: string) => void;
}

const ROW_HEIGHT = 34;
const KIND_LABEL = {
  'basic-personnel': 'kind_basic_personnel',
  'basic-public': 'kind_basic_public',
  project: 'kind_project',
} as const;

/**
 * The expenditure lines as a spreadsheet: only the rows in view are in the DOM (10,000 lines
 * scroll like 30), Tab moves along a row, ↑/↓ (and Enter in amounts) move between rows.
 */
export const LineGrid = forwardRef<TLineGridHandle, TProps>(function LineGrid(props, ref) {
  const { lines } = props;
  const { t } = useI18n();
  const options = useMemo(() => rowOptions(props.document, t), [props.document, t]);
  const viewport = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // Rows follow the scroll in React's own render, not synchronously inside each scroll event.
    useFlushSync: false,
  });

  const focusCell = useCallback(
    (lineId: string, field: string = 'amount') => {
      const index = lines.findIndex((l) => l.id === lineId);
      if (index < 0) return;
      virtualizer.scrollToIndex(index, { align: 'center' });
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
    [lines, virtualizer],
  );
  useImperativeHandle(ref, () => ({ focusCell }), [focusCell]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const cell = target.dataset['cell'];
    if (cell === undefined || event.defaultPrevented || target.getAttribute('aria-expanded') === 'true')
      return;
    const down = event.key === 'ArrowDown' || (event.key === 'Enter' && target.tagName === 'INPUT');
    const up = event.key === 'ArrowUp';
    if (!down && !up) return;
    if (target.tagName === 'SELECT') return; // arrows choose options there
    const [lineId = '', field = 'amount'] = cell.split(':');
    const index = lines.findIndex((l) => l.id === lineId);
    const next = lines[index + (down ? 1 : -1)];
    if (next === undefined) return;
    event.preventDefault();
    focusCell(next.id, field);
  };

  return (
    <div
      className="line-grid"
      role="table"
      aria-label={t('lines')}
      aria-rowcount={lines.length + 1}
      onKeyDown={onKeyDown}
    >
      <div className="grid-row grid-head" role="row" aria-rowindex={1}>
        <span role="columnheader">#</span>
        <span role="columnheader">{t('unit')}</span>
        <span role="columnheader">{t('functionCode')}</span>
        <span role="columnheader">{t('economicCode')}</span>
        <span role="columnheader">{t('kind')}</span>
        <span role="columnheader">{t('project')}</span>
        <span role="columnheader">{t('fundSource')}</span>
        <span role="columnheader">{t('amountYuan')}</span>
        <span role="columnheader">{t('note')}</span>
        <span role="columnheader" />
      </div>
      <div ref={viewport} className="grid-viewport" data-testid="grid-viewport">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            if (line === undefined) return null;
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
                  editable={props.editable}
                  dirty={props.dirty.has(line.id)}
                  findings={findingsOf(props.cellFindings, line.id)}
                  invalidAmount={props.invalid.get(cellKey(line.id, 'amount'))}
                  onLineChange={props.onLineChange}
                  onLineRemove={props.onLineRemove}
                  onInvalidAmount={props.onInvalidAmount}
                  onPickLine={props.onPickLine}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

/** The choices of a row's selects, built once per document rather than once per row. */
interface TRowOptions {
  units: TOption[];
  kinds: TOption[];
  projects: TOption[];
  fundSources: TOption[];
}

function rowOptions(document: Pick<TBudgetDocument, 'department' | 'projects'>, t: TTranslate): TRowOptions {
  return {
    units: document.department.units.map((u) => ({ value: u.code, label: u.code })),
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

interface TRowProps {
  line: TExpenditureLine;
  rowNo: number;
  t: TTranslate;
  options: TRowOptions;
  catalogue: Catalogue;
  editable: boolean;
  dirty: boolean;
  findings: Readonly<Record<string, string>>;
  invalidAmount: { text: string; reason: string } | undefined;
  onLineChange(line: TExpenditureLine): void;
  onLineRemove(lineId: string): void;
  onInvalidAmount(lineId: string, value: { text: string; reason: string } | null): void;
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
  dirty,
  findings,
  invalidAmount,
  onLineChange,
  onLineRemove,
  onInvalidAmount,
  onPickLine,
}: TRowProps) {
  const label = (name: string) => `${name} ${rowNo}`;
  const id = (field: TLineField) => cellKey(line.id, field);
  const cls = (field: TLineField) => (findings[field] !== undefined ? 'has-error' : undefined);
  const update = (patch: Partial<TExpenditureLine>) => {
    const next: TExpenditureLine = { ...line, ...patch };
    if (next.kind !== 'project') delete next.projectId;
    if (next.note === '') delete next.note;
    onLineChange(next);
  };
  const rowFinding = findings['line'];
  return (
    <div
      className={`grid-row${dirty ? ' dirty' : ''}${rowFinding !== undefined ? ' has-error' : ''}`}
      role="row"
      aria-rowindex={rowNo + 1}
      data-line={line.id}
      title={rowFinding}
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
          options={options.units}
        />
      </span>
      <span role="cell" className={cls('functionCode')} title={findings['functionCode']}>
        {editable ? (
          <CodePicker
            catalogue={catalogue}
            kind="functional"
            value={line.functionCode}
            onChange={(functionCode) => update({ functionCode })}
            label={label(t('functionCode'))}
            invalid={findings['functionCode'] !== undefined}
            cellId={id('functionCode')}
          />
        ) : (
          <span className="picker" data-cell={id('functionCode')} tabIndex={-1}>
            {line.functionCode}{' '}
            <span className="code-name">{catalogue.functional.get(line.functionCode)?.name}</span>
          </span>
        )}
      </span>
      <span role="cell" className={cls('economicCode')} title={findings['economicCode']}>
        {editable ? (
          <CodePicker
            catalogue={catalogue}
            kind="economic"
            value={line.economicCode}
            onChange={(economicCode) => update({ economicCode })}
            label={label(t('economicCode'))}
            invalid={findings['economicCode'] !== undefined}
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
        title={invalidAmount?.reason ?? findings['amount']}
      >
        {editable ? (
          <AmountCell
            value={line.amount}
            invalid={invalidAmount}
            label={label(t('amountYuan'))}
            cellId={id('amount')}
            onValid={(amount) => {
              if (invalidAmount !== undefined) onInvalidAmount(line.id, null);
              if (amount !== line.amount) update({ amount });
            }}
            onInvalid={(text, reason) => onInvalidAmount(line.id, { text, reason })}
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
          onChange={(e) => update({ note: e.target.value })}
        />
      </span>
      <span role="cell">
        {editable && (
          <button
            type="button"
            aria-label={t('removeLineNamed', { n: rowNo })}
            onClick={() => onLineRemove(line.id)}
          >
            ×
          </button>
        )}
      </span>
    </div>
  );
});
