import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogueFile {
  year: number;
  kind: 'functional' | 'economic';
  csv: string;
}

export const CATALOGUE_DATA_DIR = join(__dirname, '..', 'data', 'catalogue');
export const CATALOGUE_MODULE_PATH = join(__dirname, '..', 'src', 'catalogue', 'catalogue-data.generated.ts');

/** Every `<year>/functional.csv` and `<year>/economic.csv` under the data directory, in year order. */
export function readCatalogueFiles(dir: string = CATALOGUE_DATA_DIR): CatalogueFile[] {
  const years = readdirSync(dir)
    .filter((name) => /^\d{4}$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
  return years.flatMap((year) =>
    (['functional', 'economic'] as const).map((kind) => ({ year, kind, csv: readFileSync(join(dir, String(year), `${kind}.csv`), 'utf8') })),
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
    "export const CATALOGUE_FILES: readonly { year: number; kind: 'functional' | 'economic'; csv: string }[] = [",
    body,
    '];',
    '',
  ].join('\n');
}
