import type { CliCommand } from './cli-command';
import { EXIT } from './exit-codes';
import { InputError } from './input-error';
import { parseArgs } from './parse-args';

const command: CliCommand = {
  name: 'render',
  summary: 'test',
  arguments: ['<file>'],
  options: [
    { name: 'format', values: ['json', 'csv', 'html'], description: '' },
    { name: 'out', takesValue: true, description: '' },
    { name: 'json', description: '' },
  ],
  run: () => Promise.resolve(EXIT.ok),
};

describe('parseArgs', () => {
  it.each([
    [['a.json'], { positionals: ['a.json'], options: {} }],
    [['a.json', '--format', 'csv'], { positionals: ['a.json'], options: { format: 'csv' } }],
    [['--format=html', 'a.json', '--out', 'x.html'], { positionals: ['a.json'], options: { format: 'html', out: 'x.html' } }],
    [['a.json', '--json'], { positionals: ['a.json'], options: { json: true } }],
    [['--out=预算.csv', 'a.json'], { positionals: ['a.json'], options: { out: '预算.csv' } }],
  ])('%j', (argv, parsed) => {
    expect(parseArgs(command, argv)).toEqual(parsed);
  });

  it.each([
    [['a.json', '--colour'], 'unknown option --colour'],
    [['a.json', '--format', 'pdf'], '--format must be one of json, csv, html, not "pdf"'],
    [['a.json', '--format'], '--format needs a value'],
    [['a.json', '--out='], '--out needs a value'],
    [['a.json', '--json=yes'], '--json takes no value'],
    [[], 'expected <file>, got 0 argument(s)'],
    [['a.json', 'b.json'], 'expected <file>, got 2 argument(s)'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseArgs(command, argv)).toThrow(new InputError(`render: ${message}`));
  });
});
