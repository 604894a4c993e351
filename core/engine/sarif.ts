// A minimal, valid SARIF 2.1.0 log of findings (the full exporter lives in core/report/).
import type { AnalysisResult, Finding, Severity } from './types';
import type { RulePack } from './rule-pack';
import { USER_THREAT_RULE_ID } from './user-threats';

const LEVEL: Record<Severity, 'none' | 'note' | 'warning' | 'error'> = {
  info: 'note',
  low: 'note',
  medium: 'warning',
  high: 'error',
  critical: 'error',
};

export function toSarif(result: AnalysisResult, packs: readonly RulePack[], modelUri: string, version: string): object {
  const rules = packs.flatMap((p) => p.rules);
  const closed = result.closed ?? [];
  const used = new Set([...result.findings, ...closed].map((f) => f.ruleId));
  const driverRules = rules
    .filter((r) => used.has(r.id))
    .map((r) => ({
      id: r.id,
      name: r.id,
      shortDescription: { text: r.title },
      properties: { category: r.category, atlas: r.atlas, owasp: r.owasp },
    }));
  if (used.has(USER_THREAT_RULE_ID)) {
    driverRules.push({ id: USER_THREAT_RULE_ID, name: USER_THREAT_RULE_ID, shortDescription: { text: 'Threat written by the team in the model' }, properties: { category: 'User-authored', atlas: [], owasp: [] } });
  }
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Mercator', version, informationUri: 'https://atlas.mitre.org/', rules: driverRules } },
        results: [...result.findings, ...closed].map((f: Finding) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          // A finding closed by a present control is a passed check: kept as evidence, never an alert.
          ...(f.closedBy ? { kind: 'pass', level: 'none' } : { level: LEVEL[f.residual.severity] }),
          message: { text: `${f.title}: ${f.subject.label}. ${f.reasons.join(' ')}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: modelUri } },
              logicalLocations: [{ name: f.subject.id, kind: f.subject.type === 'flow' ? 'member' : 'object' }],
            },
          ],
          partialFingerprints: { mercatorFindingKey: f.key },
          properties: {
            status: f.status,
            severity: f.residual.severity,
            score: f.residual.score,
            atlas: f.atlas.map((a) => a.technique),
            owasp: f.owasp,
            ...(f.closedBy ? { closedBy: f.closedBy.map((c) => `${c.label} on ${c.targetLabel}`) } : {}),
          },
          ...(f.status !== 'open' ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.status }] } : {}),
        })),
      },
    ],
  };
}
