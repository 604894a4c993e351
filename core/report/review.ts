// The review part of a report: the sign-off page (who reviewed, when, with what status, and whether
// the baseline verifies) and "Changes since the last review" (diffModels against the latest intact
// baseline). Pure: the host analyses the baseline's snapshot and passes both analyses in.
import type { Baseline, Model, ReviewStatus } from '../model/schema';
import type { AnalysisResult } from '../engine/types';
import { diffModels, isEmptyDiff } from '../diff/diff';
import { diffSections, summaryLine } from '../diff/format';
import type { DiffAnalysis, ModelDiff } from '../diff/types';
import { escapeHtml as h, escapeMarkdown as md } from './escape';

export interface ReportSignOff {
  id: string;
  signedAt: string;
  signedBy: string[];
  reviewers: string[];
  status: ReviewStatus;
  hash: string;
  verified: boolean;
  problem?: string;
  openAtSignOff?: number;
}

export interface ReportReview {
  owner: string;
  reviewers: string[];
  status: ReviewStatus;
  /** Every sign-off, oldest first. */
  signOffs: ReportSignOff[];
  /** Against the latest sign-off, when it verifies. */
  changes?: { since: ReportSignOff; diff: ModelDiff; summary: string; sections: Array<{ title: string; lines: string[] }> };
}

export const REVIEW_STATUS_TEXT: Record<ReviewStatus, string> = { draft: 'Draft', 'in-review': 'In review', approved: 'Approved' };

function signOffOf(b: Baseline, check: { ok: boolean; problem?: string }): ReportSignOff {
  return {
    id: b.id,
    signedAt: b.signedAt,
    signedBy: b.signedBy,
    reviewers: b.reviewers,
    status: b.status,
    hash: b.hash,
    verified: check.ok,
    ...(check.problem ? { problem: check.problem } : {}),
    ...(typeof b.summary.open === 'number' ? { openAtSignOff: b.summary.open } : {}),
  };
}

/**
 * The review record for a report, or undefined when the model has none (a draft without owner,
 * reviewers or sign-offs). `checks` are the baselines' verifications; `before` is the latest intact
 * baseline's model and analysis.
 */
export function buildReportReview(
  model: Model,
  analysis: DiffAnalysis | AnalysisResult,
  checks: Array<{ ok: boolean; problem?: string }>,
  before?: { model: Model; analysis: DiffAnalysis },
): ReportReview | undefined {
  const m = model.meta;
  if (model.baselines.length === 0 && !m.owner && m.reviewers.length === 0 && m.reviewStatus === 'draft') return undefined;
  const signOffs = model.baselines.map((b, i) => signOffOf(b, checks[i] ?? { ok: false, problem: 'not verified' }));
  const review: ReportReview = { owner: m.owner ?? '', reviewers: m.reviewers, status: m.reviewStatus, signOffs };
  const latest = signOffs.at(-1);
  if (latest?.verified && before) {
    const diff = diffModels(before.model, model, before.analysis, analysis);
    review.changes = { since: latest, diff, summary: isEmptyDiff(diff) ? 'Nothing changed since the last sign-off.' : summaryLine(diff), sections: diffSections(diff) };
  }
  return review;
}

const when = (at: string) => at.replace('T', ' ').replace(/(:\d{2})(\.\d+)?Z$/, '$1 UTC');
const plain = (line: string) => line.replace(/^[+\-~✓!?] /, '').replace(/ {2,}/g, ' ');

/** Sign-off and changes as Markdown lines (after the executive summary). */
export function reviewMarkdown(review: ReportReview | undefined): string[] {
  if (!review) return [];
  const out = ['## Review and sign-off', ''];
  out.push(`Review status: ${REVIEW_STATUS_TEXT[review.status]}`, '');
  if (review.owner) out.push(`Owner: ${md(review.owner)}`, '');
  out.push(`Reviewers: ${review.reviewers.map(md).join(', ') || '—'}`, '');
  if (review.signOffs.length === 0) out.push('Not signed off yet.', '');
  else {
    out.push('| Sign-off | Date | Status | Signed by | Reviewers | Baseline |', '| --- | --- | --- | --- | --- | --- |');
    for (const s of review.signOffs) {
      out.push(`| ${md(s.id)} | ${when(s.signedAt)} | ${REVIEW_STATUS_TEXT[s.status]} | ${s.signedBy.map(md).join(', ') || '—'} | ${s.reviewers.map(md).join(', ') || '—'} | ${s.verified ? `verified (sha256 ${s.hash.slice(0, 16)}…)` : `**TAMPERED**: ${md(s.problem ?? '')}`} |`);
    }
    out.push('');
  }
  const c = review.changes;
  const latest = review.signOffs.at(-1);
  if (latest && !latest.verified) out.push('## Changes since the last review', '', `The latest baseline (${md(latest.id)}) does not verify, so no changes are shown against it.`, '');
  if (c) {
    out.push('## Changes since the last review', '', `Since ${md(c.since.id)}, signed off on ${when(c.since.signedAt)}: ${md(c.summary)}`, '');
    for (const s of c.sections) out.push(`### ${md(s.title)}`, '', ...s.lines.map((l) => `- ${md(plain(l))}`), '');
  }
  return out;
}

/** Sign-off and changes as HTML (after the executive summary). */
export function reviewHtml(review: ReportReview | undefined): string {
  if (!review) return '';
  const parts = ['<h2 id="sign-off">Review and sign-off</h2>'];
  parts.push(`<dl><dt>Review status</dt><dd>${REVIEW_STATUS_TEXT[review.status]}</dd>${review.owner ? `<dt>Owner</dt><dd>${h(review.owner)}</dd>` : ''}<dt>Reviewers</dt><dd>${review.reviewers.map(h).join(', ') || '—'}</dd></dl>`);
  if (review.signOffs.length === 0) parts.push('<p>Not signed off yet.</p>');
  else
    parts.push(
      `<table><thead><tr><th>Sign-off</th><th>Date</th><th>Status</th><th>Signed by</th><th>Reviewers</th><th>Baseline</th></tr></thead><tbody>${review.signOffs
        .map(
          (s) =>
            `<tr><td>${h(s.id)}</td><td>${h(when(s.signedAt))}</td><td>${REVIEW_STATUS_TEXT[s.status]}</td><td>${s.signedBy.map(h).join(', ') || '—'}</td><td>${s.reviewers.map(h).join(', ') || '—'}</td><td>${
              s.verified ? `verified <span class="muted">sha256 ${h(s.hash.slice(0, 16))}…</span>` : `<strong style="color:#b42318">TAMPERED</strong>: ${h(s.problem ?? '')}`
            }</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  const latest = review.signOffs.at(-1);
  if (latest && !latest.verified) parts.push('<h2>Changes since the last review</h2>', `<p style="color:#b42318;font-weight:600">The latest baseline (${h(latest.id)}) does not verify, so no changes are shown against it.</p>`);
  const c = review.changes;
  if (c) {
    parts.push('<h2 id="changes">Changes since the last review</h2>', `<p>Since ${h(c.since.id)}, signed off on ${h(when(c.since.signedAt))}: ${h(c.summary)}</p>`);
    for (const s of c.sections) parts.push(`<h3>${h(s.title)}</h3><ul>${s.lines.map((l) => `<li>${h(plain(l))}</li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}
