// Likelihood × impact with the factors shown (DESIGN.md §6): the rule's base values, adjusted for
// exposure, reachability, data classification, autonomy and consequence; residual after controls.
import type { Score, ScoreFactor, Severity } from './types';
import type { Graph, Node } from './graph';
import { quote } from './match';

const clamp = (n: number) => Math.max(1, Math.min(5, n));

export function severityOf(score: number): Severity {
  if (score >= 20) return 'critical';
  if (score >= 12) return 'high';
  if (score >= 6) return 'medium';
  if (score >= 3) return 'low';
  return 'info';
}

function makeScore(likelihood: number, impact: number, likelihoodFactors: ScoreFactor[], impactFactors: ScoreFactor[]): Score {
  const l = clamp(likelihood);
  const i = clamp(impact);
  return { likelihood: l, impact: i, score: l * i, severity: severityOf(l * i), likelihoodFactors, impactFactors };
}

const CLASS_RANK: Record<string, number> = { public: 0, internal: 1, confidential: 2, personal: 2 };

export interface ScoreInput {
  base: { likelihood: number; impact: number };
  /** The component the threat lands on (sink, subject, flow target). */
  node: Node;
  /** Flows whose classification counts (the subject flow, or flows touching the subject). */
  flowIndexes: readonly number[];
  /** Present "lowers" controls: one sentence each. */
  presentControls: readonly string[];
}

export function scoreFinding(graph: Graph, input: ScoreInput): { inherent: Score; residual: Score } {
  const { node } = input;
  const name = quote(node.component.label || node.component.id);
  const lf: ScoreFactor[] = [{ factor: 'base', effect: input.base.likelihood, reason: 'the rule\'s base likelihood' }];
  const inf: ScoreFactor[] = [{ factor: 'base', effect: input.base.impact, reason: 'the rule\'s base impact' }];
  let likelihood = input.base.likelihood;
  let impact = input.base.impact;

  if (node.exposed) {
    likelihood += 1;
    lf.push({ factor: 'exposure', effect: 1, reason: `${name} is internet-facing or in the internet zone` });
  } else if (!graph.reachableFromInternet[node.index] && node.trust !== undefined && node.trust >= 3) {
    likelihood -= 1;
    lf.push({ factor: 'reachability', effect: -1, reason: `${name} is only reachable from inside the zone ${quote(node.zoneLabel ?? '')}` });
  }

  let rank = CLASS_RANK[String(node.facts.dataClassification)] ?? -1;
  let source = rank >= 0 && node.facts.dataClassification !== undefined ? `${name} holds ${String(node.facts.dataClassification)} data` : '';
  for (const f of input.flowIndexes) {
    const c = String(graph.flowFacts[f]!.classification);
    const r = CLASS_RANK[c] ?? -1;
    if (r > rank) {
      rank = r;
      source = `a flow carries ${c} data`;
    }
  }
  if (rank >= 2) {
    impact += 1;
    inf.push({ factor: 'data classification', effect: 1, reason: source });
  } else if (rank === 0) {
    impact -= 1;
    inf.push({ factor: 'data classification', effect: -1, reason: 'only public data is involved' });
  }

  if (node.facts.autonomy === 'autonomous') {
    impact += 1;
    inf.push({ factor: 'autonomy', effect: 1, reason: `${name} acts on its own, without confirmation` });
  }
  const caps = Array.isArray(node.facts.toolCapabilities) ? (node.facts.toolCapabilities as string[]) : [];
  const risky = caps.filter((c) => c === 'write' || c === 'execute' || c === 'send');
  if (risky.length > 0) {
    impact += 1;
    inf.push({ factor: 'capabilities', effect: 1, reason: `${name} can ${risky.join(', ')}` });
  }
  if (node.facts.consequentialDecisions === true) {
    impact += 1;
    inf.push({ factor: 'consequence', effect: 1, reason: `${name} makes consequential decisions` });
  }
  const inherent = makeScore(likelihood, impact, lf, inf);

  let rl = inherent.likelihood;
  let ri = inherent.impact;
  const rlf = [...lf];
  const rif = [...inf];
  for (const present of input.presentControls) {
    if (rl > 1) {
      rl -= 1;
      rlf.push({ factor: 'controls present', effect: -1, reason: present });
    } else if (ri > 1) {
      ri -= 1;
      rif.push({ factor: 'controls present', effect: -1, reason: present });
    }
  }
  return { inherent, residual: makeScore(rl, ri, rlf, rif) };
}
