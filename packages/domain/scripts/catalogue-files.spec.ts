import { readFileSync } from 'node:fs';
import { CATALOGUE_MODULE_PATH, readCatalogueFiles, renderCatalogueModule } from './catalogue-files';
import { mergeObserved } from './merge-observed';
import { observedCodes, observedMapping } from './observed-codes';

describe('the generated catalogue module', () => {
  it('carries exactly the CSV files under data/catalogue (regenerate with catalogue:generate)', () => {
    expect(readFileSync(CATALOGUE_MODULE_PATH, 'utf8')).toBe(renderCatalogueModule(readCatalogueFiles()));
  });
});

describe('the shipped editions and the codes seen in print (fixtures/observed-codes)', () => {
  const observed = observedCodes();

  it('hold every printed code of their year already: generating again changes no file', () => {
    const files = readCatalogueFiles();
    const { files: merged, leftOut } = mergeObserved(files, observed, observedMapping());
    expect(merged).toEqual(files);
    expect(leftOut).toEqual([]);
  });

  it('read every source: the wider search’s codes of 2018–2026, the 对照表, names by year', () => {
    const at = (year: number, code: string) => observed.filter((o) => o.year === year && o.code === code).map((o) => o.name);
    expect(at(2018, '2040405')).toEqual(['公诉、审判、侦查、执行等检察监督支出']);
    expect(new Set(at(2019, '20805'))).toEqual(new Set(['行政事业单位离退休'])); // 2023 on: 行政事业单位养老支出
    expect(new Set(at(2023, '20805'))).toEqual(new Set(['行政事业单位养老支出']));
    expect(at(2024, '50101')).toEqual(['工资奖金津补贴']); // the 2018 reform's list, in force since
    expect(observedMapping().filter((m) => m.year === 2022)).toHaveLength(32);
  });

  it('leave out what was never printed: codes of a system’s mock data, and parents nobody saw', () => {
    const codes = new Set(observed.map((o) => o.code));
    for (const mockOnly of ['2019999', '2080899', '2296011', '50502', '51301']) expect(codes.has(mockOnly)).toBe(false);
    expect(codes.has('20199')).toBe(false);
  });

  it('refuse a printed code whose name contradicts the edition, rather than pick one', () => {
    const wrong = { list: 'functional' as const, code: '20805', name: '别的名字', year: 2020, sources: 'D99' };
    expect(() => mergeObserved(readCatalogueFiles(), [wrong], [])).toThrow('2020 functional 20805: the edition says 行政事业单位养老支出, D99 print 别的名字');
  });

  it('leave out a printed code whose parent no edition holds, and say so', () => {
    const orphan = { list: 'functional' as const, code: '2019901', name: '孤儿项', year: 2024, sources: 'D99' };
    expect(mergeObserved(readCatalogueFiles(), [orphan], []).leftOut).toEqual([orphan]);
  });
});
