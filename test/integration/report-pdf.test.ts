// The PDF report read back with poppler (pdftotext, pdfinfo): content, markup as literal text,
// metadata, bookmarks, page numbers, and no JavaScript or launch actions in the file; and its layout
// on every shipped example: one page size throughout, no group heading left at a page foot, the
// coverage matrix, a too-wide diagram followed by readable parts, empty models said plainly.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReport } from '../../core/report/build';
import { loadReportCatalog } from '../../core/host/report/catalog';
import { writeReportPdf } from '../../core/host/pdf/write-pdf';
import { analyzeForReport } from '../../core/host/report/analysis';
import { loadModelText } from '../../core/model/load';
import { createEmptyModel } from '../../core/model/schema';
import { makeReportFixture, MARKUP_LABEL } from './report-fixture';

const dataDir = path.resolve(__dirname, '../../data');
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function renderFixture(count: number) {
  const { model, analysis } = makeReportFixture(count);
  const { lookup } = loadReportCatalog(dataDir);
  const report = buildReport(model, analysis, lookup, { generatedAt: '2026-11-22', generator: 'Mercator test' });
  const progress: Array<[number, string]> = [];
  const pdf = await writeReportPdf(report, { onProgress: (f, s) => progress.push([f, s]) });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-pdf-'));
  const file = path.join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return { pdf, file, progress, report };
}

const examplesDir = path.resolve(__dirname, '../../examples');

async function renderModel(text: string, name: string) {
  const loaded = loadModelText(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const analysis = await analyzeForReport(loaded.model, { dataDir });
  const report = buildReport(loaded.model, analysis, loadReportCatalog(dataDir).lookup, { generatedAt: '2026-11-22', generator: 'Mercator test' });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-pdf-')), `${name}.pdf`);
  writeFileSync(file, await writeReportPdf(report));
  return file;
}

/** Each page's text (pdftotext -layout), footer line removed, blank lines dropped. */
function pages(file: string): string[][] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.split('\n').map((l) => l.trim()).filter((l) => l && !/Page \d+ of \d+$/.test(l)));
}

function pageSizes(file: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [m[1], m[2]].sort().join('x'));
}

describe.runIf(hasPoppler)('PDF report', () => {
  it('reads back with titles, ids, decisions and markup as literal text', async () => {
    const { file, progress, report } = await renderFixture(12);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Report fixture <model>');
    for (const heading of ['Contents', 'Executive summary', 'Architecture', 'Components', 'Threat register', 'Mitigation plan', 'ATLAS coverage', 'Accepted and transferred risks', 'Appendix: catalog entries cited']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('AML.T0051.000');
    expect(text).toContain('AML.T0054');
    expect(text).toContain('LLM01:2025');
    expect(text).toContain('ML02:2023');
    expect(text).toContain('AML.M0015');
    expect(text).toContain('Decided in review #0: <i>risk</i> owner agreed');
    // The cover names the model's version; accepted and transferred risks show their due date and ticket.
    const cover = pages(file)[0]!.join('\n');
    expect(cover).toMatch(/Version\s+1\.3 <rc>/);
    expect(cover).toMatch(/Model date\s+2026-11-20/);
    const accepted = pages(file).find((lines) => lines[0] === 'Accepted and transferred risks')!.join('\n');
    expect(accepted).toContain('due 2027-05-15');
    expect(accepted).toContain('ticket SEC-102');
    expect(text.replace(/\s+/g, ' ')).toContain(MARKUP_LABEL);
    expect(text).toMatch(/Page 3 of \d+/);
    expect(progress.at(-1)).toEqual([1, 'done']);
    expect(progress.map(([f]) => f)).toEqual([...progress.map(([f]) => f)].sort((a, b) => a - b));
    expect(report.summary.findings).toBeGreaterThan(30);
  });

  it('has metadata and bookmarks and no scripts or launch actions', async () => {
    const { pdf, file } = await renderFixture(12);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Report fixture <model>/);
    expect(info).toMatch(/Author:\s+Ada, Grace/);
    expect(info).toMatch(/Creator:\s+Mercator/);
    expect(info).toMatch(/Keywords:\s+threat model, MITRE ATLAS/);
    expect(info).toMatch(/Subject:\s+Threat model report/);
    const raw = pdf.toString('latin1');
    for (const banned of ['/JavaScript', '/JS ', '/JS(', '/JS<', '/Launch', '/OpenAction', '/AA ', '/EmbeddedFile', '/SubmitForm']) expect(raw).not.toContain(banned);
    expect(raw).toContain('/Outlines');
    const outline = execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8' });
    expect(outline).toContain('s1');
  });

  it('keeps one page size and no group heading at a page foot on every example, and draws the coverage matrix', async () => {
    for (const f of readdirSync(examplesDir).filter((n) => n.endsWith('.mercator.json'))) {
      const file = await renderModel(readFileSync(path.join(examplesDir, f), 'utf8'), f);
      // A4 throughout (portrait, or landscape for the diagram and the matrix); no US Letter page.
      expect(new Set(pageSizes(file)), f).toEqual(new Set(['595.28x841.89']));
      const text = pages(file);
      for (const [i, lines] of text.entries()) {
        const last = lines.at(-1) ?? '';
        expect(/^(Component|Flow|Path): /.test(last), `${f} page ${i + 1} ends with the heading "${last}"`).toBe(false);
      }
      const matrix = text.find((lines) => lines[0] === 'ATLAS coverage');
      expect(matrix?.join(' '), f).toMatch(/Exposed, residual 12.19/);
    }
  });

  it('prints a diagram too wide to read on one page again in readable parts', async () => {
    const { file } = await renderFixture(12);
    const all = pages(file).flat().join('\n');
    expect(all).toMatch(/the \d+ numbered parts follow at a readable size/);
    expect(all).toContain('Architecture, part 1 of');
    expect(new Set(pageSizes(file))).toEqual(new Set(['595.28x841.89']));
  });

  it('says plainly when a model has nothing to show', async () => {
    const file = await renderModel(JSON.stringify(createEmptyModel('Empty <model>')), 'empty');
    const all = pages(file).flat().join('\n');
    for (const line of ['The model has no components.', 'No findings.', 'No finding names a mitigation.', 'No finding cites an ATLAS technique.', 'No catalog entry is cited.']) expect(all).toContain(line);
    expect(all).toContain('Empty <model>');
  });
});
