// The PDF report (pdfkit, Node-only): cover, table of contents, executive summary with the
// likelihood × impact matrix, the diagram as vectors, inventory, threat register, mitigation plan,
// ATLAS coverage, accepted risks and the appendix of cited catalog entries. Bookmarks, page numbers
// and document metadata; no JavaScript, no actions other than internal and https links.
import { ScriptDocument } from './script-doc';
import { FontSet, findFontsDir } from '../fonts/font-set';
import type { ReportData } from '../../report/types';
import { severityLabel, statusLabel } from '../../report/escape';
import { FONT, MARGINS, PAGE, bottom, contentWidth, drawTable, ensureSpace, newPage, pdfText, type Doc } from './kit';
import { drawDiagram, drawTileFrames, fitScale } from './diagram';
import { diagramTiles } from './tiles';
import { drawEntry, measureEntry } from './entry';
import { drawCounts, drawHeatmap } from './summary';
import { drawCoverageMatrix } from './coverage';
import { writeReviewPages } from './review';
import { writeEvidence, writeFlows, writeRedTeam, writeScope, type SectionWriter } from './sections';
import type { Logo } from './logo';

export type ProgressCallback = (fraction: number, stage: string) => void;

export interface PdfOptions {
  onProgress?: ProgressCallback;
  /** Where the fonts are (default: dist/renderer/fonts above the working folder). */
  fontsDir?: string;
  /** A logo for the cover (checked by ./logo.ts). */
  logo?: Logo;
}

interface Section {
  title: string;
  dest: string;
  page: number;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

class ReportPdf implements SectionWriter {
  readonly doc: Doc;
  readonly sections: Section[] = [];
  private lastYield = Date.now();

  constructor(
    private readonly report: ReportData,
    private readonly progress: ProgressCallback,
    fonts: FontSet,
    private readonly logo?: Logo,
  ) {
    const c = report.cover;
    this.doc = new ScriptDocument(fonts, {
      size: PAGE.size,
      margins: MARGINS,
      bufferPages: true,
      autoFirstPage: false,
      displayTitle: true,
      lang: 'en',
      info: {
        Title: pdfText(c.title, 200),
        Author: pdfText(c.authors.join(', ') || 'Unknown', 500),
        Subject: 'Threat model report (MITRE ATLAS, OWASP)',
        Keywords: ['threat model', 'MITRE ATLAS', 'OWASP', 'AI security', ...c.tags].map((t) => pdfText(t, 60)).join(', '),
        Creator: 'Mercator',
        Producer: pdfText(c.generator, 100),
      },
    });
  }

  /** Lets the event loop breathe (progress events, other requests) about every 50 ms. */
  async tick(fraction: number, stage: string) {
    this.progress(Math.min(1, fraction), stage);
    if (Date.now() - this.lastYield > 50) {
      await yieldToLoop();
      this.lastYield = Date.now();
    }
  }

  section(title: string, options: { landscape?: boolean } = {}) {
    const doc = this.doc;
    newPage(doc, options.landscape ? 'landscape' : 'portrait');
    const dest = `s${this.sections.length + 1}`;
    doc.addNamedDestination(dest);
    doc.outline.addItem(title);
    this.sections.push({ title, dest, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count });
    doc.font(FONT.bold).fontSize(18).fillColor('#1a237e').text(title);
    doc.moveTo(doc.page.margins.left, doc.y + 2).lineTo(doc.page.width - doc.page.margins.right, doc.y + 2).lineWidth(1.5).strokeColor('#1a73e8').stroke();
    doc.moveDown(0.8).fillColor('#000').font(FONT.regular).fontSize(10);
  }

  bookmark(title: string) {
    const root = this.doc.outline.children[this.doc.outline.children.length - 1];
    root?.addItem(title);
  }

  /** A heading kept on one page with at least `keep` points of what follows it. */
  heading(text: string, size = 12, keep = 60) {
    ensureSpace(this.doc, size * 1.6 + keep);
    this.doc.font(FONT.bold).fontSize(size).fillColor('#1a237e').text(pdfText(text, 300)).moveDown(0.3).fillColor('#000').font(FONT.regular).fontSize(9);
  }

