// Sign-off baselines (DESIGN.md §7, docs/file-format.md): a frozen, verifiable copy of the model at
// the moment a review was signed off. The snapshot is the model document without its own baselines;
// its hash is the SHA-256 of the snapshot's canonical serialization, so any edit to a stored
// snapshot (by hand, a merge, a script) shows up as a mismatch.
import { serializeModel } from '../model/canonical';
import { loadModelValue } from '../model/load';
import type { Baseline, Model, ReviewStatus } from '../model/schema';
import { SEVERITIES, type AnalysisResult } from '../engine/types';
import { sha256 } from './sha256';

/** The versions of what the findings were computed with: the catalog and each rule pack. */
export interface AnalysisVersions {
  catalog?: string;
  /** Rule-pack id → version. */
  rulePacks?: Record<string, string>;
}

/** The canonical text of a model without its baselines: what a snapshot holds and what is hashed. */
export function snapshotText(model: Model): string {
  return serializeModel({ ...model, baselines: [] });
}

/** Counts by severity (open findings), by status, the open keys and the versions used. */
export function findingsSummary(analysis: Pick<AnalysisResult, 'findings'> & Partial<Pick<AnalysisResult, 'closed'>>, versions: AnalysisVersions = {}): Baseline['summary'] {
  const summary: Baseline['summary'] = { findings: analysis.findings.length };
  const open = analysis.findings.filter((f) => f.status === 'open' && !f.closedBy?.length && !f.outOfScope);
  summary.open = open.length;
  summary.closed = (analysis.closed?.length ?? 0) + analysis.findings.filter((f) => f.closedBy?.length).length;
  summary.decided = analysis.findings.filter((f) => f.status !== 'open').length;
  for (const severity of SEVERITIES) summary[`open.${severity}`] = open.filter((f) => f.residual.severity === severity).length;
  summary.openKeys = open.map((f) => f.key).sort();
  if (versions.catalog) summary.catalog = versions.catalog;
  if (versions.rulePacks) summary.rulePacks = Object.entries(versions.rulePacks).map(([id, v]) => `${id}@${v}`).sort();
  return summary;
}

/** The versions a baseline's summary recorded (see findingsSummary). */
export function summaryVersions(summary: Baseline['summary']): AnalysisVersions {
  const out: AnalysisVersions = {};
  if (typeof summary.catalog === 'string') out.catalog = summary.catalog;
  if (Array.isArray(summary.rulePacks)) {
    out.rulePacks = {};
    for (const entry of summary.rulePacks) {
      const at = entry.lastIndexOf('@');
      if (at > 0) out.rulePacks[entry.slice(0, at)] = entry.slice(at + 1);
    }
  }
  return out;
}

export interface SignOffInput {
  /** Who signs: the user's display name (and anyone signing with them). */
  signedBy: string[];
  /** The review status recorded at sign-off; the model's own status is set to it. */
  status: ReviewStatus;
  /** ISO time of the sign-off. */
  at: string;
  versions?: AnalysisVersions;
}

function nextId(model: Model): string {
  const taken = new Set(model.baselines.map((b) => b.id));
  let n = model.baselines.length + 1;
  while (taken.has(`review-${n}`)) n++;
  return `review-${n}`;
}

/**
 * Signs the review off: sets the review status, then appends a baseline holding the snapshot of
 * the model at that moment, its hash, the reviewers and the findings summary.
 */
export function signOff(model: Model, analysis: Pick<AnalysisResult, 'findings'> & Partial<Pick<AnalysisResult, 'closed'>>, input: SignOffInput): Model {
  const signed: Model = { ...model, meta: { ...model.meta, reviewStatus: input.status } };
  const text = snapshotText(signed);
  const baseline: Baseline = {
    id: nextId(model),
    signedAt: input.at,
    signedBy: input.signedBy.filter((s) => s.trim() !== ''),
    reviewers: [...signed.meta.reviewers],
    status: input.status,
    hash: sha256(text),
    summary: findingsSummary(analysis, input.versions),
    snapshot: JSON.parse(text) as Record<string, unknown>,
  };
  return { ...signed, baselines: [...model.baselines, baseline] };
}

export type BaselineCheck =
  | { id: string; ok: true; model: Model }
  | { id: string; ok: false; problem: string };

/** Is the baseline intact? Its snapshot must be a valid model whose canonical text has the stored hash. */
export function verifyBaseline(baseline: Baseline): BaselineCheck {
  const loaded = loadModelValue(baseline.snapshot);
  if (!loaded.ok) {
    const first = loaded.errors[0]!;
    return { id: baseline.id, ok: false, problem: `its snapshot is not a valid model (${first.pointer || '/'}: ${first.message})` };
  }
  const actual = sha256(snapshotText(loaded.model));
  if (actual !== baseline.hash) {
    return { id: baseline.id, ok: false, problem: `its snapshot does not match its hash (stored ${baseline.hash.slice(0, 12)}…, computed ${actual.slice(0, 12)}…): it was changed after sign-off` };
  }
  return { id: baseline.id, ok: true, model: loaded.model };
}

export function verifyBaselines(model: Model): BaselineCheck[] {
  return model.baselines.map(verifyBaseline);
}

/** The most recent baseline (baselines are kept oldest first), or undefined. */
export function latestBaseline(model: Model): Baseline | undefined {
  return model.baselines.at(-1);
}
