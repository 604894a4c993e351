// Reports say which findings the team wrote and which scores were set by hand (with the reason):
// Markdown, HTML, JSON and the Navigator layer, from the real catalog.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../core/report/build';
import { loadReportCatalog } from '../../core/host/report/catalog';
import { writeHtml } from '../../core/report/write-html';
import { writeMarkdown } from '../../core/report/write-markdown';
import { writeFindingsJson } from '../../core/report/write-json';
import { writeNavigatorLayer } from '../../core/report/write-navigator';
import { writeSarif } from '../../core/report/write-sarif';
import type { Finding } from '../../core/engine/types';
import { makeReportFixture } from './report-fixture';

const { lookup } = loadReportCatalog(path.resolve(__dirname, '../../data'));
const { model, analysis } = makeReportFixture(6);
const [first, second] = analysis.findings as [Finding, Finding, ...Finding[]];
const userThreat: Finding = { ...first, key: 'threat:t1', ruleId: 'user-threat', title: 'Staff paste <records> into prompts', origin: 'user' };
const overridden: Finding = { ...second, override: { likelihood: 1, justification: 'Only reachable through the VPN & pen-tested' } };
const findings = [userThreat, overridden, ...analysis.findings.slice(2)];
const report = buildReport(model, { ...analysis, findings }, lookup, { generatedAt: '2026-12-02', generator: 'Mercator test' });
const entries = report.register.flatMap((g) => g.entries);

describe('user threats and overrides in reports', () => {
  it('marks the entries', () => {
    expect(entries.find((e) => e.key === 'threat:t1')!.origin).toBe('user');
    expect(entries.find((e) => e.key === overridden.key)!.override).toEqual({ likelihood: 1, justification: 'Only reachable through the VPN & pen-tested' });
    expect(entries.filter((e) => e.origin === 'user')).toHaveLength(1);
    expect(entries.filter((e) => e.override)).toHaveLength(1);
  });

  it('Markdown and HTML say so, with the justification escaped', () => {
    const md = writeMarkdown(report);
    expect(md).toContain('**Source:** written by the team in the model');
    expect(md).toMatch(/\*\*Score set by hand:\*\* likelihood 1 — Only reachable through the VPN (&amp;|\\&|&) pen-tested/);
    const html = writeHtml(report);
    expect(html).toContain('<b>Score set by hand:</b> likelihood 1 — Only reachable through the VPN &amp; pen-tested');
    expect(html).toContain('<b>Source:</b> written by the team in the model');
    expect(html).not.toContain('<records>');
  });

  it('JSON keeps both; the Navigator comment names them', () => {
    const json = JSON.parse(writeFindingsJson(report)) as unknown;
    const text = JSON.stringify(json);
    expect(text).toContain('"origin":"user"');
    expect(text).toContain('"justification":"Only reachable through the VPN & pen-tested"');
    const layer = JSON.parse(writeNavigatorLayer(report, lookup)) as { techniques: Array<{ comment: string }> };
    const comments = layer.techniques.map((t) => t.comment).join('\n');
    expect(comments).toContain('(team)');
    expect(comments).toContain('(score set by hand)');
  });

  it('SARIF results carry the origin and the override', () => {
    const sarif = JSON.parse(writeSarif(report)) as { runs: Array<{ results: Array<{ partialFingerprints: { mercatorFindingKey: string }; properties: Record<string, unknown> }> }> };
    const byKey = new Map(sarif.runs[0]!.results.map((r) => [r.partialFingerprints.mercatorFindingKey, r.properties]));
    expect(byKey.get('threat:t1')!.origin).toBe('user');
    expect(byKey.get(overridden.key)!.override).toEqual({ likelihood: 1, justification: 'Only reachable through the VPN & pen-tested' });
    expect(byKey.get(overridden.key)!.origin).toBeUndefined();
  });
});
