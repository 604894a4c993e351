import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/engine/types';
import type { DecisionStatus } from '../../../core/model/schema';
import { heatmapCells, parentTechnique, techniqueCounts } from './risk-aggregate';

function finding(
  key: string,
  likelihood: number,
  impact: number,
  techniques: string[],
  status: DecisionStatus = 'open',
): Finding {
  const score = {
    likelihood,
    impact,
    score: likelihood * impact,
    severity: 'info' as const,
    likelihoodFactors: [],
    impactFactors: [],
  };
  const severity = likelihood * impact >= 20 ? 'critical' : likelihood * impact >= 12 ? 'high' : 'medium';
  return {
    key,
    ruleId: key,
    title: key,
    category: 'test',
    subject: { type: 'component', id: 'c1', label: 'C1' },
    reasons: [],
    atlas: techniques.map((technique) => ({ technique, tactics: [] })),
    owasp: [],
    inherent: score,
    residual: { ...score, severity },
    mitigations: [],
    status,
  };
}

describe('heatmapCells', () => {
  it('counts findings by residual likelihood and impact, as the reports do', () => {
    const cells = heatmapCells([finding('a', 4, 5, []), finding('b', 4, 5, []), finding('c', 1, 2, [])]);
    expect(cells[4]![3]).toMatchObject({ likelihood: 4, impact: 5, count: 2, severity: 'critical' });
    expect(cells[1]![0]).toMatchObject({ likelihood: 1, impact: 2, count: 1 });
    expect(cells.flat().reduce((n, c) => n + c.count, 0)).toBe(3);
  });
  it('colours empty cells by the band of their score', () => {
    const cells = heatmapCells([]);
    expect(cells[0]![0]!.severity).toBe('info');
    expect(cells[2]![3]!.severity).toBe('high');
    expect(cells[4]![4]!.severity).toBe('critical');
  });
});

describe('techniqueCounts', () => {
  it('rolls sub-techniques up to their parent, counting each finding once', () => {
    const counts = techniqueCounts([
      finding('a', 3, 3, ['AML.T0051.000', 'AML.T0051.001']),
      finding('b', 3, 3, ['AML.T0051'], 'mitigated'),
      finding('c', 3, 3, ['AML.T0051.001'], 'accepted'),
    ]);
    const t = counts.get('AML.T0051')!;
    expect(t).toMatchObject({
      total: 3,
      exposed: 1,
      mitigated: 1,
      accepted: 1,
      viaSubtechniques: 2,
      state: 'exposed',
    });
    expect(t.subtechniques).toEqual(['AML.T0051.000', 'AML.T0051.001']);
    expect(counts.has('AML.T0051.001')).toBe(false);
  });
  it('derives the state: accepted/transferred over mitigated when nothing is open', () => {
    const counts = techniqueCounts([
      finding('a', 1, 1, ['AML.T0010'], 'mitigated'),
      finding('b', 1, 1, ['AML.T0010'], 'transferred'),
      finding('c', 1, 1, ['AML.T0020'], 'mitigated'),
      finding('d', 1, 1, ['AML.T0030'], 'not-applicable'),
    ]);
    expect(counts.get('AML.T0010')!.state).toBe('accepted');
    expect(counts.get('AML.T0020')!.state).toBe('mitigated');
    expect(counts.get('AML.T0030')!.state).toBe('none');
  });
  it('parentTechnique maps only sub-technique ids', () => {
    expect(parentTechnique('AML.T0051.001')).toBe('AML.T0051');
    expect(parentTechnique('AML.T0051')).toBe('AML.T0051');
    expect(parentTechnique('LLM01:2025')).toBe('LLM01:2025');
  });
});
