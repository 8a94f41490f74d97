/**
 * @jest-environment node
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWeb, entryScriptGzipKb, entryScripts } from '../../../test/e2e/support/web-build';
import { deskZh } from '../src/lib/desk-messages';
import { zh } from '../src/lib/i18n-messages';

function sourcesUnder(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

/**
 * A visitor's first page of the public portal loads the entry script and what it preloads, nothing
 * of the signed-in desks: those screens and their words (lib/desk-messages) come in chunks of their
 * own when someone opens a desk. The client is built as `pnpm build` builds it, into a directory of
 * this test's own.
 */
describe("the public portal's entry script", () => {
  let dist = '';
  const read = (files: string[]) => files.map((file) => readFileSync(path.join(dist, file), 'utf8')).join('\n');

  beforeAll(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'budgetflow-web-'));
    buildWeb(dist);
  }, 120_000);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('stays within the 200 KB (gzip) that pnpm bench portal allows', () => {
    expect(entryScriptGzipKb(dist)).toBeLessThanOrEqual(200);
  });

  it("carries none of the desks' words, which their own chunks carry", () => {
    // The desks' own words: not a part of a portal word (as 状态 or 项目 are), nor of the domain's
    // sources (the tables' titles of the templates, which the portal shows, name 经济科目 or 政府采购).
    const publicWords = Object.values(zh);
    const domain = sourcesUnder(path.resolve(__dirname, '../../../packages/domain/src'));
    const deskWords = Object.values(deskZh).filter((word) => word.length >= 4 && !publicWords.some((p) => p.includes(word)) && !domain.includes(word));
    expect(deskWords).toEqual(expect.arrayContaining(['审签（保密审查）', '至少 {n} 个字符；不得是常见密码、不得包含用户名、不得与最近几次的密码相同。']));
    const entry = read(entryScripts(dist));
    expect(deskWords.filter((word) => entry.includes(word))).toEqual([]);
    const everyScript = read(readdirSync(path.join(dist, 'assets')).filter((file) => file.endsWith('.js')).map((file) => `assets/${file}`));
    expect(deskWords.filter((word) => !everyScript.includes(word))).toEqual([]);
  });
});
