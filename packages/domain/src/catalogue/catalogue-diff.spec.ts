import { buildCatalogue } from './catalogue';
import { parseCatalogueCsv } from './catalogue-csv';
import { diffCatalogues } from './catalogue-diff';

const edition = (functionalCsv: string, mapping: { departmentCode: string; governmentCode: string }[] = []) =>
  buildCatalogue(
    2024,
    parseCatalogueCsv(`code,name\n${functionalCsv}`, 'functional'),
    parseCatalogueCsv('code,name\n301,工资福利支出\n30101,基本工资\n', 'economic'),
    { governmentEconomic: parseCatalogueCsv('code,name\n501,机关工资福利支出\n50101,工资奖金津补贴\n', 'government-economic'), economicMapping: mapping },
  );

describe('diffCatalogues', () => {
  it('lists added, renamed and removed codes per list, and 对照表 changes, in code order', () => {
    const current = edition('201,一般公共服务支出\n20103,政府办公厅\n2010301,行政运行\n2010399,其他\n');
    const next = edition('201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n2010301,行政运行\n2010350,事业运行\n', [
      { departmentCode: '30101', governmentCode: '50101' },
    ]);
    const diff = diffCatalogues(current, next);
    expect(diff.lists.find((l) => l.list === 'functional')).toEqual({
      list: 'functional',
      added: [{ code: '2010350', name: '事业运行' }],
      renamed: [{ code: '20103', from: '政府办公厅', to: '政府办公厅（室）及相关机构事务' }],
      removed: [{ code: '2010399', name: '其他' }],
    });
    expect(diff.lists.find((l) => l.list === 'economic')).toEqual({ list: 'economic', added: [], renamed: [], removed: [] });
    expect(diff.mapping).toEqual([{ departmentCode: '30101', from: [], to: ['50101'] }]);
    expect(diffCatalogues(next, next).mapping).toEqual([]);
  });
});
