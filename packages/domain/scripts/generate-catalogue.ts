import { writeFileSync } from 'node:fs';
import { CATALOGUE_MODULE_PATH, readCatalogueFiles, renderCatalogueModule } from './catalogue-files';

writeFileSync(CATALOGUE_MODULE_PATH, renderCatalogueModule(readCatalogueFiles()));
console.log(`wrote ${CATALOGUE_MODULE_PATH}`);
