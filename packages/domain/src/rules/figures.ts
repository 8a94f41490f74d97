import type {
  TDisclosure,
  TExplanationSection,
  TFigure,
  TParagraph,
  TRow,
  TTableRef,
} from '../disclosure/disclosure.schema';
import type { TFindingLocation } from './finding.schema';
import { findTable } from './disclosure-grid';

/** A figure of Part 3 with the paragraph and section it stands in. */
export interface PlacedFigure {
  figure: TFigure;
  paragraph: TParagraph;
  section: TExplanationSection;
}

const figureCache = new WeakMap<TDisclosure, readonly PlacedFigure[]>();

/** Every figure of Part 3 in order, collected once per check for the families that read them. */
export function figuresOf(disclosure: TDisclosure): readonly PlacedFigure[] {
  let figures = figureCache.get(disclosure);
  if (figures === undefined) {
    const placed: PlacedFigure[] = [];
    for (const section of disclosure.explanations) {
      for (const paragraph of section.paragraphs)
        for (const figure of paragraph.figures) placed.push({ figure, paragraph, section });
    }
    figures = placed;
    figureCache.set(disclosure, figures);
  }
  return figures;
}

/** Where the findings panel jumps for a figure: the section of Part 3 and the figure in it. */
export function figureLocation({ section, figure }: PlacedFigure): TFindingLocation {
  return { kind: 'text', section: `${section.key}/${figure.key}` };
}

/** The table row a figure refers to, when the table has it (main grid only: Part 3 cites tables 1–9). */
export function referencedRow(disclosure: TDisclosure, ref: TTableRef): TRow | undefined {
  return findTable(disclosure, ref.table)?.rows.find((r) => r.key === ref.row);
}

export function forgetFigures(disclosure: TDisclosure): void {
  figureCache.delete(disclosure);
}
