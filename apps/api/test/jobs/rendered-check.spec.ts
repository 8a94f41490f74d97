import { catalogueForYear, deriveDisclosure, ZBudgetDocument, type TDisclosure } from '@budgetflow/domain';
import { checkRenderedFiles } from '../../src/modules/reports/check/rendered-check';
import { renderDisclosureFiles } from '../../src/modules/reports/disclosure-files.renderer';
import { renderedFile, sha256Hex } from '../../src/modules/reports/rendered-file';
import { REVISION_DATE, seedDisclosure, seedDocument } from './seed-disclosure';

const seed = seedDisclosure();

async function problemsOf(disclosure: TDisclosure): Promise<string[]> {
  const files = await renderDisclosureFiles(disclosure, { createdAt: REVISION_DATE });
  return (await checkRenderedFiles(disclosure, files)).map((p) => `${p.code} ${p.file}`);
}

describe('the check of rendered files', () => {
  it("passes the seed's files, each listed with its size and sha256", async () => {
    const files = await renderDisclosureFiles(seed, { createdAt: REVISION_DATE });
    expect(files.map((f) => f.format).sort()).toEqual(['csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'csv', 'datapackage', 'html', 'json', 'pdf', 'xlsx']);
    for (const f of files) {
      expect(f.size).toBe(f.bytes.length);
      expect(f.sha256).toBe(sha256Hex(f.bytes));
    }
    expect(await checkRenderedFiles(seed, files)).toEqual([]);
  });

  it.each([
    ['shanghai-district', 'department'],
    ['shanghai-district', 'unit'],
    ['jiangsu-province', 'department'],
  ] as const)('renders and passes every file of the %s template (%s): its tables, units and decimals in PDF, XLSX, HTML and CSV', async (template, scope) => {
    const disclosure = seedDisclosure({ template, scope });
    const files = await renderDisclosureFiles(disclosure, { createdAt: REVISION_DATE });
    expect(files.filter((f) => f.format === 'csv')).toHaveLength(disclosure.tables.length);
    expect(await checkRenderedFiles(disclosure, files)).toEqual([]);
    const html = files.find((f) => f.format === 'html')?.bytes.toString('utf8') ?? '';
    for (const table of disclosure.tables) expect(html).toContain(table.title);
    // Jiangsu prints 万元 to two decimals: the seed's 604.4 万元 shows as 604.40.
    if (template === 'jiangsu-province') expect(html).toContain('604.40');
    if (template === 'shanghai-district') expect(html).toContain('6044000.00');
  });

  // A name starting with a formula sign is neutralised in the workbook (a leading apostrophe); the
  // check reads the sheet's text as written, so such a department can still publish.
  it.each(['=', '+', '-', '@', '＝', '＋', '－', '＠'])('passes the files of a department whose short name, printed in every title, starts with %s', async (sign) => {
    const doc = seedDocument();
    const renamed = ZBudgetDocument.parse({ ...doc, department: { ...doc.department, shortName: `${sign}硚口区大数据中心` } });
    expect(await problemsOf(deriveDisclosure(renamed, catalogueForYear(renamed.fiscalYear)))).toEqual([]);
  });

  it('stops placeholder text left in a table', async () => {
    const t3 = seed.tables[2];
    if (!t3?.rows[1]) throw new Error('the seed has 表3 rows');
    const tampered = structuredClone(seed);
    (tampered.tables[2]?.rows[1] as { name: string }).name = '待填单位';
    const problems = await problemsOf(tampered);
    expect(problems).toEqual(
      expect.arrayContaining(['PLACEHOLDER_TEXT disclosure.pdf', 'PLACEHOLDER_TEXT disclosure.xlsx', 'PLACEHOLDER_TEXT disclosure.html', 'PLACEHOLDER_TEXT t3.csv']),
    );
  });

  it('stops a missing table and an empty table that does not say so', async () => {
    const tampered = structuredClone(seed);
    tampered.tables = tampered.tables.filter((t) => t.id !== 'T8');
    const t7 = tampered.tables.find((t) => t.id === 'T7');
    if (!t7) throw new Error('the seed has 表7');
    delete t7.emptyStatement;
    const problems = await problemsOf(tampered);
    expect(problems).toContain('TABLE_MISSING disclosure');
    expect(problems).toContain('EMPTY_STATEMENT_MISSING disclosure');
  });

  it('stops a file whose figures differ from the model', async () => {
    const files = await renderDisclosureFiles(seed, { createdAt: REVISION_DATE });
    const csv = files.find((f) => f.name === 't1.csv');
    if (!csv) throw new Error('t1.csv is rendered');
    const edited = renderedFile('csv', 't1.csv', csv.mediaType, Buffer.from(csv.bytes.toString('utf8').replace('6044000.00', '6045000.00')));
    const problems = await checkRenderedFiles(seed, files.map((f) => (f === csv ? edited : f)));
    expect(problems.map((p) => `${p.code} ${p.file}`)).toEqual(['FIGURE_MISMATCH t1.csv']);
  });

  it('stops a heading that names another fiscal year', async () => {
    const tampered = structuredClone(seed);
    (tampered.explanations[0]?.paragraphs[0] as { text: string }).text += '详见2019年部门预算。';
    expect(await problemsOf(tampered)).toContain('YEAR_MISMATCH disclosure.pdf');
  });

  describe('of a correction (更正)', () => {
    // The department's own reason, with a year and a table in it: printed, never taken for a heading.
    const correction = { versionNo: 2, previousVersion: 1, previousPublishedOn: '2020-03-05', reason: '2019年结转资金未列入表三 xx' };

    it('passes files that carry its 更正说明 on the PDF\'s cover, the workbook\'s first sheet and under the HTML\'s title', async () => {
      const files = await renderDisclosureFiles(seed, { createdAt: REVISION_DATE, correction });
      expect(await checkRenderedFiles(seed, files, correction)).toEqual([]);
    });

    it('passes a reason as long as a 更正 may give (5 000 characters): it opens on the cover and runs on', async () => {
      const long = { ...correction, reason: '因单位合并，人员经费及项目支出口径调整，'.repeat(250).slice(0, 5_000) };
      const files = await renderDisclosureFiles(seed, { createdAt: REVISION_DATE, correction: long });
      expect(await checkRenderedFiles(seed, files, long)).toEqual([]);
    });

    it('stops a PDF, a workbook and an HTML that do not say what they correct', async () => {
      const files = await renderDisclosureFiles(seed, { createdAt: REVISION_DATE });
      const problems = await checkRenderedFiles(seed, files, correction);
      expect(problems.map((p) => `${p.code} ${p.file}`)).toEqual(expect.arrayContaining(['CORRECTION_MISSING disclosure.pdf', 'CORRECTION_MISSING disclosure.xlsx', 'CORRECTION_MISSING disclosure.html']));
    });

    it("still reads the rest of a correction's HTML for template text", async () => {
      const tampered = structuredClone(seed);
      (tampered.explanations[0]?.paragraphs[0] as { text: string }).text += '待补充';
      const files = await renderDisclosureFiles(tampered, { createdAt: REVISION_DATE, correction });
      expect((await checkRenderedFiles(tampered, files, correction)).map((p) => `${p.code} ${p.file}`)).toContain('PLACEHOLDER_TEXT disclosure.html');
    });
  });
});
