// Coverage (DESIGN.md §6): which ATLAS techniques and OWASP entries the rules can produce, which are
// justified as architecture-independent, and — for one model — which are exposed and mitigated.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import type { RulePack } from './rule-pack';
import type { AnalysisResult } from './types';
import { checkProfiles, type TechniqueProfile } from './profiles';

/** Tactics whose techniques happen before the attacker touches the system; not expected from rules. */
export const PRE_ATTACK_TACTICS = ['AML.TA0002', 'AML.TA0003'] as const;

export const ArchitectureIndependentSchema = z.strictObject({
  description: z.string().optional(),
  techniques: z.array(
    z.strictObject({
      technique: z.string().regex(/^AML\.T\d{4}(\.\d{3})?$/, 'an ATLAS technique id looks like AML.T0052'),
      reason: z.string().min(10, 'say in a sentence why it does not depend on the architecture'),
    }),
  ),
});
export type ArchitectureIndependent = z.infer<typeof ArchitectureIndependentSchema>['techniques'];

export function parseArchitectureIndependent(text: string, fileName: string): { ok: true; entries: ArchitectureIndependent } | { ok: false; errors: string[] } {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    return { ok: false, errors: [`${fileName}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = ArchitectureIndependentSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${fileName}: ${i.path.join('.')}: ${i.message}`) };
  return { ok: true, entries: parsed.data.techniques };
}

export type TechniqueCoverageStatus = 'rule' | 'architecture-independent' | 'pre-attack' | 'missing';

export interface CoverageReport {
  techniques: Array<{
    id: string;
    name: string;
    tactics: string[];
    status: TechniqueCoverageStatus;
    rules: string[];
    reason?: string;
    /** What the technique needs, and the controls that close or lower it (from its profile). */
    profile?: Pick<TechniqueProfile, 'needs' | 'closes' | 'lowers' | 'cosai' | 'primaryIn'>;
  }>;
  owasp: Array<{ id: string; rules: string[] }>;
  /** Problems in the justification list: unknown ids, ids also produced by a rule. */
  problems: string[];
  summary: {
    techniques: number;
    byRule: number;
    architectureIndependent: number;
    preAttack: number;
    missing: number;
    owasp: number;
    owaspCovered: number;
    /** Share of the techniques that need coverage that have it (0–100). */
    percent: number;
  };
  complete: boolean;
}

export function computeCoverage(input: {
  techniques: ReadonlyArray<{ id: string; name: string; tactics: readonly string[] }>;
  owaspIds: readonly string[];
  packs: readonly RulePack[];
  independent: ArchitectureIndependent;
  /** Technique profiles; a technique is covered through the rules its profile names (and that exist). */
  profiles?: readonly TechniqueProfile[];
}): CoverageReport {
  const rulesByTechnique = new Map<string, string[]>();
  const rulesByOwasp = new Map<string, string[]>();
  const ruleIds = new Set<string>();
  for (const pack of input.packs) {
    for (const rule of pack.rules) {
      ruleIds.add(rule.id);
      for (const t of rule.atlas) rulesByTechnique.set(t, [...(rulesByTechnique.get(t) ?? []), rule.id]);
      for (const o of rule.owasp) rulesByOwasp.set(o, [...(rulesByOwasp.get(o) ?? []), rule.id]);
    }
  }
  const profiles = new Map((input.profiles ?? []).map((p) => [p.technique, p]));
  for (const p of profiles.values()) {
    const existing = p.rules.filter((id) => ruleIds.has(id));
    if (existing.length) rulesByTechnique.set(p.technique, [...(rulesByTechnique.get(p.technique) ?? []), ...existing]);
  }
  const known = new Set(input.techniques.map((t) => t.id));
  const reasons = new Map(input.independent.map((e) => [e.technique, e.reason]));
  const problems: string[] = input.profiles ? checkProfiles(input.profiles, input.packs) : [];
  for (const e of input.independent) {
    if (!known.has(e.technique)) problems.push(`${e.technique} is listed as architecture-independent but is not in the catalog`);
  }
  const techniques = input.techniques.map((t) => {
    const rules = [...new Set(rulesByTechnique.get(t.id) ?? [])].sort();
    const preAttack = t.tactics.length > 0 && t.tactics.every((x) => (PRE_ATTACK_TACTICS as readonly string[]).includes(x));
    let status: TechniqueCoverageStatus = 'missing';
    if (rules.length > 0) status = 'rule';
    else if (reasons.has(t.id)) status = 'architecture-independent';
    else if (preAttack) status = 'pre-attack';
    if (rules.length > 0 && reasons.has(t.id)) problems.push(`${t.id} is produced by a rule and also listed as architecture-independent`);
    const reason = reasons.get(t.id);
    const profile = profiles.get(t.id);
    return {
      id: t.id,
      name: t.name,
      tactics: [...t.tactics],
      status,
      rules,
      ...(reason && status === 'architecture-independent' ? { reason } : {}),
      ...(profile ? { profile: { needs: profile.needs, closes: profile.closes, lowers: profile.lowers, ...(profile.cosai ? { cosai: profile.cosai } : {}), ...(profile.primaryIn ? { primaryIn: profile.primaryIn } : {}) } } : {}),
    };
  });
  const owasp = input.owaspIds.map((id) => ({ id, rules: [...new Set(rulesByOwasp.get(id) ?? [])].sort() }));
  const count = (s: TechniqueCoverageStatus) => techniques.filter((t) => t.status === s).length;
  const needed = techniques.length - count('pre-attack');
  const missing = count('missing');
  const owaspCovered = owasp.filter((o) => o.rules.length > 0).length;
  return {
    techniques,
    owasp,
    problems,
    summary: {
      techniques: techniques.length,
      byRule: count('rule'),
      architectureIndependent: count('architecture-independent'),
      preAttack: count('pre-attack'),
      missing,
      owasp: owasp.length,
      owaspCovered,
      percent: needed === 0 ? 100 : Math.round(((needed - missing) / needed) * 1000) / 10,
    },
    complete: missing === 0 && owaspCovered === owasp.length && problems.length === 0,
  };
}

/** For one analysed model: techniques with an open finding, and techniques whose findings are all decided. */
export function modelCoverage(result: AnalysisResult): { exposed: string[]; mitigated: string[] } {
  const open = new Set<string>();
  const decided = new Set<string>();
  for (const f of result.findings) {
    for (const a of f.atlas) (f.status === 'open' ? open : decided).add(a.technique);
  }
  return { exposed: [...open].sort(), mitigated: [...decided].filter((t) => !open.has(t)).sort() };
}
