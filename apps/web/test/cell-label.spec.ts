import { catalogueForYear, deriveDisclosure, diffCells } from '@budgetflow/domain';
import { cellLabel } from '../src/features/review/cell-label';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();
const catalogue = catalogueForYear(seed.fiscalYear);

describe("the reviewer's names for moved cells", () => {
  // 1,000 元 moved from one 公用经费 line to another of another economic 款: totals stay, rows move.
  const [from, to] = [
    seed.expenditureLines.find((l) => l.economicCode === '30201')!,
    seed.expenditureLines.find((l) => l.economicCode === '30202')!,
  ];
  const after = {
    ...seed,
    expenditureLines: seed.expenditureLines.map((l) =>
      l.id === from.id ? { ...l, amount: '9000.00' } : l.id === to.id ? { ...l, amount: '2000.00' } : l,
    ),
  };
  const before = deriveDisclosure(seed, catalogue);
  const changed = deriveDisclosure(after, catalogue);
  const labels = diffCells(before, changed).map((c) => ({
    ...cellLabel(c, changed, '第三部分 说明'),
    before: c.before,
    after: c.after,
  }));

  it('names a table cell by its table, row and column', () => {
    expect(labels).toContainEqual({
      group: '表六 一般公共预算基本支出表',
      cell: '办公费 · 预算数',
      before: '10000.00',
      after: '9000.00',
    });
    expect(labels).toContainEqual({
      group: '表六 一般公共预算基本支出表',
      cell: '印刷费 · 预算数',
      before: '1000.00',
      after: '2000.00',
    });
  });

  it('leaves untouched totals out', () => {
    expect(labels.some((l) => l.cell.startsWith('合计'))).toBe(false);
  });
});
