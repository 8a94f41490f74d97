import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files of an edition: the three lists (`code,name`) and the 对照表 (`dept_code,gov_code`). */
export const CATALOGUE_FILE_KINDS = ['functional', 'economic', 'government-economic', 'economic-mapping'] as const;
export type CatalogueFileKind = (typeof CATALOGUE_FILE_KINDS)[number];

export interface CatalogueFile {
  year: number;
  kind: CatalogueFileKind;
  csv: string;
}

export const CATALOGUE_DATA_DIR = join(__dirname, '..', 'data', 'catalogue');
export const CATALOGUE_MODULE_PATH = join(__dirname, '..', 'src', 'catalogue', 'catalogue-data.generated.ts');

/** Every `<year>/<kind>.csv` under the data directory, in year order (an edition may lack the last two). */
export function readCatalogueFiles(dir: string = CATALOGUE_DATA_DIR): CatalogueFile[] {
  const years = readdirSync(dir)
    .filter((name) => /^\d{4}$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
  return years.flatMap((year) =>
    CATALOGUE_FILE_KINDS.flatMap((kind) => {
      const path = join(dir, String(year), `${kind}.csv`);
      return existsSync(path) ? [{ year, kind, csv: readFileSync(path, 'utf8') }] : [];
    }),
  );
}

/**
 * The TypeScript module that carries the CSV files as strings, so that the domain reads its
 * catalogue the same way in Node, jest and a browser bundle, without `fs` at run time.
 */
export function renderCatalogueModule(files: readonly CatalogueFile[]): string {
  const body = files.map((f) => `  { year: ${f.year}, kind: '${f.kind}', csv: ${JSON.stringify(f.csv)} },`).join('\n');
  return [
    '// Generated from packages/domain/data/catalogue by `pnpm --filter @budgetflow/domain catalogue:generate`; do not edit.',
    `export type CatalogueFileKind = ${CATALOGUE_FILE_KINDS.map((k) => `'${k}'`).join(' | ')};`,
    'export const CATALOGUE_FILES: readonly { year: number; kind: CatalogueFileKind; csv: string }[] = [',
    body,
    '];',
    '',
  ].join('\n');
}
