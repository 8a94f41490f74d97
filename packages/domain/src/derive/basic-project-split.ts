import type { TRow } from '../disclosure/disclosure.schema';
import type { TExpenditureKind } from '../budget/budget-document.schema';
import { amountCell } from './table-parts';

/** 基本支出 and 项目支出 of one table row, in 分; 合计 is their sum. */
export interface BasicProject {
  basic: number;
  project: number;
}

/** The entry of `key`, created empty on first use: nested maps group without building string keys. */
export function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

export const emptySplit = (): BasicProject => ({ basic: 0, project: 0 });

export function addToSplit(split: BasicProject, kind: TExpenditureKind, fen: number): void {
  if (kind === 'project') split.project += fen;
  else split.basic += fen;
}

export function addSplits(target: BasicProject, source: BasicProject): void {
  target.basic += source.basic;
  target.project += source.project;
}

/** The three amount cells of a split row (合计, 基本支出, 项目支出). */
export function splitCells(split: BasicProject): TRow['cells'] {
  return { total: amountCell(split.basic + split.project), basic: amountCell(split.basic), project: amountCell(split.project) };
}
