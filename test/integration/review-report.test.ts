// Reports of a reviewed model: the sign-off page and "Changes since the last review" in Markdown,
// HTML and PDF (read back with pdftotext; pages rendered with pdftoppm for a look), and a tampered
// baseline said plainly instead of a changes section.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReport } from '../../core/host/report/export';
import { loadModelBytes } from '../../core/model/load';
import type { Model } from '../../core/model/schema';
import { signOff } from '../../core/review/baseline';

const root = path.resolve(__dirname, '../..');
const dataDir = path.join(root, 'data');
const out = mkdtempSync(path.join(os.tmpdir(), 'mercator-review-report-'));
const load = (file: string): Model => {
  const r = loadModelBytes(readFileSync(path.join(root, 'test/fixtures/diff', file)));
  if (!r.ok) throw new Error(file);
  return r.model;
};
const reviewed = (() => {
  const before = signOff(
    { ...load('findings-new-resolved/old.mercator.json'), meta: { ...load('findings-new-resolved/old.mercator.json').meta, owner: 'Dana Reyes', reviewers: ['Sam Ito', 'Lee Park'] } },
    { findings: [] },
    { signedBy: ['Dana Reyes'], status: 'approved', at: '2026-12-01T10:00:00Z' },
  );
  const after = load('findings-new-resolved/new.mercator.json');
  return { ...after, meta: { ...after.meta, owner: 'Dana Reyes', reviewers: ['Sam Ito', 'Lee Park'], reviewStatus: 'in-review' as const }, baselines: before.baselines };
})();
const tampered: Model = {
  ...reviewed,
  baselines: reviewed.baselines.map((b) => ({ ...b, snapshot: { ...b.snapshot, meta: { ...(b.snapshot.meta as object), title: 'Renamed later' } } })),
};
const options = { dataDir, appVersion: 'test', generatedAt: '2026-12-02' };

describe('review sections in reports', () => {
  it('Markdown and HTML carry the sign-off and the changes since it', async () => {
    const md = String((await exportReport(reviewed, 'md', options)).data);
    expect(md).toContain('## Review and sign-off');
    expect(md).toMatch(/\| review-1 \| 2026-12-01 10:00:00 UTC \| Approved \| Dana Reyes \| Sam Ito, Lee Park \| verified/);
    expect(md).toContain('## Changes since the last review');
    expect(md).toContain('- added component agent "Refund agent"');
    expect(md).toMatch(/- new high Agent acts through powerful tools without human approval/);
    expect(md.indexOf('## Review and sign-off')).toBeLessThan(md.indexOf('## Components'));
    const html = String((await exportReport(reviewed, 'html', options)).data);
    expect(html).toContain('<h2 id="changes">Changes since the last review</h2>');
    expect(html).toContain('removed component crawler &quot;Article ingestion job&quot;');
    // A plain draft has neither section.
    const plain = String((await exportReport(load('unchanged/old.mercator.json'), 'md', options)).data);
    expect(plain).not.toContain('Review and sign-off');
  });

  it('a tampered baseline is flagged and no changes are shown against it', async () => {
    const md = String((await exportReport(tampered, 'md', options)).data);
    expect(md).toContain('**TAMPERED**');
    expect(md).toContain('does not verify, so no changes are shown against it');
    expect(md).not.toContain('added component agent');
  });

  it('the PDF has a sign-off page and a changes section (rendered for a look)', async () => {
    for (const [name, model] of [['reviewed', reviewed], ['tampered', tampered]] as const) {
      const pdf = (await exportReport(model, 'pdf', options)).data as Buffer;
      const file = path.join(out, `${name}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Review and sign-off');
      expect(text).toContain('Sam Ito, Lee Park');
      if (name === 'reviewed') {
        expect(text).toContain('Changes since the last review');
        expect(text).toContain('added component agent "Refund agent"');
        expect(text).toMatch(/verified\s/);
      } else {
        expect(text).toContain('TAMPERED');
        expect(text).toContain('does not verify');
      }
      // Pages 3–4 follow the cover, contents and summary: render them as PNG.
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '5', file, path.join(out, name)]);
    }
    console.log(`review report pages in ${out}`);
  });
});
