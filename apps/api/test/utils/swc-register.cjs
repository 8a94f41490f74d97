// Loads the API's TypeScript in a plain Node process (the API benches, the cluster tests): tsx (esbuild) cannot emit
// the decorator metadata NestJS injects by, so .ts files are compiled here by SWC the way jest does.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const domainSource = path.resolve(__dirname, '../../../../packages/domain/src');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@budgetflow/domain') return resolve.call(this, path.join(domainSource, 'index.ts'), ...rest);
  if (request.startsWith('@budgetflow/domain/')) return resolve.call(this, path.join(domainSource, request.slice('@budgetflow/domain/'.length)), ...rest);
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
