import { disclosureKind } from './disclosure-text';

/** Whose, which year's and which version's a published file is. */
export interface TPublishedIdentity {
  departmentName: string;
  /** a unit's 单位预算: the unit, whose name the files carry; null for a 部门预算 */
  unitName: string | null;
  fiscalYear: number;
  versionNo: number;
}

/** What each published file holds, after the disclosure's own name; a stem not listed keeps its name. */
const CONTENT: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^disclosure$/, () => ''],
  [/^lines$/, () => '支出明细'],
  [/^datapackage$/, () => '数据包'],
  [/^lines\.datapackage$/, () => '支出明细数据包'],
  [/^correction-notice$/, () => '更正说明'],
  [/^t(\d+)$/, (m) => `表${m[1]}`],
];

/** Characters no file system takes in a name; controls (below a space, and DEL) neither. */
const UNSAFE = new Set('\\/:*?"<>|');
const safe = (c: string) => (c < ' ' || c === '\u007f' || UNSAFE.has(c) ? '_' : c);

/**
 * The name a published file is downloaded under: the department, the year and the version, then
 * what it holds (硚口区大数据中心2021年部门预算（第2版）表5.csv), so that the files of several
 * departments, years or versions kept in one folder never overwrite each other and say what they are.
 * The file's own name (t5.csv) stays its address in the open data.
 */
export function publishedDownloadName(identity: TPublishedIdentity, fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] = dot <= 0 ? [fileName, ''] : [fileName.slice(0, dot), fileName.slice(dot)];
  const rule = CONTENT.map(([pattern, name]) => [pattern.exec(stem), name] as const).find(([match]) => match !== null);
  const content = rule === undefined ? stem : rule[1](rule[0] as RegExpExecArray);
  const name = [...(identity.unitName ?? identity.departmentName)].map(safe).join('').trim();
  const kind = disclosureKind({ scope: identity.unitName === null ? 'department' : 'unit' });
  return `${name}${identity.fiscalYear}年${kind}（第${identity.versionNo}版）${content}${extension}`;
}
