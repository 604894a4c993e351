// Technique profiles (data/techniques/profiles.yaml, docs/rules.md): for each ATLAS technique an
// architecture rule can raise, what it needs to work, which controls close or lower it, the CoSAI Risk
// Map risks mapped to it, and the rules built on it. Pure: parsing and the consistency check.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import type { RulePack } from './rule-pack';

const TechniqueId = z.string().regex(/^AML\.T\d{4}(\.\d{3})?$/, 'an ATLAS technique id looks like AML.T0051 or AML.T0051.001');

export const TechniqueProfileSchema = z.strictObject({
  technique: TechniqueId,
  name: z.string().min(1),
  /** The situations in which the technique becomes possible, in plain words. */
  needs: z.string().min(10, 'say in words what the technique needs to work'),
  rules: z.array(z.string().min(1)).min(1, 'a profile names the rules built on it'),
  /** Rules whose primary technique this is. */
  primaryIn: z.array(z.string().min(1)).optional(),
  closes: z.array(z.string()).default([]),
  lowers: z.array(z.string()).default([]),
  cosai: z.array(z.string()).optional(),
});
export type TechniqueProfile = z.infer<typeof TechniqueProfileSchema>;

export function parseTechniqueProfiles(text: string, fileName: string): { ok: true; profiles: TechniqueProfile[] } | { ok: false; errors: string[] } {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    return { ok: false, errors: [`${fileName}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = z.strictObject({ profiles: z.array(TechniqueProfileSchema) }).safeParse(value);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${fileName}: ${i.path.join('.')}: ${i.message}`) };
  return { ok: true, profiles: parsed.data.profiles };
}

/**
 * What does not hold between the rules and the profiles: a rule citing a technique whose profile is
 * missing or does not name it, a profile naming a rule that does not exist, a rule's closing or
 * lowering control that the technique's profile does not name, a primary technique not marked so.
 */
export function checkProfiles(profiles: readonly TechniqueProfile[], packs: readonly RulePack[]): string[] {
  const problems: string[] = [];
  const byTechnique = new Map<string, TechniqueProfile>();
  for (const p of profiles) {
    if (byTechnique.has(p.technique)) problems.push(`${p.technique} has two profiles`);
    byTechnique.set(p.technique, p);
  }
  const rules = new Map(packs.flatMap((pack) => pack.rules).map((r) => [r.id, r]));
  for (const rule of rules.values()) {
    rule.atlas.forEach((technique, i) => {
      const profile = byTechnique.get(technique);
      if (!profile) return problems.push(`rule "${rule.id}" cites ${technique}, which has no technique profile`);
      if (!profile.rules.includes(rule.id)) problems.push(`rule "${rule.id}" cites ${technique}, but its profile does not list the rule`);
      if (i === 0 && !(profile.primaryIn ?? []).includes(rule.id)) problems.push(`${technique} is the primary technique of "${rule.id}", but its profile does not say so (primaryIn)`);
      for (const c of rule.controls) {
        const named = c.effect === 'closes' ? profile.closes : [...profile.closes, ...profile.lowers];
        if (!named.includes(c.control)) problems.push(`rule "${rule.id}" ${c.effect === 'closes' ? 'closes' : 'lowers'} ${technique} with ${c.control}, which its profile does not name`);
      }
    });
  }
  for (const p of profiles) {
    for (const id of p.rules) if (!rules.has(id)) problems.push(`the profile of ${p.technique} names rule "${id}", which is in no rule pack`);
  }
  return problems;
}