  para(text: string, size = 9) {
    this.doc.font(FONT.regular).fontSize(size).text(pdfText(text)).moveDown(0.4);
  }

  cover() {
    const doc = this.doc;
    const c = this.report.cover;
    newPage(doc);
    doc.rect(0, 0, doc.page.width, 10).fill('#1a73e8').fillColor('#000');
    if (this.logo) doc.image(Buffer.from(this.logo.data), doc.page.margins.left, 60, { fit: [160, 90] });
    doc.y = 200;
    doc.font(FONT.regular).fontSize(12).fillColor('#5f6368').text('Threat model report');
    doc.moveDown(0.5).font(FONT.bold).fontSize(28).fillColor('#1a237e').text(pdfText(c.title, 200));
    doc.moveDown(1).font(FONT.regular).fontSize(11).fillColor('#000');
    const rows: Array<[string, string]> = [
      ['Version', c.version || 'not recorded in the model'],
      ['Model date', c.modelDate || 'not recorded in the model'],
      ['Report generated', c.generatedAt || '—'],
      ['Authors', c.authors.join(', ') || '—'],
      ...(c.owner ? [['Owner', c.owner] as [string, string]] : []),
      ['Reviewers', c.reviewers.join(', ') || '—'],
      ['Review status', c.reviewStatus === 'in-review' ? 'in review' : c.reviewStatus],
      ...(c.classification ? [['Classification', c.classification] as [string, string]] : []),
      ['Catalog', `${c.catalogVersion}; OWASP Top 10 for LLM Applications 2025; OWASP ML Security Top 10 2023`],
      ['Generated by', c.generator],
    ];
    // Label and value columns, so a long value wraps under itself.
    const left = doc.page.margins.left;
    for (const [k, v] of rows) {
      const y = doc.y;
      doc.font(FONT.bold).fillColor('#5f6368').text(k, left, y, { width: 115, lineBreak: false });
      doc.font(FONT.regular).fillColor('#000').text(pdfText(v, 1000), left + 120, y, { width: contentWidth(doc) - 120 });
      doc.y += 3;
    }
    doc.x = left;
    if (c.description) doc.moveDown(1).fontSize(10).fillColor('#333').text(pdfText(c.description, 3000), left, doc.y, { width: contentWidth(doc), height: bottom(doc) - doc.y - 20, ellipsis: true });
    doc.fillColor('#000');
  }

  tocPlaceholder() {
    newPage(this.doc);
    this.doc.outline.addItem('Contents');
  }

  fillToc() {
    const doc = this.doc;
    doc.switchToPage(1);
    doc.x = doc.page.margins.left;
    doc.y = doc.page.margins.top;
    doc.font(FONT.bold).fontSize(18).fillColor('#1a237e').text('Contents').moveDown(1);
    doc.font(FONT.regular).fontSize(11).fillColor('#000');
    const width = contentWidth(doc);
    for (const s of this.sections) {
      const y = doc.y;
      doc.text(s.title, doc.page.margins.left, y, { width: width - 40, goTo: s.dest, lineBreak: false });
      doc.text(String(s.page), doc.page.margins.left + width - 40, y, { width: 40, align: 'right', goTo: s.dest, lineBreak: false });
      doc.y = y + 20;
    }
  }

  summary() {
    const { summary } = this.report;
    const doc = this.doc;
    this.section('Executive summary');
    this.para(this.report.narrative.summary.join(' '), 10);
    this.para('Scores are likelihood × impact (1–25); the residual score counts the controls already present.', 8.5);
    drawCounts(doc, summary);
    this.heading('Likelihood × impact (findings at their residual score)', 12, 190);
    drawHeatmap(doc, summary.matrix);
    this.heading('Top risks');
    if (summary.findings === 0) this.para('No findings.');
    else if (summary.topRisks.length === 0) this.para('No open risk: every finding is mitigated, accepted, transferred or not applicable.');
    else
      drawTable(
        doc,
        [{ header: 'Ref', width: 0.08 }, { header: 'Finding', width: 0.42 }, { header: 'Subject', width: 0.25 }, { header: 'Residual', width: 0.13 }, { header: 'Status', width: 0.12 }],
        summary.topRisks.map((e) => [e.ref, e.title, e.subject.label, `${e.residual.score} ${severityLabel(e.residual.severity)}`, statusLabel(e.status)]),
      );
  }

