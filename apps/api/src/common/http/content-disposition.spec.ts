import { createHash } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { attachmentDisposition } from './content-disposition';
import { sendRenderedFile } from './file-answer';

describe('attachmentDisposition', () => {
  it('names a Chinese file in UTF-8 (filename*), with an ASCII fallback for old clients', () => {
    expect(attachmentDisposition('2021年部门预算.xlsx')).toBe(`attachment; filename="2021_.xlsx"; filename*=UTF-8''2021%E5%B9%B4%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97.xlsx`);
  });

  it('sends a plain ASCII name as it is', () => {
    expect(attachmentDisposition('budget-019001-2021.xlsx')).toBe('attachment; filename="budget-019001-2021.xlsx"');
  });

  it('never lets a quote, a backslash or a line break out of the quoted fallback', () => {
    const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x.csv');
    expect(header).toBe(`attachment; filename="a_b_c_Set-Cookie: x.csv"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x.csv`);
    // RFC 5987 leaves no room for ' ( ) * in the value, which encodeURIComponent would keep.
    expect(attachmentDisposition("预算(草稿)'*.pdf")).toMatch(/filename\*=UTF-8''%E9%A2%84%E7%AE%97%28%E8%8D%89%E7%A8%BF%29%27%2A\.pdf$/);
  });
});

describe('a download of a Chinese name', () => {
  it('goes out with the RFC 6266 header (Node refuses the raw name in a header)', async () => {
    const content = Buffer.from('表1\n', 'utf8');
    const app = express().get('/file', (_req, res) => sendRenderedFile(res, { name: '收支总表.csv', mediaType: 'text/csv; charset=utf-8', sha256: createHash('sha256').update(content).digest('hex'), content }));
    const res = await request(app).get('/file').expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="_.csv"; filename*=UTF-8''%E6%94%B6%E6%94%AF%E6%80%BB%E8%A1%A8.csv`);
  });
});
