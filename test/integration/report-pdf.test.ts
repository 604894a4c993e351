// The PDF report read back with poppler (pdftotext, pdfinfo): content, markup as literal text,
// metadata, bookmarks, page numbers, and no JavaScript or launch actions in the file.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReport } from '../../core/report/build';
import { loadReportCatalog } from '../../core/host/report-catalog';
import { writeReportPdf } from '../../core/host/report-pdf';
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
});