  diagram() {
    this.section('Architecture', { landscape: true });
    const doc = this.doc;
    const d = this.report.diagram;
    if (d.nodes.length === 0) {
      this.para('The model has no components.');
      return;
    }
    const box = { x: doc.page.margins.left, y: doc.y, width: contentWidth(doc), height: bottom(doc) - doc.y - 24 };
    const tileBox = { width: box.width, height: bottom(doc) - doc.page.margins.top - 18 };
    const tiles = diagramTiles(d, tileBox, fitScale(d, box));
    const used = drawDiagram(doc, d, box);
    if (tiles.length > 0) drawTileFrames(doc, d, box, tiles);
    const parts = tiles.length > 0 ? ` Too small to read whole: the ${tiles.length} numbered parts follow at a readable size.` : '';
    doc.font(FONT.regular).fontSize(7.5).fillColor('#5f6368');
    doc.text(`${d.nodes.length} components, ${d.edges.length} data flows, ${d.zones.length} trust zones. Dashed boxes are trust zones; arrows are data flows, labelled with what they carry; red numbers are the findings about each component or flow (threat register).${parts}`, box.x, box.y + used + 4, { width: box.width });
    doc.fillColor('#000');
    // Parts follow one another down the page: a wide, flat drawing gets several strips per page.
    let y = Infinity;
    tiles.forEach((t, i) => {
      const height = t.height * t.scale;
      if (y + 18 + height > bottom(doc)) {
        newPage(doc, 'landscape');
        y = doc.page.margins.top;
      }
      doc.font(FONT.bold).fontSize(10).fillColor('#1a237e').text(`Architecture, part ${i + 1} of ${tiles.length}`, doc.page.margins.left, y, { lineBreak: false });
      doc.fillColor('#000');
      drawDiagram(doc, d, { x: doc.page.margins.left, y: y + 18, width: tileBox.width, height }, { scale: t.scale, x: t.x, y: t.y });
      y += 18 + height + 12;
    });
  }

  async inventory() {
    this.section('Components');
    const rows = this.report.inventory.map((c) => [
      c.label,
      c.kindLabel,
      c.zone,
      c.facts.map((f) => `${f.name}: ${f.value}`).join('\n'),
      c.controls.filter((x) => x.present).map((x) => x.label).join('\n'),
      String(c.findings),
    ]);
    if (rows.length === 0) this.para('The model has no components.');
    else
      drawTable(
      this.doc,
      [{ header: 'Component', width: 0.18 }, { header: 'Kind', width: 0.12 }, { header: 'Zone', width: 0.13 }, { header: 'Facts', width: 0.25 }, { header: 'Controls present', width: 0.22 }, { header: 'Findings', width: 0.1, align: 'right' }],
      rows,
    );
    await this.tick(0.3, 'components');
  }

  async register() {
    this.section('Threat register');
    const doc = this.doc;
    const groups = this.report.register;
    const root = doc.outline.children[doc.outline.children.length - 1];
    const total = Math.max(1, this.report.summary.findings);
    let done = 0;
    if (groups.length === 0) this.para('No findings.');
    for (const g of groups) {
      const kind = g.subject.type === 'flow' ? 'Flow' : g.subject.type === 'path' ? 'Path' : 'Component';
      // The group heading goes with its first finding (checked before the bookmark points here).
      const first = g.entries[0] ? measureEntry(doc, g.entries[0]) : 0;
      ensureSpace(doc, 24 + first);
      root?.addItem(pdfText(`${kind}: ${g.subject.label}`, 120));
      this.heading(`${kind}: ${g.subject.label}`, 11, 0);
      for (const e of g.entries) {
        drawEntry(doc, e);
        done++;
      }
      await this.tick(0.3 + 0.45 * (done / total), 'threat register');
    }
  }

