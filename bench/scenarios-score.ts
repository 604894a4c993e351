// Scoring of the analysis-quality benchmark (bench/scenarios.bench.mjs): how well the findings on one
// scenario model cover the ATLAS techniques its expectation file lists. Pure: no I/O.

/** The part of an engine finding the benchmark looks at. */
export interface ScoredFinding {
  key: string;
  atlas: ReadonlyArray<{ technique: string; role?: string }>;
}

export interface ScenarioScore {
  expected: string[];
  /** Expected ids some finding lists exactly, anywhere in its technique list. */
  strictHits: string[];
  /** Expected ids some finding lists exactly or as a parent or sub-technique. */
  lenientHits: string[];
  /** Expected ids that are exactly the primary technique of some finding. */
  primaryHits: string[];
  /** Expected ids that are the primary technique of some finding, exactly or as a parent or sub-technique. */
  primaryLenientHits: string[];
  findings: number;
  /** The length of each finding's technique list (primary + related). */
  techniquesPerFinding: number[];
  /** 1-based position, in the engine's order, of the first finding whose primary technique is expected; null when none. */
  firstExpectedRank: number | null;
}

/** AML.T0043.001 → AML.T0043; a top-level technique is its own parent. */
export function parentOf(technique: string): string {
  const parts = technique.split('.');
  return parts.length > 2 ? parts.slice(0, 2).join('.') : technique;
}

/** Same technique, or one is the parent of the other. Two sub-techniques of one parent do not match. */
export function lenientMatch(a: string, b: string): boolean {
  return a === b || parentOf(a) === b || parentOf(b) === a;
}

/** The finding's primary technique: the one marked `role: 'primary'`, else the first. */
export function primaryTechnique(finding: ScoredFinding): string | undefined {
  return (finding.atlas.find((a) => a.role === 'primary') ?? finding.atlas[0])?.technique;
}

/** Scores findings (in the engine's order) against the expected technique ids of one scenario. */
export function scoreScenario(expected: readonly string[], findings: readonly ScoredFinding[]): ScenarioScore {
  const all = new Set(findings.flatMap((f) => f.atlas.map((a) => a.technique)));
  const primaries = findings.map(primaryTechnique).filter((t): t is string => t !== undefined);
  const wanted = new Set(expected);
  const index = findings.findIndex((f) => {
    const p = primaryTechnique(f);
    return p !== undefined && wanted.has(p);
  });
  return {
    expected: [...expected],
    strictHits: expected.filter((e) => all.has(e)),
    lenientHits: expected.filter((e) => [...all].some((t) => lenientMatch(t, e))),
    primaryHits: expected.filter((e) => primaries.includes(e)),
    primaryLenientHits: expected.filter((e) => primaries.some((t) => lenientMatch(t, e))),
    findings: findings.length,
    techniquesPerFinding: findings.map((f) => f.atlas.length),
    firstExpectedRank: index === -1 ? null : index + 1,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface BenchmarkTotals {
  scenarios: number;
  /** Scenarios with at least one expected technique (recall and rank are measured on these). */
  scored: number;
  expected: number;
  strictRecall: number;
  lenientRecall: number;
  primaryRecall: number;
  primaryLenientRecall: number;
  findingsPerModelMedian: number | null;
  findingsPerModelMean: number;
  techniquesPerFindingMedian: number | null;
  techniquesPerFindingMean: number;
  /** Median over scored scenarios; a scenario with no expected primary counts as ranked last (Infinity). */
  firstExpectedRankMedian: number | null;
  /** Scored scenarios with some finding whose primary technique is expected. */
  rankedScenarios: number;
}

/** Totals: recall pooled over every expected id of every scenario (micro average). */
export function totals(scores: readonly ScenarioScore[]): BenchmarkTotals {
  const scored = scores.filter((s) => s.expected.length > 0);
  const expected = scored.reduce((n, s) => n + s.expected.length, 0);
  const ratio = (pick: (s: ScenarioScore) => string[]) => (expected === 0 ? 0 : scored.reduce((n, s) => n + pick(s).length, 0) / expected);
  const perFinding = scores.flatMap((s) => s.techniquesPerFinding);
  const findings = scores.map((s) => s.findings);
  const ranks = scored.map((s) => s.firstExpectedRank ?? Number.POSITIVE_INFINITY);
  return {
    scenarios: scores.length,
    scored: scored.length,
    expected,
    strictRecall: ratio((s) => s.strictHits),
    lenientRecall: ratio((s) => s.lenientHits),
    primaryRecall: ratio((s) => s.primaryHits),
    primaryLenientRecall: ratio((s) => s.primaryLenientHits),
    findingsPerModelMedian: median(findings),
    findingsPerModelMean: findings.length === 0 ? 0 : findings.reduce((a, b) => a + b, 0) / findings.length,
    techniquesPerFindingMedian: median(perFinding),
    techniquesPerFindingMean: perFinding.length === 0 ? 0 : perFinding.reduce((a, b) => a + b, 0) / perFinding.length,
    firstExpectedRankMedian: median(ranks),
    rankedScenarios: scored.filter((s) => s.firstExpectedRank !== null).length,
  };
}
