// The workshop minutes as a PDF: a small writer of its own (title, then each section's lines and
// tables), apart from the report writer; in the report's fonts, so every script prints.
import { ScriptDocument } from './script-doc';
import { FontSet, findFontsDir } from '../fonts/font-set';
import { minutesOutline, type Minutes } from '../../room/minutes';
import { FONT, MARGINS, PAGE, drawTable, ensureSpace, newPage, pdfText } from './kit';

/** `fontsDir`: where the report fonts are (default: dist/renderer/fonts above the working folder). */
export async function writeMinutesPdf(m: Minutes, fontsDir?: string): Promise<Buffer> {
  const doc = new ScriptDocument(new FontSet(fontsDir ?? findFontsDir()), {
    size: PAGE.size,
    margins: MARGINS,
    autoFirstPage: false,
    displayTitle: true,
    lang: 'en',
    info: { Title: pdfText(`Minutes: ${m.title}`, 200), Subject: 'Review workshop minutes', Creator: 'Mercator' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  newPage(doc);
  doc.font(FONT.bold).fontSize(18).text(pdfText(`Minutes: ${m.title}`, 300));
  for (const section of minutesOutline(m)) {
    ensureSpace(doc, 60);
    doc.moveDown(0.8).font(FONT.bold).fontSize(13).text(section.heading, doc.page.margins.left);
    doc.moveDown(0.3).font(FONT.regular).fontSize(10);
    for (const line of section.lines ?? []) doc.text(pdfText(line.replace(/^- /, '• ')));
    if (section.table) {
      if (section.table.rows.length === 0) doc.text('None.');
      else {
        const width = 1 / section.table.columns.length;
        drawTable(doc, section.table.columns.map((header) => ({ header, width })), section.table.rows.map((r) => r.map((c) => pdfText(c))), { fontSize: 9 });
      }
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
