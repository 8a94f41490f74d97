import { readFileSync } from 'node:fs';
import { CATALOGUE_MODULE_PATH, readCatalogueFiles, renderCatalogueModule } from './catalogue-files';

describe('the generated catalogue module', () => {
  it('carries exactly the CSV files under data/catalogue (regenerate with catalogue:generate)', () => {
    expect(readFileSync(CATALOGUE_MODULE_PATH, 'utf8')).toBe(renderCatalogueModule(readCatalogueFiles()));
  });
});
