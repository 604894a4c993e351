// Likelihood × impact with the factors shown (DESIGN.md §6): the rule's base values, adjusted for
// exposure, reachability, data classification, autonomy and consequence; residual after controls.
// What depends only on the component is worked out once per component and analysis; the factor
// objects are shared between findings (they are plain data and never change after analysis).
import type { Score, ScoreFactor, Severity } from './types';
import type { Graph, Node } from './graph';
import { quote } from './match';

const clamp = (n: number) => (n < 1 ? 1 : n > 5 ? 5 : n);

export function severityOf(score: number): Severity {
  if (score >= 20) return 'critical';
  if (score >= 12) return 'high';
  if (score >= 6) return 'medium';
  if (score >= 3) return 'low';
  return 'info';
}

export function makeScore(likelihood: number, impact: number, likelihoodFactors: ScoreFactor[], impactFactors: ScoreFactor[]): Score {
  const l = clamp(likelihood);
  const i = clamp(impact);
  return { likelihood: l, impact: i, score: l * i, severity: severityOf(l * i), likelihoodFactors, impactFactors };
}

const CLASS_RANK: Record<string, number> = { public: 0, internal: 1, confidential: 2, personal: 2 };
const rankOf = (classification: string) => (Object.hasOwn(CLASS_RANK, classification) ? CLASS_RANK[classification]! : -1);
const PUBLIC_ONLY: ScoreFactor = { factor: 'data classification', effect: -1, reason: 'only public data is involved' };

/** The part of a score that depends only on the component the threat lands on. */
interface NodeScore {
  likelihood: ScoreFactor | undefined;
  rank: number;
  rankSource: string;
  impact: ScoreFactor[]; // autonomy, capabilities, consequence
}

export interface ScoreInput {
  base: { likelihood: ScoreFactor; impact: ScoreFactor };
  /** The component the threat lands on (sink, subject, flow target). */
  node: Node;
  /** Flows whose classification counts (the subject flow, or flows touching the subject), in order. */
  flowIndexes: readonly number[];
  moreFlowIndexes?: readonly number[];
  /** Present "lowers" controls: one sentence each. */
  presentControls: readonly string[];
}

export type Scorer = (input: ScoreInput) => { inherent: Score; residual: Score };

export function createScorer(graph: Graph): Scorer {
  const perNode: Array<NodeScore | undefined> = new Array(graph.nodes.length);
  const classFactors = new Map<string, ScoreFactor>();
  const classFactor = (reason: string) => {
    let f = classFactors.get(reason);
    if (!f) {
      f = { factor: 'data classification', effect: 1, reason };
      classFactors.set(reason, f);
    }
    return f;
  };

  const nodeScore = (node: Node): NodeScore => {
    const cached = perNode[node.index];
    if (cached) return cached;
    const name = quote(node.label);
    let likelihood: ScoreFactor | undefined;
    if (node.exposed) likelihood = { factor: 'exposure', effect: 1, reason: `${name} is internet-facing or in the internet zone` };
    else if (node.outsideInput !== undefined) {
      likelihood = { factor: 'exposure', effect: 1, reason: `${name} takes input that outsiders shape (from ${quote(node.outsideInput)})` };
    } else if (!graph.reachableFromInternet[node.index] && node.trust !== undefined && node.trust >= 3) {
      likelihood = { factor: 'reachability', effect: -1, reason: `${name} is only reachable from inside the zone ${quote(node.zoneLabel ?? '')}` };
    }
    const classification = node.facts.dataClassification;
    const rank = rankOf(String(classification));
    const rankSource = rank >= 0 && classification !== undefined ? `${name} holds ${String(classification)} data` : '';
    const impact: ScoreFactor[] = [];
    if (node.facts.autonomy === 'autonomous') impact.push({ factor: 'autonomy', effect: 1, reason: `${name} acts on its own, without confirmation` });
    const caps = Array.isArray(node.facts.toolCapabilities) ? (node.facts.toolCapabilities as string[]) : [];
    const risky = caps.filter((c) => c === 'write' || c === 'execute' || c === 'send');
    if (risky.length > 0) impact.push({ factor: 'capabilities', effect: 1, reason: `${name} can ${risky.join(', ')}` });
    if (node.facts.consequentialDecisions === true) impact.push({ factor: 'consequence', effect: 1, reason: `${name} makes consequential decisions` });
    const result = { likelihood, rank, rankSource, impact };
    perNode[node.index] = result;
    return result;
  };

  return (input) => {
    const ns = nodeScore(input.node);
    const lf: ScoreFactor[] = [input.base.likelihood];
    const inf: ScoreFactor[] = [input.base.impact];
    let likelihood = input.base.likelihood.effect;
    let impact = input.base.impact.effect;
    if (ns.likelihood) {
      likelihood += ns.likelihood.effect;
      lf.push(ns.likelihood);
    }

    let rank = ns.rank;
    let flowClass: string | undefined;
    const consider = (flows: readonly number[]) => {
      for (let k = 0; k < flows.length; k++) {
        const c = String(graph.flowFacts[flows[k]!]!.classification);
        const r = rankOf(c);
        if (r > rank) {
          rank = r;
          flowClass = c;
        }
      }
    };
    consider(input.flowIndexes);
    if (input.moreFlowIndexes) consider(input.moreFlowIndexes);
    if (rank >= 2) {
      impact += 1;
      inf.push(classFactor(flowClass === undefined ? ns.rankSource : `a flow carries ${flowClass} data`));
    } else if (rank === 0) {
      impact -= 1;
      inf.push(PUBLIC_ONLY);
    }
    for (const f of ns.impact) {
      impact += 1;
      inf.push(f);
    }
    const inherent = makeScore(likelihood, impact, lf, inf);

    let rl = inherent.likelihood;
    let ri = inherent.impact;
    const rlf = lf.slice();
    const rif = inf.slice();
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
  };
}
