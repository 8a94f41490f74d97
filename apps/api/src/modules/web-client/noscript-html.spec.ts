import { readableTitle, withNoscript, type TReadableDisclosure } from './noscript-html';

const SHELL =
  '<!doctype html><html lang="zh-CN"><head><title>部门预算编制与公开</title><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>';

const bigData: TReadableDisclosure = {
  departmentName: '武汉市硚口区大数据中心',
  unitName: null,
  fiscalYear: 2020,
  versionNo: 1,
  html: '/api/public/files/f-html?view=inline',
  pdf: '/api/public/files/f-pdf?view=inline',
};
const hostile: TReadableDisclosure = {
  departmentName: '<script>alert(1)</script> & "局"',
  unitName: null,
  fiscalYear: 2021,
  versionNo: 2,
  html: '/x?a=1&b="2"',
};

/** The text between <noscript> and </noscript>, or undefined. */
const noscriptOf = (html: string) => /<noscript>([\s\S]*)<\/noscript>/.exec(html)?.[1];
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('the noscript of a disclosure page', () => {
  const html = withNoscript(SHELL, { disclosure: bigData });

  it('titles the page with the department, year and version and links its web version and PDF', () => {
    expect(html).toContain('<title>武汉市硚口区大数据中心 2020年部门预算（第1版）</title>');
    const block = noscriptOf(html) ?? '';
    expect(block).toContain(
      '<a href="/api/public/files/f-html?view=inline">武汉市硚口区大数据中心 2020年部门预算（第1版，网页版全文）</a>',
    );
    expect(block).toContain(
      '<a href="/api/public/files/f-pdf?view=inline">武汉市硚口区大数据中心 2020年部门预算（第1版，PDF）</a>',
    );
    expect(block).toContain('需要启用 JavaScript');
    expect(hrefs(block)).toContain('/portal');
  });

  it('puts the noscript beside #root, leaving the shell and its script as they were', () => {
    expect(html).toContain('<div id="root"></div><noscript><main>');
    expect(
      html
        .replace(/<noscript>[\s\S]*<\/noscript>/, '')
        .replace(/<title>[^<]*<\/title>/, '<title>部门预算编制与公开</title>'),
    ).toBe(SHELL);
  });

  it('names a unit’s 单位预算 by its unit', () => {
    expect(readableTitle({ ...bigData, unitName: '硚口区数据分中心' })).toBe(
      '硚口区数据分中心 2020年单位预算（第1版）',
    );
  });

  it('says the files are still being rendered when there is none to link', () => {
    const block =
      noscriptOf(withNoscript(SHELL, { disclosure: { ...bigData, html: undefined, pdf: undefined } })) ?? '';
    expect(hrefs(block)).toEqual(['/portal']);
    expect(block).toContain('公开文件正在生成');
  });

  it('escapes every datum: a name with <script> and &, a link with quotes', () => {
    const out = withNoscript(SHELL, { disclosure: hostile });
    expect(out).not.toContain('<script>alert');
    expect(out).toContain(
      '<title>&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;局&#34; 2021年部门预算（第2版）</title>',
    );
    expect(out).toContain('href="/x?a=1&#38;b=&#34;2&#34;"');
    // The only script left is the shell's own module script: nothing inline.
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out).not.toMatch(/ style=|<style/);
  });
});

describe('the noscript of the portal list', () => {
  const items = [
    bigData,
    {
      ...bigData,
      departmentName: '硚口区教育局',
      fiscalYear: 2019,
      html: '/api/public/files/e-html?view=inline',
      pdf: undefined,
    },
  ];

  it('lists a link to each disclosure’s web version (and PDF), in the order given, the title left as it is', () => {
    const html = withNoscript(SHELL, { list: { items, page: 1, pageCount: 1 } });
    expect(html).toContain('<title>部门预算编制与公开</title>');
    const block = noscriptOf(html) ?? '';
    expect(hrefs(block)).toEqual([
      '/api/public/files/f-html?view=inline',
      '/api/public/files/f-pdf?view=inline',
      '/api/public/files/e-html?view=inline',
    ]);
    expect(block.indexOf('武汉市硚口区大数据中心 2020年')).toBeLessThan(block.indexOf('硚口区教育局 2019年'));
    expect(block).toContain('第 1 / 1 页');
  });

  it('pages with ?page=: the previous and the next page linked where there is one', () => {
    const middle = noscriptOf(withNoscript(SHELL, { list: { items, page: 2, pageCount: 3 } })) ?? '';
    expect(middle).toContain(
      '<a href="/portal?page=1" rel="prev">上一页</a> 第 2 / 3 页 <a href="/portal?page=3" rel="next">下一页</a>',
    );
    const first = noscriptOf(withNoscript(SHELL, { list: { items, page: 1, pageCount: 3 } })) ?? '';
    expect(first).not.toContain('rel="prev"');
    const last = noscriptOf(withNoscript(SHELL, { list: { items, page: 3, pageCount: 3 } })) ?? '';
    expect(last).not.toContain('rel="next"');
  });

  it('says when nothing is published, and sends a page past the end back to the first', () => {
    expect(noscriptOf(withNoscript(SHELL, { list: { items: [], page: 1, pageCount: 1 } }))).toContain(
      '尚无公开的部门预算',
    );
    const past = noscriptOf(withNoscript(SHELL, { list: { items: [], page: 9, pageCount: 2 } })) ?? '';
    expect(hrefs(past)).toEqual(['/portal?page=1']);
    expect(past).not.toContain('rel="next"');
  });

  it('escapes the names it lists', () => {
    const block =
      noscriptOf(withNoscript(SHELL, { list: { items: [hostile], page: 1, pageCount: 1 } })) ?? '';
    expect(block).not.toContain('<script');
    expect(block).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;局&#34;');
  });
});
