import { createHash } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { attachmentDisposition } from './content-disposition';
import { sendRenderedFile } from './file-answer';

describe('attachmentDisposition', () => {
  it("names a Chinese file in UTF-8 (filename*), with the file's own name as the ASCII fallback for old clients", () => {
    expect(attachmentDisposition('示例单位2020年部门预算（第1版）表5.csv', 't5.csv')).toBe(
      `attachment; filename="t5.csv"; filename*=UTF-8''%E7%A4%BA%E4%BE%8B%E5%8D%95%E4%BD%8D2020%E5%B9%B4%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97%EF%BC%88%E7%AC%AC1%E7%89%88%EF%BC%89%E8%A1%A85.csv`,
    );
    expect(attachmentDisposition('示例单位2020年部门预算（第1版）.pdf', 'disclosure.pdf')).toMatch(/^attachment; filename="disclosure\.pdf"; filename\*=UTF-8''/);
  });

  it('falls back to the name with each run ASCII cannot carry as one underscore when there is no own name', () => {
    expect(attachmentDisposition('2021年部门预算.xlsx')).toBe(`attachment; filename="2021_.xlsx"; filename*=UTF-8''2021%E5%B9%B4%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97.xlsx`);
    expect(attachmentDisposition('2021年部门预算.xlsx', '')).toBe(attachmentDisposition('2021年部门预算.xlsx'));
  });

  it('sends a plain ASCII name as it is, whatever the own name', () => {
    expect(attachmentDisposition('budget-019001-2021.xlsx')).toBe('attachment; filename="budget-019001-2021.xlsx"');
    expect(attachmentDisposition('lines-2020.csv', 'lines.csv')).toBe('attachment; filename="lines-2020.csv"');
  });

  it('never lets a quote, a backslash or a line break out of the quoted fallback', () => {
    const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x.csv');
    expect(header).toBe(`attachment; filename="a_b_c_Set-Cookie: x.csv"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x.csv`);
    // RFC 5987 leaves no room for ' ( ) * in the value, which encodeURIComponent would keep.
    expect(attachmentDisposition("预算(草稿)'*.pdf")).toMatch(/filename\*=UTF-8''%E9%A2%84%E7%AE%97%28%E8%8D%89%E7%A8%BF%29%27%2A\.pdf$/);
  });

  it('never lets them out through the own name either', () => {
    const header = attachmentDisposition('表5.csv', 't5"\\\r\nSet-Cookie: x=1; 表.csv');
    expect(header).toBe(`attachment; filename="t5_Set-Cookie: x=1; _.csv"; filename*=UTF-8''%E8%A1%A85.csv`);
    expect(header).not.toMatch(/[\r\n\\]/);
  });
});

describe('a download of a Chinese name', () => {
  const content = Buffer.from('表1\n', 'utf8');
  const file = { name: '收支总表.csv', mediaType: 'text/csv; charset=utf-8', sha256: createHash('sha256').update(content).digest('hex'), content };

  it("goes out with the RFC 6266 header (Node refuses the raw name in a header), its own name the fallback", async () => {
    const app = express().get('/file', (_req, res) => sendRenderedFile(res, { ...file, ownName: 't1.csv' }));
    const res = await request(app).get('/file').expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="t1.csv"; filename*=UTF-8''%E6%94%B6%E6%94%AF%E6%80%BB%E8%A1%A8.csv`);
  });

  it('goes out with the underscored fallback when the file has no own name', async () => {
    const app = express().get('/file', (_req, res) => sendRenderedFile(res, file));
    const res = await request(app).get('/file').expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="_.csv"; filename*=UTF-8''%E6%94%B6%E6%94%AF%E6%80%BB%E8%A1%A8.csv`);
  });
});