  plan() {
    this.section('Mitigation plan');
    if (this.report.plan.length === 0) {
      this.para('No finding names a mitigation.');
      return;
    }
    this.para('Each control once, with where it applies, whether it is in place, and the findings it closes or lowers.');
    drawTable(
      this.doc,
      [{ header: 'Control', width: 0.17 }, { header: 'Status', width: 0.11 }, { header: 'ATLAS mitigations', width: 0.24 }, { header: 'Where', width: 0.26 }, { header: 'Findings', width: 0.22 }],
      this.report.plan.map((p) => [
        p.controlLabel,
        p.status,
        p.atlas.map((a) => `${a.id} ${a.name}`).join('\n'),
        p.targets.map((t) => `${t.label}${t.present ? ' (present)' : ''}`).join('; '),
        p.findings.join(', '),
      ]),
    );
  }

  coverage() {
    this.section('ATLAS coverage', { landscape: true });
    const doc = this.doc;
    const coverage = this.report.coverage;
    if (coverage.length === 0) {
      this.para('No finding cites an ATLAS technique.');
      return;
    }
    this.para('The ATLAS techniques this model\'s findings cite, under each tactic they serve: exposed (some finding unresolved), accepted (only accepted or transferred findings left) or mitigated.');
    drawCoverageMatrix(doc, coverage);
    newPage(doc);
    this.heading('ATLAS coverage: techniques by tactic');
    drawTable(
      doc,
      [{ header: 'Tactic', width: 0.2 }, { header: 'Technique', width: 0.45 }, { header: 'Findings', width: 0.1, align: 'right' }, { header: 'Max residual', width: 0.12, align: 'right' }, { header: 'State', width: 0.13 }],
      coverage.flatMap((t) => t.techniques.map((x, i) => [i === 0 ? t.name : '', `${x.id} ${x.name}`, String(x.findings), String(x.maxResidual), x.state])),
      { groupColumn: 0 },
    );
  }

  accepted() {
    this.section('Accepted and transferred risks');
    const r = this.report;
    if (r.accepted.length === 0) this.para('No risk was accepted or transferred.');
    else
      drawTable(
        this.doc,
        [{ header: 'Ref', width: 0.07 }, { header: 'Finding', width: 0.26 }, { header: 'Residual', width: 0.1 }, { header: 'Status', width: 0.1 }, { header: 'Owner, due, ticket', width: 0.16 }, { header: 'Rationale', width: 0.31 }],
        r.accepted.map((e) => [
          e.ref,
          `${e.title} (${e.subject.label})`,
          `${e.residual.score} ${severityLabel(e.residual.severity)}`,
          statusLabel(e.status),
          [e.owner, e.due && `due ${e.due}`, e.ticket && `ticket ${e.ticket}`].filter(Boolean).join('\n'),
          e.rationale || '(no rationale recorded)',
        ]),
        { maxCell: 2000 },
      );
    if (r.stale.length) {
      this.heading('Decisions whose finding no longer appears');
      drawTable(this.doc, [{ header: 'Finding key', width: 0.4 }, { header: 'Status', width: 0.15 }, { header: 'Rationale', width: 0.45 }], r.stale.map((s) => [s.key, statusLabel(s.status), s.rationale]));
    }
  }

