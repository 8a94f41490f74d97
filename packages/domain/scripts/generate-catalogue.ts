import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_DATA_DIR, CATALOGUE_MODULE_PATH, readCatalogueFiles, renderCatalogueModule } from './catalogue-files';
import { mergeObserved } from './merge-observed';
import { observedCodes, observedMapping } from './observed-codes';

// The editions hold every code printed for their year (fixtures/observed-codes); then the module carries them.
const { files, leftOut } = mergeObserved(readCatalogueFiles(), observedCodes(), observedMapping());
for (const file of files) {
  mkdirSync(join(CATALOGUE_DATA_DIR, String(file.year)), { recursive: true });
  writeFileSync(join(CATALOGUE_DATA_DIR, String(file.year), `${file.kind}.csv`), file.csv);
}
for (const code of leftOut) console.log(`left out ${code.year} ${code.list} ${code.code} ${code.name}: its parent was never seen`);
writeFileSync(CATALOGUE_MODULE_PATH, renderCatalogueModule(readCatalogueFiles()));
console.log(`wrote ${CATALOGUE_MODULE_PATH}`);
