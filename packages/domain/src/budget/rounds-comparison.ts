import { parseFen, type Fen } from '../money/fen';
import type { TExpenditureLine } from './budget-document.schema';
import { CEILING_ITEMS, ceilingFiguresOf, type CeilingFigures, type TCeilings } from './ceilings';

/** The figures of one budget in each round of 两上两下, as far as it got. */
export interface RoundFigures {
  proposal?: CeilingFigures; // 一上
  ceilings?: TCeilings; // 控制数 (一下)
  final?: CeilingFigures; // 二上
  replied?: CeilingFigures; // 批复 (二下)
}

/** One item side by side in each round; absent where the round has none (no ceiling of it, or not reached). */
export interface RoundsRow {
  item: string;
  name: string;
  proposalFen?: Fen;
  ceilingFen?: Fen;
  finalFen?: Fen;
  repliedFen?: Fen;
}

/** The figures of a document's expenditure lines (a frozen revision's, say). */
export function ceilingFiguresOfLines(lines: readonly Pick<TExpenditureLine, 'kind' | 'fundSource' | 'economicCode' | 'amount'>[]): CeilingFigures {
  return ceilingFiguresOf(lines.map((l) => ({ kind: l.kind, fundSource: l.fundSource, economicCode: l.economicCode, fen: parseFen(l.amount) })));
}

const HEADLINE = new Set(['total', 'basic', 'project']);

/**
 * 一上 vs 控制数 vs 二上 vs 批复, item by item, named as the ceilings name them: the headline items
 * always, a fund source or 三公 part where a ceiling limits it or a round has an amount of it.
 */
export function compareRounds(rounds: RoundFigures): RoundsRow[] {
  return CEILING_ITEMS.flatMap(({ ceiling: item, name, figure, limit }) => {
    const proposalFen = rounds.proposal === undefined ? undefined : figure(rounds.proposal);
    const ceilingFen = rounds.ceilings === undefined ? undefined : limit(rounds.ceilings);
    const finalFen = rounds.final === undefined ? undefined : figure(rounds.final);
    const repliedFen = rounds.replied === undefined ? undefined : figure(rounds.replied);
    const shown = HEADLINE.has(item) || ceilingFen !== undefined || [proposalFen, finalFen, repliedFen].some((fen) => fen !== undefined && fen !== 0);
    if (!shown) return [];
    return [
      {
        item,
        name,
        ...(proposalFen === undefined ? {} : { proposalFen }),
        ...(ceilingFen === undefined ? {} : { ceilingFen }),
        ...(finalFen === undefined ? {} : { finalFen }),
        ...(repliedFen === undefined ? {} : { repliedFen }),
      },
    ];
  });
}
