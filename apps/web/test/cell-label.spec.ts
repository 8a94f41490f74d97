import { catalogueForYear, deriveDisclosure, diffCells } from '@budgetflow/domain';
import { cellLabel, type TCellWords } from '../src/features/review/cell-label';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();
const catalogue = catalogueForYear(seed.fiscalYear);
const words: TCellWords = {
  part3: '第三部分 说明',
  glossary: '名词解释',
  other: '其他',
  paragraph: (n) => `第 ${n} 段`,
  figure: (text) => `数字「${text}」`,
  leaf: { text: '正文', title: '标题', unit: '单位', figures: '数字' },
};

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
    ...cellLabel(c, changed, words),
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

  it('names a moved paragraph and figure of Part 3 by section, paragraph and what it prints, never by key or path', () => {
    const assets = { ...after, explanations: { ...after.explanations, assets: '资产说明已改写。' } };
    const moved = deriveDisclosure(assets, catalogue);
    const named = diffCells(before, moved).map((c) => cellLabel(c, moved, words));
    const other = moved.explanations.find((s) => s.paragraphs.some((p) => p.text.includes('资产说明已改写')))!;
    const index = other.paragraphs.findIndex((p) => p.text.includes('资产说明已改写'));
    expect(named).toContainEqual({ group: '第三部分 说明', cell: `${other.title} · 第 ${index + 1} 段 · 正文` });
    for (const { group, cell } of named) expect(`${group} ${cell}`).not.toMatch(/[A-Za-z]{3,}|\[|\]/);
  });

  it('names a figure by what it prints, and leaves unknown parts out rather than raw', () => {
    const section = before.explanations.find((s) => s.paragraphs.some((p) => p.figures.length > 0))!;
    const p = section.paragraphs.findIndex((x) => x.figures.length > 0);
    const figure = section.paragraphs[p]!.figures[0]!;
    const path = `explanations.[${section.key}].paragraphs.${p}.figures.[${figure.key}].text`;
    expect(cellLabel({ path, before: '1', after: '2' }, before, words)).toEqual({
      group: '第三部分 说明',
      cell: `${section.title} · 第 ${p + 1} 段 · 数字「${figure.text}${figure.unit}」 · 正文`,
    });
    expect(cellLabel({ path: 'meta.generatedBy', before: 'a', after: 'b' }, before, words)).toEqual({ group: '其他', cell: '—' });
  });
});
