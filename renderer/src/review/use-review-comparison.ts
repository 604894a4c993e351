// Keeps the comparison with the latest signed-off baseline up to date: verifies every baseline's
// hash, analyses the baseline's snapshot once (with the same rule packs as the live analysis) and
// diffs it against the live model and its findings after every analysis.
import { useEffect } from 'react';
import { call } from '../api/client';
import { analyze } from '../../../core/engine/analyze';
import type { RulePack } from '../../../core/engine/rule-pack';
import type { AnalysisResult } from '../../../core/engine/types';
import type { Baseline, Model } from '../../../core/model/schema';
import { diffModels } from '../../../core/diff/diff';
import type { DiffAnalysis } from '../../../core/diff/types';
import { summaryVersions, verifyBaseline, type AnalysisVersions, type BaselineCheck } from '../../../core/review/baseline';
import { useDocument } from '../state/document-store';
import { useFindings } from '../state/findings-store';
import { useReview, type RemovedGhost } from './review-store';
import { useSession } from '../state/session-store';
import { COMPONENT_SIZE, ZONE_SIZE } from '../state/model-edits';

interface Engine {
  packs: RulePack[];
  techniqueTactics: Record<string, string[]>;
  versions: AnalysisVersions;
}

let engine: Promise<Engine> | null = null;

/** The rule packs and catalog version the live analysis uses, fetched once. */
export function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const rules = await call('rules:list', {});
    if (!rules.ok) throw new Error(rules.error.message);
    const stats = await call('catalog:stats', {});
    const versions: AnalysisVersions = {
      ...(stats.ok ? { catalog: stats.value.atlasVersion } : {}),
      rulePacks: Object.fromEntries(rules.value.packs.map((p) => [p.id, String(p.version)])),
    };
    return { packs: rules.value.packs, techniqueTactics: rules.value.techniqueTactics, versions };
  })();
  engine.catch(() => (engine = null));
  return engine;
}

const snapshotAnalyses = new WeakMap<Baseline, DiffAnalysis>();
// Edits keep unchanged baselines as the same objects, so each one is hashed once, not after every edit.
const verified = new WeakMap<Baseline, BaselineCheck>();
function check(b: Baseline): BaselineCheck {
  let result = verified.get(b);
  if (!result) verified.set(b, (result = verifyBaseline(b)));
  return result;
}

/** The model generation whose baselines were last announced as tampered (once per opened file). */
let warnedGeneration = -1;

function compare(model: Model, result: AnalysisResult, eng: Engine) {
  const checks = model.baselines.map(check);
  const generation = useDocument.getState().generation;
  const bad = checks.filter((c) => !c.ok);
  if (bad.length > 0 && warnedGeneration !== generation) {
    warnedGeneration = generation;
    useSession.getState().notify('error', `Baseline ${bad.map((c) => c.id).join(', ')} of this model was changed after sign-off (tampered): it no longer matches its hash.`);
  }
  const latest = model.baselines.at(-1);
  const last = checks.at(-1);
  if (!latest || !last?.ok) {
    useReview.getState().setComparison({ checks, diff: null, newKeys: new Set(), tints: {}, ghosts: [] });
    return;
  }
  let before = snapshotAnalyses.get(latest);
  if (!before) {
    const recorded = summaryVersions(latest.summary);
    before = { ...analyze(last.model, eng.packs, { techniqueTactics: eng.techniqueTactics }), versions: Object.keys(recorded).length ? recorded : eng.versions };
    snapshotAnalyses.set(latest, before);
  }
  const diff = diffModels(last.model, model, before, { ...result, versions: eng.versions });
  const open = new Set(result.findings.filter((f) => f.status === 'open' && !f.closedBy?.length).map((f) => f.key));
  const newKeys = new Set([...diff.findings.new, ...diff.findings.reopened].map((f) => f.key).filter((k) => open.has(k)));
  const tints: Record<string, 'added' | 'changed'> = {};
  const ghosts: RemovedGhost[] = [];
  for (const e of diff.elements) {
    if (e.change === 'added' || e.change === 'changed') tints[e.id] = e.change;
    else if (e.type !== 'flow') {
      const box = last.model.layout.boxes[e.id];
      const size = e.type === 'zone' ? ZONE_SIZE : COMPONENT_SIZE;
      if (box) ghosts.push({ id: e.id, label: e.label, type: e.type, box: { x: box.x, y: box.y, width: box.width ?? size.width, height: box.height ?? size.height } });
    }
  }
  useReview.getState().setComparison({ checks, diff, newKeys, tints, ghosts });
}

export function useReviewComparison() {
  useEffect(() => {
    let disposed = false;
    const update = () => {
      const model = useDocument.getState().model;
      const result = useFindings.getState().result;
      if (!model || model.baselines.length === 0) {
        if (useReview.getState().checks.length || useReview.getState().diff) useReview.getState().setComparison({ checks: [], diff: null, newKeys: new Set(), tints: {}, ghosts: [] });
        return;
      }
      if (!result) return;
      void loadEngine().then(
        (eng) => {
          if (!disposed && useDocument.getState().model === model) compare(model, result, eng);
        },
        () => undefined,
      );
    };
    const offFindings = useFindings.subscribe((s, p) => s.result !== p.result && update());
    const offDocument = useDocument.subscribe((s, p) => s.model !== p.model && s.model?.baselines !== p.model?.baselines && update());
    update();
    return () => {
      disposed = true;
      offFindings();
      offDocument();
    };
  }, []);
}
