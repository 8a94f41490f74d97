import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The fonts every PDF embeds (as subsets): Noto Sans SC (思源黑体, SIL OFL 1.1) from the npm package
 * `@expo-google-fonts/noto-sans-sc`, a dependency of the API. Resolving it through the module system,
 * never through the host's font directories, makes a PDF the same on a laptop, in CI and in production.
 */
const PACKAGE = '@expo-google-fonts/noto-sans-sc';

export interface TCjkFonts {
  regular: Buffer;
  bold: Buffer;
}

let loaded: TCjkFonts | undefined;

/** The font files, read once per process (10 MB each; fontkit parses only the tables it needs). */
export function cjkFonts(): TCjkFonts {
  if (!loaded) {
    const dir = dirname(require.resolve(`${PACKAGE}/package.json`));
    loaded = {
      regular: readFileSync(join(dir, '400Regular', 'NotoSansSC_400Regular.ttf')),
      bold: readFileSync(join(dir, '700Bold', 'NotoSansSC_700Bold.ttf')),
    };
  }
  return loaded;
}

/** Names under which the fonts are registered in a PDFKit document. */
export const FONT_REGULAR = 'cjk-regular';
export const FONT_BOLD = 'cjk-bold';
