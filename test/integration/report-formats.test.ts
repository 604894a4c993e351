// The text exports read back: HTML (no scripts, markup escaped), Markdown, CSV (parsed back, formula
// cells neutralised), JSON, SARIF 2.1.0 (a focused schema of the required parts) and the ATLAS
// Navigator layer (layer format 4.5 fields, compared with ATLAS's own layers when present).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildReport } from '../../core/report/build';
import { loadReportCatalog } from '../../core/host/report/catalog';
import { writeHtml } from '../../core/report/write-html';
import { writeCoverageMatrixHtml, writeHeatmapHtml } from '../../core/report/write-html-figures';
import { coverageBand, heatSeverity } from '../../core/report/palette';
import { writeMarkdown } from '../../core/report/write-markdown';
import { CSV_COLUMNS, writeRegisterCsv } from '../../core/report/write-csv';
import { writeFindingsJson } from '../../core/report/write-json';
import { writeSarif } from '../../core/report/write-sarif';
import { writeNavigatorLayer } from '../../core/report/write-navigator';
import { analyzeForReport } from '../../core/host/report/analysis';
import { loadModelText } from '../../core/model/load';
import { createEmptyModel } from '../../core/model/schema';
import { FORMULA_OWNER, MARKUP_LABEL, makeReportFixture } from './report-fixture';

const dataDir = path.resolve(__dirname, '../../data');
const { lookup } = loadReportCatalog(dataDir);
const { model, analysis } = makeReportFixture(12);
const report = buildReport(model, analysis, lookup, { generatedAt: '2026-11-22', generator: 'Mercator test' });

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('report model', () => {
  it('counts, matrix, register groups, plan, coverage, accepted risks and appendix agree', () => {
    expect(report.summary.findings).toBe(analysis.findings.length);
    expect(Object.values(report.summary.bySeverity).reduce((a, b) => a + b, 0)).toBe(analysis.findings.length);
    // The heatmap counts every finding of the register, as the app's risk view does (core/report/heatmap.ts).
    expect(report.summary.matrix.flat().reduce((a, b) => a + b, 0)).toBe(analysis.findings.length);
    expect(report.register.flatMap((g) => g.entries)).toHaveLength(analysis.findings.length);
    expect(report.accepted.map((e) => e.status).sort()).toEqual(['accepted', 'accepted', 'transferred', 'transferred']);
    expect(report.plan.find((p) => p.control === 'inputValidation')!.status).toBe('not in place');
    expect(report.plan.find((p) => p.control === 'authentication')!.status).toBe('partly in place');
    expect(report.coverage.map((t) => t.id)).toContain('AML.TA0005');
    expect(report.appendix.techniques.find((t) => t.id === 'AML.T0054')!.url).toBe('https://atlas.mitre.org/techniques/AML.T0054');
    expect(report.appendix.owasp.find((o) => o.id === 'LLM01:2025')!.name).toBe('Prompt Injection');
    expect(report.diagram.nodes).toHaveLength(12);
    expect(report.stale).toHaveLength(1);
  });
});

