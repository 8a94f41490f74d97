/// <reference types="pdfkit" />
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the CLI and the benches compile this file under their own tsconfigs: fontkit's declaration comes with it
/// <reference path="./fontkit.d.ts" />
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

/**
 * The fonts every PDF embeds (as subsets): Noto Sans SC (思源黑体, SIL OFL 1.1) from the npm package
 * `@expo-google-fonts/noto-sans-sc`, a dependency of the API. Resolving it through the module system,
 * never through the host's font directories, makes a PDF the same on a laptop, in CI and in production.
 */
const PACKAGE = '@expo-google-fonts/noto-sans-sc';

/** Names under which the fonts are registered in a PDFKit document. */
export const FONT_REGULAR = 'cjk-regular';
export const FONT_BOLD = 'cjk-bold';

/** What PDFKit caches per face: a string's shaped glyph run, keyed by the string. */
type TLayoutCache = Record<string, unknown>;

interface TFace {
  name: string;
  font: Font;
  layouts: TLayoutCache;
}

/**
 * Past this many strings a face's cache starts afresh (documents already open keep the old one), so
 * that its memory stays bounded: the seed's disclosure shapes about 1 800 strings (some 5 MB with the
 * parsed fonts), and another department's shares most of its characters, headings and 科目 names.
 */
const MAX_CACHED_LAYOUTS = 10_000;

let faces: TFace[] | undefined;

/** The font files, read and parsed once per process (10 MB each; fontkit decodes only the tables it needs). */
function loadFaces(): TFace[] {
  if (!faces) {
    const dir = dirname(require.resolve(`${PACKAGE}/package.json`));
    const face = (name: string, file: string): TFace => ({ name, font: create(readFileSync(join(dir, file))), layouts: Object.create(null) as TLayoutCache });
    // Bold first: the order in which a document meets its fonts names them (F2, F3) in the file.
    faces = [face(FONT_BOLD, join('700Bold', 'NotoSansSC_700Bold.ttf')), face(FONT_REGULAR, join('400Regular', 'NotoSansSC_400Regular.ttf'))];
  }
  return faces;
}

/** The PDFKit font object behind the document's current font: only its layout cache is touched. */
interface TCurrentFont {
  _font: { layoutCache?: TLayoutCache };
}

/**
 * Registers both faces in `doc` and hands each the process's cache of shaped strings. PDFKit shapes
 * (fontkit's layout: cmap, GSUB, GPOS) every string it measures or draws and caches the run per
 * document only; text layout was most of a render, and most of it was shaping again what the
 * previous document had shaped: the same 科目 names, headings, amounts and characters. A run
 * depends only on the face and the string, so sharing the cache gives the same glyphs, positions
 * and file; each document still subsets the glyphs it uses.
 */
export function registerCjkFonts(doc: PDFKit.PDFDocument): void {
  for (const face of loadFaces()) {
    if (Object.keys(face.layouts).length > MAX_CACHED_LAYOUTS) face.layouts = Object.create(null) as TLayoutCache;
    // PDFKit (0.20) takes a parsed fontkit font as well as a file; its types list files only.
    doc.registerFont(face.name, face.font as unknown as Buffer);
    doc.font(face.name);
    const current = (doc as unknown as TCurrentFont)._font;
    if (current.layoutCache !== undefined) current.layoutCache = face.layouts;
  }
}