  appendix() {
    this.section('Appendix: catalog entries cited');
    const doc = this.doc;
    const parts = [
      ['ATLAS tactics', this.report.appendix.tactics],
      ['ATLAS techniques', this.report.appendix.techniques],
      ['ATLAS mitigations', this.report.appendix.mitigations],
      ['OWASP', this.report.appendix.owasp],
    ] as const;
    if (parts.every(([, refs]) => refs.length === 0)) this.para('No catalog entry is cited.');
    for (const [title, refs] of parts) {
      if (refs.length === 0) continue;
      this.heading(title, 11);
      for (const r of refs) {
        ensureSpace(doc, 24);
        doc.font(FONT.bold).fontSize(8.5).fillColor('#000').text(pdfText(`${r.id}  ${r.name}`, 300));
        if (r.url && /^https:\/\//.test(r.url)) doc.font(FONT.regular).fontSize(7.5).fillColor('#1a73e8').text(pdfText(r.url, 300), { link: r.url, underline: false });
        doc.fillColor('#000').moveDown(0.2);
      }
    }
  }

  footers() {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const title = pdfText(this.report.cover.title, 80);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      if (i === 0) {
        // The cover carries the marking too, top and bottom.
        const mark = this.report.cover.classification;
        if (mark) {
          const savedBottom = doc.page.margins.bottom;
          doc.page.margins.bottom = 0;
          doc.font(FONT.bold).fontSize(9).fillColor('#b71c1c');
          doc.text(pdfText(mark, 64), doc.page.margins.left, 18, { width: contentWidth(doc), align: 'center', lineBreak: false });
          doc.text(pdfText(mark, 64), doc.page.margins.left, doc.page.height - 30, { width: contentWidth(doc), align: 'center', lineBreak: false });
          doc.page.margins.bottom = savedBottom;
        }
        continue;
      }
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - PAGE.margin + 8;
      const mark = this.report.cover.classification;
      if (mark) {
        doc.font(FONT.bold).fontSize(8).fillColor('#b71c1c');
        doc.text(pdfText(mark, 64), doc.page.margins.left, PAGE.margin / 2 - 4, { width: contentWidth(doc), align: 'center', lineBreak: false });
        doc.text(pdfText(mark, 64), doc.page.margins.left, y + 10, { width: contentWidth(doc), align: 'center', lineBreak: false });
      }
      doc.font(FONT.regular).fontSize(7.5).fillColor('#5f6368');
      doc.text(title, doc.page.margins.left, y, { width: contentWidth(doc) - 80, lineBreak: false, ellipsis: true, height: 10 });
      doc.text(`Page ${i + 1} of ${range.count}`, doc.page.width - doc.page.margins.right - 80, y, { width: 80, align: 'right', lineBreak: false });
      doc.page.margins.bottom = savedBottom;
    }
  }
}

/** Renders the report to PDF bytes. */
export async function writeReportPdf(report: ReportData, options: PdfOptions = {}): Promise<Buffer> {
  const progress = options.onProgress ?? (() => {});
  const pdf = new ReportPdf(report, progress, new FontSet(options.fontsDir ?? findFontsDir()), options.logo);
  const chunks: Buffer[] = [];
  pdf.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.doc.on('end', () => resolve());
    pdf.doc.on('error', reject);
  });
  progress(0, 'cover');
  pdf.cover();
  pdf.tocPlaceholder();
  const want = new Set(report.sections);
  if (want.has('summary')) pdf.summary();
  if (report.review) writeReviewPages(pdf, report.review);
  if (want.has('scope')) writeScope(pdf, report);
  await pdf.tick(0.1, 'diagram');
  if (want.has('diagram')) pdf.diagram();
  if (want.has('flows')) writeFlows(pdf, report);
  await pdf.tick(0.2, 'components');
  if (want.has('inventory')) await pdf.inventory();
  if (want.has('register')) await pdf.register();
  await pdf.tick(0.8, 'mitigation plan');
  if (want.has('plan')) pdf.plan();
  if (want.has('evidence')) writeEvidence(pdf, report);
  if (want.has('coverage')) pdf.coverage();
  await pdf.tick(0.88, 'accepted risks');
  if (want.has('accepted')) pdf.accepted();
  if (want.has('redteam')) writeRedTeam(pdf, report);
  await pdf.tick(0.93, 'appendix');
  if (want.has('appendix')) pdf.appendix();
  await pdf.tick(0.95, 'page numbers');
  pdf.fillToc();
  pdf.footers();
  pdf.doc.end();
  await ended;
  progress(1, 'done');
  return Buffer.concat(chunks);
}
