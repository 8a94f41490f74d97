import { execFileSync } from 'node:child_process';
import { renderDisclosurePdf } from '../../src/modules/reports/pdf/disclosure-pdf.renderer';
import { pdfText } from '../../src/modules/reports/check/pdf-text';
import { sha256Hex } from '../../src/modules/reports/rendered-file';
import { REVISION_DATE, seedDisclosure } from './seed-disclosure';

const disclosure = seedDisclosure();
let pdf: Buffer;
let text: string;

beforeAll(async () => {
  pdf = await renderDisclosurePdf(disclosure, { createdAt: REVISION_DATE });
  text = (await pdfText(pdf)).replace(/[ \t]+/g, ' ');
});

describe('the disclosure PDF', () => {
  it('carries the title of every table of the seed as pdftotext reads it', () => {
    expect(disclosure.tables).toHaveLength(10);
    for (const table of disclosure.tables) expect(text).toContain(`硚口区大数据中心2020年${table.title}`);
    for (const part of ['第一部分', '第二部分', '第三部分', '第四部分', '目 录']) expect(text).toContain(part);
  });

  it("carries the seed's figures in 万元 and 表7's empty statement", () => {
    for (const figure of ['604.4', '207.4', '397.0', '184.8', '417.1', '22.6', '143.6', '24.3', '0.8']) expect(text).toContain(figure);
    expect(text).toContain('本单位2020年无此支出预算。');
  });

  it('is A4, numbers its pages and embeds its Chinese fonts as subsets', () => {
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString();
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf }).toString();
    const cjk = fonts.split('\n').filter((l) => l.includes('NotoSansSC'));
    expect(cjk).toHaveLength(2);
    // emb, sub, uni: embedded, subset, with a ToUnicode map (so text can be copied and searched).
    for (const line of cjk) expect(line).toMatch(/yes\s+yes\s+yes/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(text).toContain(`— ${pages - 2} —`);
  });

  it('is the same file, byte for byte, every time the same revision is rendered', async () => {
    const again = await renderDisclosurePdf(disclosure, { createdAt: REVISION_DATE });
    expect(sha256Hex(again)).toBe(sha256Hex(pdf));
    const later = await renderDisclosurePdf(disclosure, { createdAt: new Date('2021-01-01T00:00:00Z') });
    expect(sha256Hex(later)).not.toBe(sha256Hex(pdf));
  });

  it('is the same file after the process has rendered other documents with the same fonts', async () => {
    // The fonts and the strings shaped in them are kept by the process: what an earlier document
    // (here a corrected version, with a reason of its own on its cover) left must not change a later one.
    const correction = { versionNo: 2, previousVersion: 1, previousPublishedOn: '2020-03-05', reason: '表3“一般公共服务支出”行填报有误，更正为正确数额：12,345.67 万元（ABC ffi）。' };
    const corrected = await renderDisclosurePdf(disclosure, { createdAt: REVISION_DATE, correction });
    expect(sha256Hex(corrected)).not.toBe(sha256Hex(pdf));
    const after = await renderDisclosurePdf(disclosure, { createdAt: REVISION_DATE });
    expect(sha256Hex(after)).toBe(sha256Hex(pdf));
  });
});
