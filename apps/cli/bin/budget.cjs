#!/usr/bin/env node
'use strict';
// `pnpm budget …`: the compiled CLI (see ../build.cjs), rebuilt first when a source changed since.
const { existsSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const BUNDLE = path.join(__dirname, '../dist/budget.cjs');
const INPUTS = path.join(__dirname, '../dist/inputs.json');

/** Missing, or older than a source it was built from (a few hundred stat calls: a millisecond or two). */
function stale() {
  if (!existsSync(BUNDLE) || !existsSync(INPUTS)) return true;
  const built = statSync(BUNDLE).mtimeMs;
  return JSON.parse(readFileSync(INPUTS, 'utf8')).some((source) => {
    try {
      return statSync(source).mtimeMs > built;
    } catch {
      return true;
    }
  });
}

if (stale()) require('../build.cjs').build();
require(BUNDLE);
