export * from './display-grid';
export { renderCsv, csvField, CSV_HEADER, UTF8_BOM } from './render-csv';
export { PUBLISHED_HTML_CSP, renderHtml } from './render-html';
export { escapeHtml } from './html-table';
export { neutraliseFormula, restoreFormula, startsFormula } from './formula-text';
export { disclosureKind, overviewParagraphs, partTitles, tableHeading, type TOverviewSection, type TPartTitles } from './disclosure-text';
export {
  CORRECTION_STATEMENT_TITLE,
  correctionChanges,
  correctionStatementOpening,
  correctionStatementText,
  renderCorrectionText,
  ZCorrection,
  ZCorrectionChange,
  ZCorrectionStatement,
  type TCorrection,
  type TCorrectionChange,
  type TCorrectionStatement,
} from './correction-notice';
export { publishedDownloadName, type TPublishedIdentity } from './download-name';
