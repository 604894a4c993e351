// A deterministic set of findings over the catalog's real techniques, for the harness page and the
// risk-view tests (the risk views must stay fast at 1,000+ findings).
import type { Finding, Severity } from '../../../core/engine/types';
import type { DecisionStatus } from '../../../core/model/schema';
import { severityOf } from '../../../core/engine/scoring';

const STATUSES: DecisionStatus[] = [
  'open',
  'open',
  'open',
  'mitigated',
  'accepted',
  'transferred',
  'not-applicable',
];

export function fixtureFindings(
  count: number,
  techniques: ReadonlyArray<{ id: string; tactics: string[] }>,
): Finding[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const findings: Finding[] = [];
  for (let i = 0; i < count && techniques.length > 0; i++) {
    // A small set of techniques gets most findings, as in real models.
    const technique =
      techniques[next(4) === 0 ? next(techniques.length) : next(Math.min(12, techniques.length))]!;
    const likelihood = 1 + next(5);
    const impact = 1 + next(5);
    const severity: Severity = severityOf(likelihood * impact);
    const score = {
      likelihood,
      impact,
      score: likelihood * impact,
      severity,
      likelihoodFactors: [],
      impactFactors: [],
    };
    findings.push({
      key: `fixture-${i}@c${i % 50}`,
      ruleId: `fixture-${i % 17}`,
      title: `Fixture finding ${i}`,
      category: 'fixture',
      subject: { type: 'component', id: `c${i % 50}`, label: `Component ${i % 50}` },
      reasons: ['fixture'],
      atlas: [{ technique: technique.id, tactics: technique.tactics }],
      owasp: [],
      inherent: score,
      residual: score,
      mitigations: [],
      status: STATUSES[next(STATUSES.length)]!,
    });
  }
  return findings;
}
