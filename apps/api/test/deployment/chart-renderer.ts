import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * Renders the Budgetflow Helm chart for the tests, where `helm` cannot be installed (no registry
 * here ships it). It knows only the part of Helm's template language the chart uses — `.Values…`,
 * `.Release…`, `.Chart…`, `define`/`include`, `if`/`else`/`end`, `quote`, `toYaml`, `nindent`,
 * `{{-`/`-}}` trimming and comments — and throws on anything else, so a chart change beyond that
 * subset fails the test instead of passing unrendered. Real installs render with helm itself.
 */
export interface TChartContext {
  Values: Record<string, unknown>;
  Release: { Name: string; Namespace: string; Service: string };
  Chart: { Name: string; Version: string; AppVersion: string };
}

type TNode = { text: string } | { output: string } | { cond: string; then: TNode[]; otherwise: TNode[] };

interface TToken {
  text?: string;
  action?: string;
}

function tokenize(source: string): TToken[] {
  const tokens: TToken[] = [];
  const action = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;
  let last = 0;
  let trimNext = false;
  for (let m = action.exec(source); m !== null; m = action.exec(source)) {
    let text = source.slice(last, m.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (m[1] === '-') text = text.replace(/\s+$/, '');
    tokens.push({ text });
    if (!(m[2] ?? '').startsWith('/*')) tokens.push({ action: m[2] ?? '' });
    trimNext = m[3] === '-';
    last = action.lastIndex;
  }
  tokens.push({ text: trimNext ? source.slice(last).replace(/^\s+/, '') : source.slice(last) });
  return tokens;
}

/** Parses tokens up to an `end` (or `else`) of the current block; `define`s go into `defines`. */
function parseBlock(tokens: TToken[], at: { i: number }, defines: Map<string, TNode[]>): { nodes: TNode[]; closer: string | undefined } {
  const nodes: TNode[] = [];
  while (at.i < tokens.length) {
    const token = tokens[at.i++] as TToken;
    if (token.text !== undefined) {
      if (token.text !== '') nodes.push({ text: token.text });
      continue;
    }
    const action = token.action ?? '';
    if (action === 'end' || action === 'else') return { nodes, closer: action };
    const define = /^define "([\w.]+)"$/.exec(action);
    if (define !== null) {
      defines.set(define[1] as string, parseBlock(tokens, at, defines).nodes);
      continue;
    }
    const cond = /^if (.+)$/.exec(action);
    if (cond !== null) {
      const then = parseBlock(tokens, at, defines);
      const otherwise = then.closer === 'else' ? parseBlock(tokens, at, defines).nodes : [];
      nodes.push({ cond: cond[1] as string, then: then.nodes, otherwise });
      continue;
    }
    nodes.push({ output: action });
  }
  return { nodes, closer: undefined };
}

function lookup(path: string, ctx: TChartContext): unknown {
  if (!/^\.(Values|Release|Chart)(\.\w+)*$/.test(path)) throw new Error(`the chart uses "${path}", which the test renderer does not know`);
  return path.slice(1).split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], ctx);
}

function evaluate(pipeline: string, ctx: TChartContext, defines: Map<string, TNode[]>): unknown {
  const [first = '', ...rest] = pipeline.split('|').map((part) => part.trim());
  // `toYaml .Values.x` is `.Values.x | toYaml`.
  const call = /^(toYaml|quote) (\S+)$/.exec(first);
  const [head, fns] = call === null ? [first, rest] : [call[2] as string, [call[1] as string, ...rest]];
  const include = /^include "([\w.]+)" \.$/.exec(head);
  let value: unknown;
  if (include !== null) {
    const body = defines.get(include[1] as string);
    if (body === undefined) throw new Error(`include of an undefined template "${include[1]}"`);
    value = renderNodes(body, ctx, defines);
  } else if (/^"[^"]*"$/.test(head)) value = head.slice(1, -1);
  else value = lookup(head, ctx);
  for (const fn of fns) {
    const nindent = /^nindent (\d+)$/.exec(fn);
    if (fn === 'quote') value = JSON.stringify(String(value ?? ''));
    else if (fn === 'toYaml') value = stringify(value).trimEnd();
    else if (nindent !== null) value = `\n${String(value).split('\n').map((line) => ' '.repeat(Number(nindent[1])) + line).join('\n')}`;
    else throw new Error(`the chart uses the function "${fn}", which the test renderer does not know`);
  }
  return value;
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return value !== undefined && value !== null && value !== false && value !== '' && value !== 0;
}

function renderNodes(nodes: TNode[], ctx: TChartContext, defines: Map<string, TNode[]>): string {
  return nodes
    .map((node) => {
      if ('text' in node) return node.text;
      if ('cond' in node) return renderNodes(truthy(evaluate(node.cond, ctx, defines)) ? node.then : node.otherwise, ctx, defines);
      const value = evaluate(node.output, ctx, defines);
      if (value !== null && typeof value === 'object') throw new Error(`"${node.output}" is an object: the chart must pass it through toYaml`);
      return String(value ?? '');
    })
    .join('');
}

/** Every template of the chart rendered with its values.yaml merged with `overrides`, by file name. */
export function renderChart(chartDir: string, overrides: (values: Record<string, unknown>) => void = () => undefined): Map<string, string> {
  const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { name: string; version: string; appVersion: string };
  const values = parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as Record<string, unknown>;
  overrides(values);
  const ctx: TChartContext = { Values: values, Release: { Name: 'bf', Namespace: 'budgetflow', Service: 'Helm' }, Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion } };
  const files = readdirSync(join(chartDir, 'templates')).sort();
  const defines = new Map<string, TNode[]>();
  const parsed = files.map((file) => [file, parseBlock(tokenize(readFileSync(join(chartDir, 'templates', file), 'utf8')), { i: 0 }, defines).nodes] as const);
  return new Map(parsed.filter(([file]) => file.endsWith('.yaml')).map(([file, nodes]) => [file, renderNodes(nodes, ctx, defines)]));
}
