import PDFDocument from 'pdfkit';
import {
  CORRECTION_STATEMENT_TITLE,
  chineseNumeral,
  correctionStatementText,
  overviewParagraphs,
  partTitles,
  tableHeading,
  type TBlock,
  type TCorrectionStatement,
  type TDisclosure,
  type TDisclosureTable,
  type TLeafBlock,
} from '@budgetflow/domain';
import type { TDisplayGrid } from '../grid/display-grid';
import { factsGrid, indicatorsGrid } from '../grid/form-grids';
import { sharedGrid } from '../grid/shared-grid';
import { displayAmount } from '../grid/display-amount';
import { FONT_BOLD, FONT_REGULAR, registerCjkFonts } from './cjk-fonts';
import { contentsPagesNeeded, writeContents, writePageNumbers, type THeading } from './pdf-outline';
import { drawTable } from './pdf-table';

export interface TPdfOptions {
  /** When the revision was frozen: the PDF's creation date, so that one revision gives one file. */
  createdAt: Date;
  /** For a corrected version (更正): its 更正说明, printed on the cover. */
  correction?: TCorrectionStatement | undefined;
}

const MARGINS = { top: 64, bottom: 64, left: 56, right: 56 };
const BODY_SIZE = 10.5;

type TDoc = PDFKit.PDFDocument;

/**
 * The disclosure as one A4 PDF that reads like the printed ones: a cover, 目录 with page numbers,
 * the four parts, the ten tables ruled with their headers merged as printed, amounts in 万元
 * right-aligned, page numbers in the footer, and Noto Sans SC embedded as subsets.
 */
export function renderDisclosurePdf(disclosure: TDisclosure, options: TPdfOptions): Promise<Buffer> {
  const { meta } = disclosure;
  const titles = partTitles(disclosure);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: titles.document,
      Author: meta.departmentName,
      Subject: `${meta.fiscalYear}年部门预算公开`,
      Creator: 'Budgetflow',
      Producer: 'Budgetflow',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  registerCjkFonts(doc);
  const done = collect(doc);

  writeCover(doc, titles.document, meta.departmentName);
  if (options.correction !== undefined) writeCorrection(doc, options.correction);
  const headings: THeading[] = [];
  const contentsEntries = 4 + 3 + disclosure.tables.length + disclosure.explanations.length;
  const contentsFirst = doc.bufferedPageRange().count;
  const contentsPages = contentsPagesNeeded(doc, contentsEntries);
  for (let i = 0; i < contentsPages; i += 1) doc.addPage();
  const firstNumbered = contentsFirst + contentsPages;
  const heading = (title: string, level: 0 | 1): void => {
    headings.push({ title, level, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1 });
  };

  // 第一部分 概况
  doc.addPage();
  partHeading(doc, titles.overview);
  heading(titles.overview, 0);
  overviewParagraphs(disclosure).forEach((section) => {
    heading(section.title, 1);
    subHeading(doc, section.title);
    section.paragraphs.forEach((p) => paragraph(doc, p));
  });

  // 第二部分 预算表
  doc.addPage();
  partHeading(doc, titles.tables);
  heading(titles.tables, 0);
  disclosure.tables.forEach((table, i) => paragraph(doc, `表${i + 1}. ${tableHeading(disclosure, table)}`, false));
  for (const table of disclosure.tables) {
    doc.addPage();
    heading(`${table.number} ${tableHeading(disclosure, table)}`, 1);
    writeTable(doc, disclosure, table);
  }

  // 第三部分 说明
  doc.addPage();
  partHeading(doc, titles.explanations);
  heading(titles.explanations, 0);
  for (const section of disclosure.explanations) {
    heading(section.title, 1);
    subHeading(doc, section.title);
    section.paragraphs.forEach((p) => paragraph(doc, p.text));
  }

  // 第四部分 名词解释
  doc.addPage();
  partHeading(doc, titles.glossary);
  heading(titles.glossary, 0);
  disclosure.glossary.forEach((entry, i) => {
    paragraph(doc, `（${chineseNumeral(i + 1)}）${entry.term}：${entry.definition}`);
    entry.items.forEach((item, j) => paragraph(doc, `${j + 1}. ${item.label}：${item.definition}`));
  });

  const pageLabel = (pageIndex: number): string => String(pageIndex - firstNumbered + 1);
  writeContents(doc, contentsFirst, headings, pageLabel);
  writePageNumbers(doc, firstNumbered, pageLabel);
  doc.end();
  return done;
}

