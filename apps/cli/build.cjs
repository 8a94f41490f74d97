'use strict';
// Compiles the CLI (src/main.ts and everything it imports: the domain, the audit chain's hashing)
// into one CommonJS file, dist/budget.cjs, with esbuild: `pnpm budget` then starts in tens of
// milliseconds instead of compiling TypeScript on every call. bin/budget.cjs runs it, building first
// when the bundle is missing or older than one of its sources (listed in dist/inputs.json).
const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(__dirname, 'dist');
const BUNDLE = path.join(DIST, 'budget.cjs');
const INPUTS = path.join(DIST, 'inputs.json');

function build() {
  const result = require('esbuild').buildSync({
    entryPoints: [path.join(__dirname, 'src/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The workspace's domain from its sources, as tsx and jest resolve it (its dist/ is built only for `pnpm start`).
    alias: { '@budgetflow/domain': path.join(ROOT, 'packages/domain/src/index.ts') },
    // pg's optional native binding: never installed. pdfkit, exceljs and the CJK font read their own
    // data files next to their modules, so they are loaded from node_modules, not bundled.
    external: ['pg-native', 'pdfkit', 'exceljs', '@expo-google-fonts/noto-sans-sc'],
    metafile: true,
    write: false,
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  });
  mkdirSync(DIST, { recursive: true });
  // Written aside and renamed: two calls building at once never run a half-written bundle.
  const unique = `${process.pid}-${Date.now()}`;
  writeFileSync(`${BUNDLE}.${unique}`, result.outputFiles[0].contents);
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/')).map((input) => path.resolve(process.cwd(), input));
  writeFileSync(`${INPUTS}.${unique}`, JSON.stringify(sources));
  renameSync(`${INPUTS}.${unique}`, INPUTS);
  renameSync(`${BUNDLE}.${unique}`, BUNDLE);
}

module.exports = { build, BUNDLE, INPUTS };
if (require.main === module) build();
