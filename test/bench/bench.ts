/** A figure a bench measured, with the target it is held to. */
export interface Figure {
  name: string; // dotted, e.g. domain.derive-validate.100k
  value: number;
  unit: string; // ms, x, ops/s …
  target: { op: '<' | '<=' | '>' | '>='; value: number };
  /** decimals to print; default 1 */
  decimals?: number;
}

/**
 * What a `*.bench.ts` module exports: the runner imports every such file and calls `run`, which
 * reports each figure as soon as it is measured (a later failure does not lose the earlier ones).
 */
export interface BenchModule {
  run(report: (figure: Figure) => void): Promise<void>;
}

export function meetsTarget(figure: Figure): boolean {
  const { op, value } = figure.target;
  switch (op) {
    case '<':
      return figure.value < value;
    case '<=':
      return figure.value <= value;
    case '>':
      return figure.value > value;
    case '>=':
      return figure.value >= value;
  }
}

/** `bench: NAME VALUE UNIT (target OP VALUE) ok|MISS`, the line CI logs and people grep. */
export function formatFigure(figure: Figure): string {
  const value = figure.value.toFixed(figure.decimals ?? 1);
  return `bench: ${figure.name} ${value} ${figure.unit} (target ${figure.target.op} ${figure.target.value}) ${meetsTarget(figure) ? 'ok' : 'MISS'}`;
}

/**
 * Milliseconds of one call, as the median of `runs` timed calls after three untimed ones (so the
 * JIT has compiled the hot paths): the machines are shared, and a median resists the odd slow run
 * better than a mean.
 */
export function medianMs(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** medianMs for an async call (two untimed calls first). */
export async function medianAsyncMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
