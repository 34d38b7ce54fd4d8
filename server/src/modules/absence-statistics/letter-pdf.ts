import { existsSync } from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';

// Renders pdfmake documents with DejaVu Sans embedded (never the standard-14 fonts, which carry no
// glyph data and break PDF/A and some viewers' umlauts). The fonts come from the npm package
// dejavu-fonts-ttf (a dependency of the server), else from Debian's fonts-dejavu-core.

const FONT = 'DejaVuSans';
const FONT_FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italics: 'DejaVuSans-Oblique.ttf', bolditalics: 'DejaVuSans-BoldOblique.ttf' };
const SYSTEM_FONT_DIRECTORY = '/usr/share/fonts/truetype/dejavu';

function packageFontDirectory(): string | null {
  try {
    return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  } catch {
    return null;
  }
}

let fontDirectory: string | null | undefined;

/** The folder with the four DejaVu Sans files, or null when neither source is installed. */
export function letterFontDirectory(): string | null {
  fontDirectory ??= [packageFontDirectory(), SYSTEM_FONT_DIRECTORY]
    .find((folder) => folder !== null && Object.values(FONT_FILES).every((file) => existsSync(path.join(folder, file)))) ?? null;
  return fontDirectory;
}

/** Renders a document definition to PDF bytes with the embedded font. */
export async function renderPdf(documentDefinition: Record<string, unknown>): Promise<Buffer> {
  const folder = letterFontDirectory();
  if (!folder) throw new Error(`No DejaVu Sans fonts: install the npm package dejavu-fonts-ttf or the Debian package fonts-dejavu-core (${SYSTEM_FONT_DIRECTORY})`);
  const files = Object.fromEntries(Object.entries(FONT_FILES).map(([style, file]) => [style, path.join(folder, file)])) as typeof FONT_FILES;
  const allowed = new Set(Object.values(files));
  // pdfmake is one configured object for the whole process: set what this document needs each time.
  pdfmake.setFonts({ [FONT]: { ...files } });
  pdfmake.setUrlAccessPolicy(() => false);
  // Only the font files; pdfkit also asks about built-in font names (no path), which load nothing from disk.
  pdfmake.setLocalAccessPolicy((file) => allowed.has(file) || !file.includes(path.sep));
  const defaultStyle = { ...(documentDefinition.defaultStyle as object | undefined), font: FONT };
  return pdfmake.createPdf({ ...documentDefinition, defaultStyle }).getBuffer();
}
