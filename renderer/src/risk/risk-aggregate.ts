// Pure aggregation of findings for the risk views: counts per likelihood × impact cell (residual
// score) and per ATLAS technique (sub-techniques roll up to their parent), split by decision status.
import type { Finding } from '../../../core/engine/types';

// The heatmap is defined once for the app and the reports (axes, what counts, colours).
export { heatmapCells, type HeatCell } from '../../../core/report/heatmap';

export type TechniqueState = 'exposed' | 'mitigated' | 'accepted' | 'none';

export interface TechniqueCount {
  /** Findings (each counted once) that name this technique or one of its sub-techniques. */
  total: number;
  exposed: number;
  mitigated: number;
  /** Accepted or transferred. */
  accepted: number;
  notApplicable: number;
  /** Of `total`, how many reach this cell only through a sub-technique. */
  viaSubtechniques: number;
  /** Sub-technique ids named by findings, sorted. */
  subtechniques: string[];
  state: TechniqueState;
}

/** AML.T0051.001 → AML.T0051; a technique id stays itself. */
export function parentTechnique(id: string): string {
  const match = /^(AML\.T\d{4})\.\d{3}$/.exec(id);
  return match ? match[1]! : id;
}

export function techniqueCounts(findings: readonly Finding[]): Map<string, TechniqueCount> {
  const counts = new Map<string, TechniqueCount>();
  for (const finding of findings) {
    // One finding counts once per parent cell, directly if it names the parent itself.
    const direct = new Map<string, boolean>();
    const subs = new Map<string, string[]>();
    for (const { technique } of finding.atlas) {
      const parent = parentTechnique(technique);
      const isDirect = parent === technique;
      direct.set(parent, (direct.get(parent) ?? false) || isDirect);
      if (!isDirect) subs.set(parent, [...(subs.get(parent) ?? []), technique]);
    }
    for (const [parent, isDirect] of direct) {
      let count = counts.get(parent);
      if (!count) {
        count = {
          total: 0,
          exposed: 0,
          mitigated: 0,
          accepted: 0,
          notApplicable: 0,
          viaSubtechniques: 0,
          subtechniques: [],
          state: 'none',
        };
        counts.set(parent, count);
      }
      count.total++;
      if (!isDirect) count.viaSubtechniques++;
      for (const sub of subs.get(parent) ?? [])
        if (!count.subtechniques.includes(sub)) count.subtechniques.push(sub);
      if (finding.status === 'open') count.exposed++;
      else if (finding.status === 'mitigated') count.mitigated++;
      else if (finding.status === 'accepted' || finding.status === 'transferred') count.accepted++;
      else count.notApplicable++;
    }
  }
  for (const count of counts.values()) {
    count.subtechniques.sort();
    count.state =
      count.exposed > 0
        ? 'exposed'
        : count.accepted > 0
          ? 'accepted'
          : count.mitigated > 0
            ? 'mitigated'
            : 'none';
  }
  return counts;
}