function collect(doc: TDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function contentWidth(doc: TDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function writeCover(doc: TDoc, title: string, departmentName: string): void {
  doc.font(FONT_BOLD).fontSize(28).text(title, MARGINS.left, doc.page.height * 0.3, { align: 'center', width: contentWidth(doc) });
  doc.moveDown(8);
  doc.font(FONT_REGULAR).fontSize(16).text(departmentName, { align: 'center', width: contentWidth(doc) });
}

/**
 * The 更正说明 framed under the department's name on the cover: the first thing a reader of the file
 * sees. A reason too long for the cover runs on to the next page, unframed.
 */
function writeCorrection(doc: TDoc, correction: TCorrectionStatement): void {
  const padding = 10;
  const width = contentWidth(doc) - 2 * padding;
  const cover = doc.page;
  const top = doc.y + 2 * BODY_SIZE;
  doc.font(FONT_BOLD).fontSize(12).text(CORRECTION_STATEMENT_TITLE, MARGINS.left + padding, top + padding, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font(FONT_REGULAR).fontSize(BODY_SIZE).text(correctionStatementText(correction), MARGINS.left + padding, doc.y, { width, lineGap: 4 });
  if (doc.page === cover) doc.rect(MARGINS.left, top, contentWidth(doc), doc.y - top + padding).lineWidth(0.8).stroke();
}

function partHeading(doc: TDoc, title: string): void {
  doc.font(FONT_BOLD).fontSize(16).text(title, MARGINS.left, doc.y, { align: 'center', width: contentWidth(doc) });
  doc.moveDown(1);
}

function subHeading(doc: TDoc, title: string): void {
  doc.moveDown(0.4);
  doc.font(FONT_BOLD).fontSize(12).text(title, MARGINS.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function paragraph(doc: TDoc, text: string, indentFirstLine = true): void {
  doc
    .font(FONT_REGULAR)
    .fontSize(BODY_SIZE)
    .text(text, MARGINS.left, doc.y, { width: contentWidth(doc), indent: indentFirstLine ? 2 * BODY_SIZE : 0, lineGap: 4 });
  doc.moveDown(0.3);
}

/** A table's title centred, its number on the left and the unit on the right, then the ruled grid. */
function writeTable(doc: TDoc, disclosure: TDisclosure, table: TDisclosureTable): void {
  doc.font(FONT_BOLD).fontSize(14).text(tableHeading(disclosure, table), MARGINS.left, doc.y, { align: 'center', width: contentWidth(doc) });
  doc.moveDown(0.4);
  const y = doc.y;
  doc.font(FONT_REGULAR).fontSize(9).text(table.number, MARGINS.left, y, { lineBreak: false });
  doc.text(`单位：${table.unit}`, MARGINS.left, y, { align: 'right', width: contentWidth(doc) });
  doc.moveDown(0.3);
  table.preamble.forEach((block) => writeBlock(doc, block, table.unit));
  // 表9 and 表10 are forms made of blocks; their main grid is empty and not printed.
  if (table.columns.length > 0 || table.rows.length > 0) drawGrid(doc, sharedGrid(table, table.unit));
  if (table.rows.length === 0 && table.emptyStatement) {
    doc.moveDown(0.6);
    paragraph(doc, table.emptyStatement);
  }
  table.blocks.forEach((block) => writeBlock(doc, block, table.unit));
}

function drawGrid(doc: TDoc, grid: TDisplayGrid): void {
  if (grid.header.length === 0 && grid.body.length === 0) return;
  drawTable(doc, grid);
  doc.moveDown(0.5);
}

function blockTitle(doc: TDoc, title: string | undefined): void {
  if (!title) return;
  // A title keeps at least the first rows of what it heads on its page.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
  doc.font(FONT_BOLD).fontSize(10).text(title, MARGINS.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

function writeBlock(doc: TDoc, block: TBlock, unit: string): void {
  if (block.type === 'project') {
    doc.moveDown(0.5);
    blockTitle(doc, `项目名称：${block.name}`);
    blockTitle(doc, `项目单位：${block.unitName}    项目当年预算：${displayAmount(block.amount, { unit })}${unit}`);
    block.blocks.forEach((leaf) => writeLeaf(doc, leaf, unit));
    return;
  }
  writeLeaf(doc, block, unit);
}

function writeLeaf(doc: TDoc, block: TLeafBlock, unit: string): void {
  switch (block.type) {
    case 'grid':
      blockTitle(doc, block.title);
      drawGrid(doc, sharedGrid(block, unit));
      return;
    case 'facts':
      blockTitle(doc, block.title);
      drawGrid(doc, factsGrid(block));
      return;
    case 'text':
      drawGrid(doc, { header: [], body: [[{ text: block.label, bold: true }, { text: block.text }]] });
      return;
    case 'indicators':
      blockTitle(doc, block.title);
      drawGrid(doc, indicatorsGrid(block));
      return;
  }
}
