// The one likelihood × impact heatmap definition the app's risk view and every report share: the same
// axes (likelihood across, impact up), the same findings counted (every finding of the register, decided
// ones included, at its residual likelihood and impact; those a control in place closes are not threats
// and are not counted) and the same colours (each cell by the severity band of its score, HEAT_COLOR).
import type { Severity } from '../engine/types';
import { severityOf } from '../engine/scoring';

export const HEATMAP_LEVELS = [1, 2, 3, 4, 5] as const;
export const HEATMAP_AXES = { x: 'Likelihood', y: 'Impact' } as const;
export const HEATMAP_COUNTS = 'Findings at their residual likelihood and impact, decided ones included (those closed by a control in place are not threats and are not counted).';

export interface HeatmapFinding {
  status: string;
  residual: { likelihood: number; impact: number };
  closedBy?: readonly unknown[] | undefined;
}

export interface HeatCell {
  likelihood: number;
  impact: number;
  count: number;
  /** The severity band of the cell's score, which colours it. */
  severity: Severity;
}

/** Whether a finding is counted in the heatmap. */
export function countsInHeatmap(f: HeatmapFinding): boolean {
  return !(f.closedBy && f.closedBy.length > 0);
}

const clamp = (n: number) => Math.min(5, Math.max(1, Math.round(n)));

/** 5 × 5 cells indexed [impact - 1][likelihood - 1]. */
export function heatmapCells(findings: readonly HeatmapFinding[]): HeatCell[][] {
  const cells = HEATMAP_LEVELS.map((impact) => HEATMAP_LEVELS.map((likelihood) => ({ likelihood, impact, count: 0, severity: severityOf(likelihood * impact) })));
  for (const f of findings) {
    if (!countsInHeatmap(f)) continue;
    cells[clamp(f.residual.impact) - 1]![clamp(f.residual.likelihood) - 1]!.count++;
  }
  return cells;
}
