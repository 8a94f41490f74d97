import type { TLogStream } from '../../src/common/observability/logging';

/** A log destination a test reads back: every JSON line written, parsed. */
export interface TLogLines extends TLogStream {
  readonly lines: Record<string, unknown>[];
}

export function logLines(): TLogLines {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    write(chunk: string) {
      for (const line of chunk.split('\n').filter((l) => l.trim() !== '')) lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
}
