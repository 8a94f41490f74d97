/** fontkit ships no types: the one call the PDF renderer makes, parsing a font file once per process. */
declare module 'fontkit' {
  /** A parsed font; opaque here, handed to PDFKit in place of the file. */
  export interface Font {
    readonly postscriptName: string;
  }
  export function create(buffer: Buffer): Font;
}
