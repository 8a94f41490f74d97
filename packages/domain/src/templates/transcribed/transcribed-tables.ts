import type { TTranscribedTable, TTranscription } from './transcription.schema';

/** A transcription that cannot be read as its template's disclosure: which table, and why. */
export class TranscriptionError extends Error {
  constructor(
    message: string,
    readonly table?: string,
  ) {
    super(table === undefined ? message : `${table}: ${message}`);
    this.name = 'TranscriptionError';
  }
}


/** The template table id a transcription's table key names: "T1_financial_summary" → "T1". */
export function tableIdOfKey(key: string): string {
  return key.slice(0, key.indexOf('_'));
}

/** A transcription's table of a template id, or undefined when the transcription has none. */
export function findTranscribedTable(s: TTranscription, id: string): TTranscribedTable | undefined {
  const key = Object.keys(s.tables).find((k) => tableIdOfKey(k) === id);
  return key === undefined ? undefined : s.tables[key];
}

export function transcribedTable(s: TTranscription, id: string): TTranscribedTable {
  const table = findTranscribedTable(s, id);
  if (table === undefined) throw new TranscriptionError(`the transcription has no table ${id}`, id);
  return table;
}

/** A row of a table kept as printed text (Jiangsu's 收入预算总表): its name and its one figure. */
export interface RawRow {
  name: string;
  /** 0 for a heading (printed with 小计 beside it, or alone), 1 for an item under it */
  level: number;
  amount: string | null;
}

/**
 * The rows of a raw two-column-name table after its header (the row whose last cell is 金额): a
 * heading prints its name in the first column and 小计 in the second, an item only the second.
 */
export function rawRows(table: TTranscribedTable): RawRow[] {
  const raw = table.raw_rows ?? [];
  const start = raw.findIndex((r) => r.at(-1) === '金额') + 1;
  if (start === 0) throw new TranscriptionError('no header row ending in 金额', table.title);
  return raw.slice(start).map((r) => {
    const [head, sub] = r;
    const amount = r.at(-1) ?? null;
    const heading = head !== null && head !== undefined && head !== '';
    return { name: heading ? head : (sub ?? ''), level: heading ? 0 : 1, amount: amount === '' ? null : amount };
  });
}