describe('threat register groups', () => {
  it('puts two paths that end at one component under two headings, each naming its own path', async () => {
    const loaded = loadModelText(readFileSync(path.resolve(__dirname, '../../examples/fine-tuning-pipeline.mercator.json'), 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const r = buildReport(loaded.model, await analyzeForReport(loaded.model, { dataDir }), lookup);
    for (const g of r.register) for (const e of g.entries) expect(e.subject, g.subject.label).toEqual(g.subject);
    const intoTraining = r.register.filter((g) => g.subject.type === 'path' && g.subject.id === 'train').map((g) => g.subject.label);
    expect(intoTraining.length).toBeGreaterThanOrEqual(2);
    expect(new Set(intoTraining).size).toBe(intoTraining.length);
  });
});

describe('HTML and Markdown', () => {
  it('HTML is standalone, has no script and escapes all user markup', () => {
    const html = writeHtml(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<link|<iframe|javascript:/i);
    expect(html).toContain('AML.T0051.000');
    expect(html).toContain('LLM01:2025');
  });

  it('HTML puts the model version, date and authors under the title, escaped', () => {
    const html = writeHtml(report);
    expect(html).toContain('<dt>Version</dt><dd>1.3 &lt;rc&gt;</dd>');
    expect(html).toContain('<dt>Model date</dt><dd>2026-11-20</dd>');
    expect(html).toContain('<dt>Authors</dt><dd>Ada, Grace</dd>');
    const unversioned = writeHtml({ ...report, cover: { ...report.cover, version: '' } });
    expect(unversioned).not.toContain('<dt>Version</dt>');
  });

  it('HTML draws the heatmap as a coloured 5 × 5 grid with faint zeros and a legend, styled only by its own <style>', () => {
    const html = writeHtml(report);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toContain('Likelihood \\ Impact');
    const grid = writeHeatmapHtml(report.summary.matrix);
    const rows = [...grid.matchAll(/<tr><th scope="row">(\d)<\/th>(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(['5', '4', '3', '2', '1']);
    for (const [, l, cells] of rows) {
      const tds = [...cells!.matchAll(/<td class="heat-(\w+)( zero)?"[^>]*>(\d+)<\/td>/g)];
      expect(tds).toHaveLength(5);
      tds.forEach(([, severity, zero, n], i) => {
        expect(severity).toBe(heatSeverity(Number(l), i + 1));
        expect(Number(n)).toBe(report.summary.matrix[Number(l) - 1]![i]);
        expect(zero === ' zero').toBe(n === '0');
      });
    }
    for (const label of ['Critical (20–25)', 'High (12–19)', 'Medium (6–11)', 'Low (3–5)', 'Info (1–2)']) expect(grid).toContain(label);
    for (const severity of ['critical', 'high', 'medium', 'low', 'info']) expect(html).toMatch(new RegExp(`\\.heat-${severity}\\{background:#[0-9a-f]{6};color:#[0-9a-f]{6}\\}`));
    expect(html).toMatch(/\.heat-grid tbody td\.zero\{[^}]*color:#9e9e9e/);
  });

  it('HTML draws the ATLAS coverage matrix: a column per tactic in ATLAS order, cells coloured by state', () => {
    const html = writeHtml(report);
    const heads = [...html.matchAll(/<div class="cov-head">(.*?)<\/div>/g)].map((m) => m[1]);
    expect(heads).toEqual(report.coverage.map((t) => t.name));
    const ids = lookup.tactics().map((t) => t.id);
    const positions = report.coverage.map((t) => ids.indexOf(t.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const cells = [...html.matchAll(/class="cov-cell cov-([\w-]+)"[^>]*><b>([^<]+)<\/b>/g)].map((m) => [m[2], m[1]]);
    expect(cells).toEqual(report.coverage.flatMap((t) => t.techniques.map((x) => [x.id, coverageBand(x)])));
    expect(new Set(cells.map(([, band]) => band)).size).toBeGreaterThan(1);
    for (const label of ['Exposed, residual 20–25', 'Accepted or transferred', 'Mitigated or not applicable']) expect(html).toContain(label);
  });

  it('HTML colours an accepted technique of the fine-tuning example as accepted', async () => {
    const loaded = loadModelText(readFileSync(path.resolve(__dirname, '../../examples/fine-tuning-pipeline.mercator.json'), 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const r = buildReport(loaded.model, await analyzeForReport(loaded.model, { dataDir }), lookup);
    const html = writeHtml(r);
    // AML.T0043 is cited only by the accepted "model inputs are not validated" finding.
    expect(r.coverage.flatMap((t) => t.techniques).find((x) => x.id === 'AML.T0043')?.state).toBe('accepted');
    expect(html).toMatch(/class="cov-cell cov-accepted"[^>]*><b>AML\.T0043<\/b>/);
    expect(html).toContain('<dt>Version</dt><dd>2026-Q4 review</dd>');
    expect(html).not.toContain('No risk was accepted or transferred.');
  });

  it('HTML escapes catalog names in the coverage matrix and links only https', () => {
    const tactic = { id: 'AML.TA9999', name: '<img src=x onerror=alert(1)>', url: '', techniques: [{ id: 'AML.T9999', name: '<b>evil</b>', url: 'javascript:alert(1)', findings: 1, maxResidual: 20, state: 'exposed' as const }] };
    const html = writeCoverageMatrixHtml([tactic]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;evil&lt;/b&gt;');
    expect(html).not.toMatch(/<img|<b>evil|href="javascript/);
    expect(html).toContain('cov-exposed-critical');
    expect(writeCoverageMatrixHtml([])).toBe('<p>No finding cites an ATLAS technique.</p>');
  });

  it('HTML says plainly when a model has nothing to show, like the PDF', () => {
    const empty = createEmptyModel('Empty');
    const html = writeHtml(buildReport(empty, { findings: [], closed: [], stale: [] }, lookup));
    for (const line of ['No findings.', 'The model has no components.', 'No finding names a mitigation.', 'No finding cites an ATLAS technique.', 'No risk was accepted or transferred.']) expect(html).toContain(line);
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('Techniques by tactic');
  });

  it('Markdown and JSON carry the model version; accepted risks show due dates and tickets', () => {
    const md = writeMarkdown(report);
    expect(md).toContain('Version: 1\\.3 &lt;rc&gt;');
    expect(md).toContain('| Accepted | Security team | 2027-05-15 |  |');
    expect(md).toContain('| Transferred | Security team |  | SEC-102 |');
    expect(JSON.parse(writeFindingsJson(report)).model).toEqual({ title: 'Report fixture <model>', version: '1.3 <rc>', modelDate: '2026-11-20' });
    const html = writeHtml(report);
    expect(html).toContain('Security team<br>due 2027-05-15');
    expect(html).toContain('Security team<br>ticket SEC-102');
  });

  it('Markdown escapes markup and keeps ids', () => {
    const md = writeMarkdown(report);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;script&gt;alert');
    expect(md).toContain('AML.T0054');
    expect(md).toContain('## Threat register');
    expect(md).not.toContain('](javascript:');
  });
});

describe('CSV', () => {
  it('parses back row for row, with formula cells neutralised', () => {
    const rows = parseCsv(writeRegisterCsv(report));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(analysis.findings.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const owner = CSV_COLUMNS.indexOf('Owner');
    expect(rows.some((r) => r[owner] === "'" + FORMULA_OWNER)).toBe(true);
    expect(rows.slice(1).every((r) => !/^[=+\-@]/.test(r.join('')))).toBe(true);
    const title = CSV_COLUMNS.indexOf('Title');
    expect(rows.some((r) => r[title] === `Injection via ${MARKUP_LABEL}`)).toBe(true);
  });
});

describe('JSON findings', () => {
  it('holds every finding with decisions', () => {
    const json = JSON.parse(writeFindingsJson(report));
    expect(json.format).toBe('mercator-findings/1');
    expect(json.findings).toHaveLength(analysis.findings.length);
    expect(json.findings.some((f: { owner: string }) => f.owner === FORMULA_OWNER)).toBe(true);
  });
});

const SarifSchema = z.object({
  version: z.literal('2.1.0'),
  $schema: z.string().url().optional(),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({
            name: z.string().min(1),
            version: z.string().optional(),
            rules: z.array(z.object({ id: z.string().min(1), shortDescription: z.object({ text: z.string() }).optional(), helpUri: z.string().url().optional() })),
          }),
        }),
        results: z.array(
          z.object({
            ruleId: z.string(),
            ruleIndex: z.number().int().nonnegative(),
            level: z.enum(['none', 'note', 'warning', 'error']),
            message: z.object({ text: z.string().min(1) }),
            locations: z.array(z.object({ logicalLocations: z.array(z.object({ name: z.string(), fullyQualifiedName: z.string(), kind: z.string() })).min(1) })).min(1),
            suppressions: z.array(z.object({ kind: z.enum(['inSource', 'external']), status: z.enum(['accepted', 'underReview', 'rejected']).optional(), justification: z.string().optional() })).optional(),
          }),
        ),
      }),
    )
    .min(1),
});

describe('SARIF 2.1.0', () => {
  it('validates against the required parts of the schema and links results to rules', () => {
    const sarif = SarifSchema.parse(JSON.parse(writeSarif(report, '0.1.0')));
    const run = sarif.runs[0]!;
    expect(run.results).toHaveLength(analysis.findings.length);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(new Set(run.tool.driver.rules.map((r) => r.id)).size).toBe(run.tool.driver.rules.length);
    expect(run.results.filter((r) => r.suppressions).length).toBe(8);
    expect(run.results.some((r) => r.level === 'error')).toBe(true);
  });
});

// Layer format 4.5 (catalog-sources/navigator/layerformat-v4.5.md): required fields, the types and
// allowed values of the optional ones this writer sets, and no field the format does not define.
const Link = z.strictObject({ label: z.string().min(1), url: z.string().regex(/^https:\/\//) });
const Metadata = z.strictObject({ name: z.string().min(1), value: z.string() });
const navigatorAtLeast49 = (v: string) => {
  const [major = 0, minor = 0] = v.split('.').map(Number);
  return major > 4 || (major === 4 && minor >= 9);
};
const LayerSchema = z.strictObject({
  name: z.string().min(1),
  versions: z.strictObject({ layer: z.literal('4.5'), navigator: z.string().regex(/^\d+\.\d+\.\d+$/).refine(navigatorAtLeast49), attack: z.string().optional() }),
  domain: z.string().min(1),
  description: z.string(),
  sorting: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  layout: z.strictObject({
    layout: z.enum(['side', 'flat', 'mini']),
    showID: z.boolean(),
    showName: z.boolean(),
    showAggregateScores: z.boolean(),
    countUnscored: z.boolean(),
    aggregateFunction: z.enum(['average', 'min', 'max', 'sum']),
    expandedSubtechniques: z.enum(['none', 'all', 'annotated']),
  }),
  hideDisabled: z.boolean(),
  techniques: z.array(
    z.strictObject({
      techniqueID: z.string().regex(/^AML\.T\d{4}(\.\d{3})?$/),
      tactic: z.string().regex(/^[a-z0-9-]+$/).optional(),
      score: z.number(),
      comment: z.string().optional(),
      enabled: z.boolean().optional(),
      showSubtechniques: z.boolean().optional(),
      links: z.array(Link).optional(),
      metadata: z.array(Metadata).optional(),
    }),
  ),
  gradient: z.strictObject({ colors: z.array(z.string().regex(/^#[0-9A-Fa-f]{6}$/)).min(2), minValue: z.number(), maxValue: z.number() }).refine((g) => g.maxValue > g.minValue),
  legendItems: z.array(z.strictObject({ label: z.string().min(1), color: z.string().regex(/^#[0-9A-Fa-f]{6}$/) })),
  showTacticRowBackground: z.boolean(),
  selectTechniquesAcrossTactics: z.boolean(),
  selectSubtechniquesWithParent: z.boolean(),
  selectVisibleTechniques: z.boolean(),
  metadata: z.array(Metadata),
});

const EXAMPLES = '/work/shared/catalog-sources/navigator/atlas-layer-examples';

describe('ATLAS Navigator layer', () => {
  const layer = LayerSchema.parse(JSON.parse(writeNavigatorLayer(report, lookup)));

  it('has the 4.5 fields, scores in the gradient range and ATLAS tactic short names', () => {
    expect(layer.domain).toBe('atlas-atlas');
    expect(layer.metadata).toContainEqual({ name: 'atlas_data_version', value: '5.6.0' });
    for (const t of layer.techniques) {
      expect(t.score).toBeGreaterThanOrEqual(layer.gradient.minValue);
      expect(t.score).toBeLessThanOrEqual(layer.gradient.maxValue);
    }
    // AML.T0054 is cited under two tactics: one entry per tactic, as ATLAS layers do.
    expect(layer.techniques.filter((t) => t.techniqueID === 'AML.T0054').map((t) => t.tactic).sort()).toEqual(['defense-evasion', 'privilege-escalation']);
    // Sub-techniques carry no tactic; showSubtechniques only on techniques that have sub-techniques.
    expect(layer.techniques.find((t) => t.techniqueID === 'AML.T0051.000')!.tactic).toBeUndefined();
    for (const t of layer.techniques.filter((x) => x.showSubtechniques)) expect(t.techniqueID).toMatch(/^AML\.T\d{4}$/);
    // One entry per technique and tactic.
    const keys = layer.techniques.map((t) => `${t.techniqueID}|${t.tactic ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.runIf(existsSync(EXAMPLES))('uses the same domain, technique ids and tactic names as ATLAS\'s own layers', () => {
    const matrix = JSON.parse(readFileSync(path.join(EXAMPLES, 'atlas_layer_matrix.json'), 'utf8')) as { domain: string; techniques: Array<{ techniqueID: string; tactic?: string }> };
    expect(layer.domain).toBe(matrix.domain);
    const official = new Set(matrix.techniques.map((t) => `${t.techniqueID}|${t.tactic ?? ''}`));
    for (const t of layer.techniques) expect(official.has(`${t.techniqueID}|${t.tactic ?? ''}`), `${t.techniqueID} ${t.tactic}`).toBe(true);
  });

  it.runIf(existsSync(EXAMPLES))('gives every shipped example a valid layer whose technique and tactic pairs are ATLAS\'s own', async () => {
    const matrix = JSON.parse(readFileSync(path.join(EXAMPLES, 'atlas_layer_matrix.json'), 'utf8')) as { techniques: Array<{ techniqueID: string; tactic?: string }> };
    const official = new Set(matrix.techniques.map((t) => `${t.techniqueID}|${t.tactic ?? ''}`));
    const dir = path.resolve(__dirname, '../../examples');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.mercator.json'))) {
      const loaded = loadModelText(readFileSync(path.join(dir, f), 'utf8'));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      const r = buildReport(loaded.model, await analyzeForReport(loaded.model, { dataDir }), lookup);
      const l = LayerSchema.parse(JSON.parse(writeNavigatorLayer(r, lookup)));
      expect(l.techniques.length, f).toBeGreaterThan(0);
      for (const t of l.techniques) expect(official.has(`${t.techniqueID}|${t.tactic ?? ''}`), `${f}: ${t.techniqueID} ${t.tactic}`).toBe(true);
    }
  });
});
