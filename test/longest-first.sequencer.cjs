// Orders the test files so that the longest start first, whether or not jest has timed them before.
// Jest's own order uses the durations of an earlier run, which a fresh clone (CI) does not have;
// it then goes by file size, and the few files that run whole clusters of processes for minutes,
// being short, start last and leave one worker busy alone at the end. A file's longest declared
// timeout (`it(…, 900_000)`) is what its author says it may take: files are sorted by it, then by
// jest's own order.
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const DECLARED_TIMEOUT = /[})]\s*,\s*(\d[\d_]*)\s*\)/g;

function longestDeclaredTimeout(path) {
  let longest = 0;
  for (const match of readFileSync(path, 'utf8').matchAll(DECLARED_TIMEOUT)) longest = Math.max(longest, Number(match[1].replaceAll('_', '')));
  return longest;
}

class LongestFirst extends Sequencer {
  sort(tests) {
    const jestOrder = super.sort(tests);
    const position = new Map(jestOrder.map((test, i) => [test, i]));
    const declared = new Map(tests.map((test) => [test, longestDeclaredTimeout(test.path)]));
    return [...jestOrder].sort((a, b) => declared.get(b) - declared.get(a) || position.get(a) - position.get(b));
  }
}

module.exports = LongestFirst;
