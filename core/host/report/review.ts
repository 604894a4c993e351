// The review part of a report: verifies the baselines and analyses the latest intact one with the
// same rule packs as the report, then builds the sign-off page and the changes section.
import type { AnalysisResult } from '../../engine/types';
import type { Model } from '../../model/schema';
import { verifyBaselines } from '../../review/baseline';
import { buildReportReview, type ReportReview } from '../../report/review';

export async function reviewForReport(model: Model, analysis: AnalysisResult, analyzeModel: (m: Model) => Promise<AnalysisResult>): Promise<ReportReview | undefined> {
  const checks = verifyBaselines(model);
  const latest = checks.at(-1);
  const before = latest?.ok ? { model: latest.model, analysis: await analyzeModel(latest.model) } : undefined;
  return buildReportReview(
    model,
    analysis,
    checks.map((c) => (c.ok ? { ok: true } : { ok: false, problem: c.problem })),
    before,
  );
}
