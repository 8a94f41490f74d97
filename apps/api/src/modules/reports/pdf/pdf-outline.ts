/// <reference types="pdfkit" />
import { FONT_BOLD, FONT_REGULAR } from './cjk-fonts';

/** A heading of the disclosure, with the page it starts on, for the contents and the bookmarks. */
export interface THeading {
  title: string;
  level: 0 | 1;
  page: number;
}

const LINE_HEIGHT = 20;

export function contentsPagesNeeded(doc: PDFKit.PDFDocument, entries: number): number {
  const room = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 60;
  return Math.max(1, Math.ceil((entries * LINE_HEIGHT) / room));
}

/**
 * Writes 目录 on the pages reserved for it (`first` … ), each entry with dotted leaders and the page
 * number as printed in the footers (`pageLabel`), and adds the same headings as PDF bookmarks.
 */
export function writeContents(
  doc: PDFKit.PDFDocument,
  first: number,
  headings: THeading[],
  pageLabel: (pageIndex: number) => string,
): void {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  let pageIndex = first;
  doc.switchToPage(pageIndex);
  doc.font(FONT_BOLD).fontSize(18).text('目  录', left, doc.page.margins.top, { align: 'center', width: right - left });
  let y = doc.page.margins.top + 50;
  const bottom = doc.page.height - doc.page.margins.bottom;
  const parents: PDFKit.PDFOutline[] = [];
  for (const heading of headings) {
    if (y + LINE_HEIGHT > bottom) {
      pageIndex += 1;
      doc.switchToPage(pageIndex);
      y = doc.page.margins.top;
    }
    const indent = heading.level === 0 ? 0 : 24;
    const label = pageLabel(heading.page);
    doc.font(heading.level === 0 ? FONT_BOLD : FONT_REGULAR).fontSize(heading.level === 0 ? 12 : 11);
    const titleWidth = doc.widthOfString(heading.title);
    const labelWidth = doc.widthOfString(label);
    doc.text(heading.title, left + indent, y, { lineBreak: false });
    doc.text(label, right - labelWidth, y, { lineBreak: false });
    const dotsFrom = left + indent + titleWidth + 6;
    const dotsTo = right - labelWidth - 6;
    if (dotsTo > dotsFrom) {
      doc.save().lineWidth(0.6).dash(0.6, { space: 2.4 }).moveTo(dotsFrom, y + 10).lineTo(dotsTo, y + 10).stroke().undash().restore();
    }
    y += LINE_HEIGHT;
  }
  for (const heading of headings) {
    doc.switchToPage(heading.page);
    if (heading.level === 0) parents.push(doc.outline.addItem(heading.title));
    else (parents[parents.length - 1] ?? doc.outline).addItem(heading.title);
  }
}

/** Page numbers centred in the footer of every page from `first` on, counted from 1 there. */
export function writePageNumbers(doc: PDFKit.PDFDocument, first: number, pageLabel: (pageIndex: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = first; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would make PDFKit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT_REGULAR)
      .fontSize(9)
      .text(`— ${pageLabel(i)} —`, doc.page.margins.left, doc.page.height - bottomMargin / 2 - 5, {
        align: 'center',
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}
