import { catalogueForYear } from '@budgetflow/domain';
import { formatYuan } from '@budgetflow/domain';
import { NO_QUERY, rowsTotal, viewOrder, viewRows } from '../src/features/editor/grid/grid-view';
import { cellContext } from '../src/features/editor/grid/line-cells';
import { parseTsv, toTsv } from '../src/features/editor/grid/tsv';
import {
  commitSaved,
  putLines,
  setLine,
  startWorkingCopy,
  changeCount,
  lineOf,
} from '../src/features/editor/working-copy';
import { restoreDraft } from '../src/features/editor/use-local-draft';
import { seedDocument } from './budget-fixture';

describe('tab-separated text from the clipboard', () => {
  it('reads Excel rows ending in CRLF, the last one too, keeping blank cells', () => {
    expect(parseTsv('a\tb\t\r\nc\t\td\r\n')).toEqual([
      ['a', 'b', ''],
      ['c', '', 'd'],
    ]);
    expect(parseTsv('1,234.50')).toEqual([['1,234.50']]);
    expect(parseTsv('x\ny')).toEqual([['x'], ['y']]);
  });

  it('reads quoted cells holding tabs, line breaks and quotes, and writes them back the same', () => {
    const rows = [
      ['说明\t有制表符', '两行\r\n备注', '他说"好"'],
      ['1234.50', '', '项目'],
    ];
    const text = toTsv(rows);
    expect(text).toBe('"说明\t有制表符"\t"两行\r\n备注"\t"他说""好"""\r\n1234.50\t\t项目\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });
});

describe('the grid view: search, filter, sort, 合计', () => {
  const doc = seedDocument();
  const ctx = cellContext(catalogueForYear(doc.fiscalYear), doc);
  const lines = doc.expenditureLines;

  it('sorts by amount, largest first, and filters by 支出类型 and by text in any cell', () => {
    const order = viewOrder(lines, { ...NO_QUERY, sort: { field: 'amount', descending: true } }, ctx);
    const amounts = order.map((id) => Number(lines.find((l) => l.id === id)!.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const projects = viewOrder(lines, { ...NO_QUERY, kind: 'project' }, ctx);
    expect(projects.length).toBe(lines.filter((l) => l.kind === 'project').length);
    expect(viewOrder(lines, { ...NO_QUERY, text: '基本工资' }, ctx)).toEqual(
      lines.filter((l) => l.economicCode === '30101').map((l) => l.id),
    );
  });

  it('keeps the order taken while lines change, drops removed ones and adds new ones last', () => {
    const [a, b, c] = lines;
    const known = new Set([a!.id, b!.id, c!.id]);
    const changedB = { ...b!, amount: '1.00' };
    const added = { ...a!, id: 'NEW' };
    expect(viewRows([a!, changedB, added], [c!.id, b!.id, a!.id], known)).toEqual([changedB, a, added]);
  });

  it('adds the amounts exactly', () => {
    const total = rowsTotal([
      { ...lines[0]!, amount: '0.10' },
      { ...lines[0]!, amount: '0.20' },
    ]);
    expect(formatYuan(total.fen)).toBe('0.30');
  });

  it('keeps the 合计 exact from the last one as amounts are typed, rows reordered, added and removed', () => {
    let rows = lines;
    let total = rowsTotal(rows);
    const steps = [
      (r: typeof lines) => r.map((l, i) => (i === 1 ? { ...l, amount: '12345678.91' } : l)),
      (r: typeof lines) => r.map((l, i) => (i === 1 ? { ...l, amount: '0.01' } : l)),
      (r: typeof lines) => [...r].reverse(),
      (r: typeof lines) => [...r, { ...r[0]!, id: 'NEW', amount: '7.77' }],
      (r: typeof lines) => r.slice(1),
    ];
    for (const step of steps) {
      rows = step(rows);
      total = rowsTotal(rows, total);
      expect(total.fen).toBe(rowsTotal(rows).fen); // as summed afresh
    }
    expect(total.rows).toBe(rows);
  });
});

describe('the working copy under undo and saves', () => {
  const doc = seedDocument();
  const [first] = doc.expenditureLines;

  it('has nothing to save when a line is put back to its saved value', () => {
    const edited = setLine(startWorkingCopy(doc, 1), { ...first!, amount: '1.00' });
    expect(changeCount(putLines(edited, [[first!.id, { ...first! }]]))).toBe(0);
  });

  it('after a save, keeps as edits only what changed while the save was on its way', () => {
    const sent = setLine(startWorkingCopy(doc, 1), { ...first!, amount: '1.00' });
    const meanwhile = setLine(sent, { ...doc.expenditureLines[1]!, amount: '2.00' });
    const after = commitSaved(meanwhile, sent, 2);
    expect(after.baseVersion).toBe(2);
    expect([...after.lineEdits.keys()]).toEqual([doc.expenditureLines[1]!.id]);
    expect(lineOf(after, first!.id)?.amount).toBe('1.00');
  });
});

describe('a draft restored after a reload', () => {
  const doc = seedDocument();
  const [first, second] = doc.expenditureLines;

  it('brings back edits, but not those the server already has (a save that landed before the draft was cleared)', () => {
    const loaded = startWorkingCopy(doc, 3);
    const draft = {
      baseVersion: 2,
      lineEdits: new Map([
        [first!.id, { ...first! }],
        [second!.id, { ...second!, amount: '9.00' }],
      ]),
      incomeEdits: new Map(),
      projects: null,
      invalid: new Map(),
      savedAt: 0,
    };
    const restored = restoreDraft(loaded, draft);
    expect([...restored.lineEdits.keys()]).toEqual([second!.id]);
    expect(restored.baseVersion).toBe(3);
  });
});
