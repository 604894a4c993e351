// SARIF 2.1.0 export: each finding is a result of its rule, located logically at its component or
// flow (no source files exist); decided findings carry a suppression with the team's rationale.
import type { RegisterEntry, ReportData } from './types';
import type { Severity } from '../engine/types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

function location(e: RegisterEntry) {
  const kind = e.subject.type === 'flow' ? 'resource' : 'module';
  return {
    logicalLocations: [{ name: e.subject.label, fullyQualifiedName: `${e.subject.type}/${e.subject.id}`, kind }],
  };
}

export function writeSarif(report: ReportData, toolVersion = '0.0.0'): string {
  const entries = report.register.flatMap((g) => g.entries);
  const ruleIndex = new Map<string, number>();
  const rules: unknown[] = [];
  for (const e of entries) {
    if (ruleIndex.has(e.ruleId)) continue;
    ruleIndex.set(e.ruleId, rules.length);
    const help = e.atlas.find((t) => t.url)?.url;
    rules.push({
      id: e.ruleId,
      name: e.category || e.ruleId,
      shortDescription: { text: e.title },
      ...(help ? { helpUri: help } : {}),
      properties: { tags: [...e.atlas.map((t) => t.id), ...e.owasp.map((o) => o.id)] },
    });
  }
  const results = entries.map((e) => {
    const suppressed = e.status !== 'open';
    return {
      ruleId: e.ruleId,
      ruleIndex: ruleIndex.get(e.ruleId)!,
      level: LEVEL[e.residual.severity],
      message: { text: `${e.title} (${e.subject.label}). ${e.reasons.join(' ')}`.trim() },
      locations: [location(e)],
      partialFingerprints: { mercatorFindingKey: e.key },
      ...(suppressed
        ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${e.status}${e.rationale ? ': ' + e.rationale : ''}` }] }
        : {}),
      properties: {
        ref: e.ref,
        status: e.status,
        owner: e.owner,
        atlas: e.atlas.map((t) => t.id),
        owasp: e.owasp.map((o) => o.id),
        score: e.inherent.score,
        residualScore: e.residual.score,
        severity: e.residual.severity,
        ...(e.origin === 'user' ? { origin: 'user' } : {}),
        ...(e.override ? { override: e.override } : {}),
      },
    };
  });
  // Findings closed by a control in place are passed checks: kept as evidence, level "none".
  for (const c of report.closed) {
    if (!ruleIndex.has(c.ruleId)) {
      ruleIndex.set(c.ruleId, rules.length);
      rules.push({ id: c.ruleId, name: c.ruleId, shortDescription: { text: c.title }, properties: { tags: [...c.atlas.map((t) => t.id), ...c.owasp.map((o) => o.id)] } });
    }
    results.push({
      ruleId: c.ruleId,
      ruleIndex: ruleIndex.get(c.ruleId)!,
      kind: 'pass',
      level: 'none',
      message: { text: `${c.title} (${c.subject}) is closed by ${c.closedBy.join(' and ')}.` },
      locations: [{ logicalLocations: [{ name: c.subjectRef.id, kind: c.subjectRef.type === 'flow' ? 'member' : 'object' }] }],
      partialFingerprints: { mercatorFindingKey: c.key },
      properties: { status: 'closed-by-control', closedBy: c.closedBy, atlas: c.atlas.map((t) => t.id), owasp: c.owasp.map((o) => o.id), score: c.inherent.score },
    } as unknown as (typeof results)[number]);
  }
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Mercator', version: toolVersion, informationUri: 'https://atlas.mitre.org', rules } },
        automationDetails: { id: `mercator/${report.cover.title}` },
        results,
        properties: { model: report.cover.title, catalog: report.cover.catalogVersion },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
