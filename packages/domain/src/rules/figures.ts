import type { TDisclosure, TExplanationSection, TFigure, TParagraph, TRow, TTableRef } from '../disclosure/disclosure.schema';
import type { TFindingLocation } from './finding.schema';
import { findTable } from './disclosure-grid';

/** A figure of Part 3 with the paragraph and section it stands in. */
export interface PlacedFigure {
  figure: TFigure;
  paragraph: TParagraph;
  section: TExplanationSection;
}

export function figuresOf(disclosure: TDisclosure): PlacedFigure[] {
  return disclosure.explanations.flatMap((section) =>
    section.paragraphs.flatMap((paragraph) => paragraph.figures.map((figure) => ({ figure, paragraph, section }))),
  );
}

/** Where the findings panel jumps for a figure: the section of Part 3 and the figure in it. */
export function figureLocation({ section, figure }: PlacedFigure): TFindingLocation {
  return { kind: 'text', section: `${section.key}/${figure.key}` };
}

/** The table row a figure refers to, when the table has it (main grid only: Part 3 cites tables 1–9). */
export function referencedRow(disclosure: TDisclosure, ref: TTableRef): TRow | undefined {
  return findTable(disclosure, ref.table)?.rows.find((r) => r.key === ref.row);
}
