import type { TExplanationSection } from '../disclosure/disclosure.schema';
import type { DeriveContext } from './derive-context';
import { explanationFigures } from './explanation-context';
import { jiangsuExplanations } from './part3-jiangsu';
import { shanghaiExplanations } from './part3-shanghai';
import { expenditureSection, fiscalSection, incomeSection, overviewSection } from './part3-budget-sections';
import {
  basicSection,
  generalPublicSection,
  governmentFundSection,
  otherMattersSection,
  threePublicSection,
} from './part3-detail-sections';

/**
 * 第三部分 in the template's style (hubei: nine sections; shanghai: 编制说明 with a paragraph per
 * 功能 项; jiangsu: 收支总体情况 … with two-decimal shares and rates). Empty paragraphs are left out.
 */
export function deriveExplanations(ctx: DeriveContext): TExplanationSection[] {
  const style = ctx.template.narrative.style;
  const sections =
    style === 'shanghai'
      ? shanghaiExplanations(ctx)
      : style === 'jiangsu'
        ? jiangsuExplanations(ctx)
        : hubeiExplanations(ctx);
  return sections.map((section) => ({
    ...section,
    paragraphs: section.paragraphs.filter((p) => p.text !== ''),
  }));
}

/**
 * 第三部分 of hubei-2020: the nine sections of the explanations. Every figure comes from the lines
 * (shares with one decimal, half up); only the reasons and facts no line holds are the document's free text.
 */
function hubeiExplanations(ctx: DeriveContext): TExplanationSection[] {
  const f = explanationFigures(ctx);
  return [
    overviewSection,
    incomeSection,
    expenditureSection,
    fiscalSection,
    generalPublicSection,
    basicSection,
    governmentFundSection,
    threePublicSection,
    otherMattersSection,
  ].map((section) => section(ctx, f));
}
