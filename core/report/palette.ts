// The report's figure colours, shared by the PDF and the HTML report so that both read alike: the
// likelihood × impact heatmap (cells by the severity of their score) and the ATLAS coverage matrix
// (cells by state; exposed ones by the severity band of their highest residual score).
import { SEVERITIES, type Severity } from '../engine/types';
import { severityOf } from '../engine/scoring';
import type { CoverageTechnique } from './types';

/**
 * Heatmap cell colours by the severity of likelihood × impact (the engine's thresholds): the app's
 * risk view uses the same ones (renderer/src/risk/risk.css, light theme), with HEAT_INK for the numbers.
 */
export const HEAT_COLOR: Record<Severity, string> = { critical: '#cc3d36', high: '#f6a56b', medium: '#f8e08e', low: '#c6e6c1', info: '#dde3ea' };
export const HEAT_INK: Record<Severity, string> = { critical: '#ffffff', high: '#1b1f24', medium: '#1b1f24', low: '#1b1f24', info: '#1b1f24' };
/** The scores each severity covers. */
export const SCORE_RANGE: Record<Severity, string> = { critical: '20–25', high: '12–19', medium: '6–11', low: '3–5', info: '1–2' };

/** The severity a heatmap cell is coloured by. */
export function heatSeverity(likelihood: number, impact: number): Severity {
  return severityOf(likelihood * impact);
}

/** Heatmap legend, most severe first. */
export const HEAT_LEGEND: ReadonlyArray<{ severity: Severity; color: string; range: string }> = [...SEVERITIES]
  .reverse()
  .map((severity) => ({ severity, color: HEAT_COLOR[severity], range: SCORE_RANGE[severity] }));

export type CoverageBand = 'exposed-critical' | 'exposed-high' | 'exposed-medium' | 'exposed-low' | 'accepted' | 'mitigated';

/** Coverage cell colours and their legend, in legend order. */
export const COVERAGE_LEGEND: ReadonlyArray<{ band: CoverageBand; color: string; label: string; min?: number }> = [
  { band: 'exposed-critical', color: '#ef9a9a', label: 'Exposed, residual 20–25', min: 20 },
  { band: 'exposed-high', color: '#ffcc80', label: 'Exposed, residual 12–19', min: 12 },
  { band: 'exposed-medium', color: '#fff59d', label: 'Exposed, residual 6–11', min: 6 },
  { band: 'exposed-low', color: '#e6ee9c', label: 'Exposed, residual 1–5', min: 0 },
  { band: 'accepted', color: '#cfd8dc', label: 'Accepted or transferred' },
  { band: 'mitigated', color: '#a5d6a7', label: 'Mitigated or not applicable' },
];

/** Which legend entry a coverage cell belongs to. */
export function coverageBand(t: Pick<CoverageTechnique, 'state' | 'maxResidual'>): CoverageBand {
  if (t.state === 'mitigated') return 'mitigated';
  if (t.state === 'accepted') return 'accepted';
  return COVERAGE_LEGEND.find((e) => e.min !== undefined && t.maxResidual >= e.min)!.band;
}

export function coverageColor(t: Pick<CoverageTechnique, 'state' | 'maxResidual'>): string {
  const band = coverageBand(t);
  return COVERAGE_LEGEND.find((e) => e.band === band)!.color;
}
