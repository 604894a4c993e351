// The text exports read back: HTML (no scripts, markup escaped), Markdown, CSV (parsed back, formula
// cells neutralised), JSON, SARIF 2.1.0 (a focused schema of the required parts) and the ATLAS
// Navigator layer (layer format 4.5 fields, compared with ATLAS's own layers when present).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildReport } from '../../core/report/build';
import { loadReportCatalog } from '../../core/host/report-catalog';
import { writeHtml } from '../../core/report/write-html';
import { writeMarkdown } from '../../core/report/write-markdown';
import { CSV_COLUMNS, writeRegisterCsv } from '../../core/report/write-csv';
import { writeFindingsJson } from '../../core/report/write-json';
import { writeSarif } from '../../core/report/write-sarif';
import { writeNavigatorLayer } from '../../core/report/write-navigator';
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
    const unresolved = analysis.findings.filter((f) => f.status !== 'mitigated' && f.status !== 'not-applicable').length;
    expect(report.summary.matrix.flat().reduce((a, b) => a + b, 0)).toBe(unresolved);
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

const LayerSchema = z.object({
  name: z.string().min(1),
  versions: z.object({ layer: z.literal('4.5'), navigator: z.string().regex(/^\d+\.\d+\.\d+$/), attack: z.string().optional() }),
  domain: z.string().min(1),
  techniques: z.array(z.object({ techniqueID: z.string(), tactic: z.string().optional(), score: z.number(), comment: z.string().optional(), enabled: z.boolean().optional() })),
  gradient: z.object({ colors: z.array(z.string().regex(/^#[0-9A-Fa-f]{6}$/)).min(2), minValue: z.number(), maxValue: z.number() }).refine((g) => g.maxValue > g.minValue),
  legendItems: z.array(z.object({ label: z.string(), color: z.string() })),
  metadata: z.array(z.object({ name: z.string(), value: z.string() })),
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
    // Sub-techniques carry no tactic.
    expect(layer.techniques.find((t) => t.techniqueID === 'AML.T0051.000')!.tactic).toBeUndefined();
  });

  it.runIf(existsSync(EXAMPLES))('uses the same domain, technique ids and tactic names as ATLAS\'s own layers', () => {
    const matrix = JSON.parse(readFileSync(path.join(EXAMPLES, 'atlas_layer_matrix.json'), 'utf8')) as { domain: string; techniques: Array<{ techniqueID: string; tactic?: string }> };
    expect(layer.domain).toBe(matrix.domain);
    const official = new Set(matrix.techniques.map((t) => `${t.techniqueID}|${t.tactic ?? ''}`));
    for (const t of layer.techniques) expect(official.has(`${t.techniqueID}|${t.tactic ?? ''}`), `${t.techniqueID} ${t.tactic}`).toBe(true);
  });
});
