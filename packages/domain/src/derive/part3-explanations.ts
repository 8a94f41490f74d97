import type { TExplanationSection } from '../disclosure/disclosure.schema';
import type { DeriveContext } from './derive-context';
import { explanationFigures } from './explanation-context';
import { expenditureSection, fiscalSection, incomeSection, overviewSection } from './part3-budget-sections';
import { basicSection, generalPublicSection, governmentFundSection, otherMattersSection, threePublicSection } from './part3-detail-sections';

/**
 * 第三部分: the nine sections of the explanations. Every figure comes from the lines (shares with
 * one decimal, half up); only the reasons and facts no line holds are the document's free text.
 */
export function deriveExplanations(ctx: DeriveContext): TExplanationSection[] {
  const f = explanationFigures(ctx);
  return [overviewSection, incomeSection, expenditureSection, fiscalSection, generalPublicSection, basicSection, governmentFundSection, threePublicSection, otherMattersSection].map(
    (section) => {
      const built = section(ctx, f);
      return { ...built, paragraphs: built.paragraphs.filter((p) => p.text !== '') };
    },
  );
}
