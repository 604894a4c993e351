// The spread of a round of blind likelihood × impact estimates, and who sits far from the group.
// Pure: the facilitator's presentation, the participant page and the minutes all use it.

export interface Estimate {
  by: string;
  likelihood: number;
  impact: number;
}

export interface AxisSpread {
  min: number;
  max: number;
  median: number;
}

export interface Spread {
  count: number;
  likelihood: AxisSpread;
  impact: AxisSpread;
  /** likelihood × impact of each estimate. */
  score: AxisSpread;
  /** Who is two or more points from the group's median on either axis. */
  outliers: string[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function axis(values: readonly number[]): AxisSpread {
  return { min: Math.min(...values), max: Math.max(...values), median: median(values) };
}

/** How far apart the estimates are; null when there are none. */
export function estimateSpread(estimates: readonly Estimate[]): Spread | null {
  if (estimates.length === 0) return null;
  const likelihood = axis(estimates.map((e) => e.likelihood));
  const impact = axis(estimates.map((e) => e.impact));
  const outliers =
    estimates.length < 3
      ? []
      : estimates
          .filter((e) => Math.abs(e.likelihood - likelihood.median) >= 2 || Math.abs(e.impact - impact.median) >= 2)
          .map((e) => e.by);
  return { count: estimates.length, likelihood, impact, score: axis(estimates.map((e) => e.likelihood * e.impact)), outliers };
}

/** "L 2–4 (median 3) · I 3–5 (median 4)" */
export function describeSpread(spread: Spread): string {
  const part = (name: string, a: AxisSpread) => `${name} ${a.min === a.max ? a.min : `${a.min}–${a.max}`} (median ${a.median})`;
  return `${part('likelihood', spread.likelihood)} · ${part('impact', spread.impact)}`;
}
