// Technique profiles and the rules built on them (data/techniques/profiles.yaml, docs/rules.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePacks, readCatalogIds } from '../../core/host/analysis/rule-packs';
import { checkProfiles, parseTechniqueProfiles } from '../../core/engine/profiles';
import type { RulePack } from '../../core/engine/rule-pack';

const root = path.resolve(__dirname, '../..');
const { packs } = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const parsed = parseTechniqueProfiles(readFileSync(path.join(root, 'data/techniques/profiles.yaml'), 'utf8'), 'techniques/profiles.yaml');
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const profiles = parsed.profiles;

describe('technique profiles', () => {
  it('hold for every built-in rule: each cited technique has a profile naming the rule and its controls', () => {
    expect(checkProfiles(profiles, packs)).toEqual([]);
  });

  it('name only catalog techniques, each once, with the catalog name', async () => {
    const catalog = await readCatalogIds(path.join(root, 'data/catalog'));
    const names = new Map(catalog.techniqueList.map((t) => [t.id, t.name]));
    for (const p of profiles) expect(names.get(p.technique), p.technique).toBe(p.name);
    expect(new Set(profiles.map((p) => p.technique)).size).toBe(profiles.length);
  });

  it('catch a rule that cites a technique without a profile, or closes it with a control the profile does not name', () => {
    const rule = packs[0]!.rules[0]!;
    const broken: RulePack[] = [{ ...packs[0]!, rules: [{ ...rule, atlas: ['AML.T0029', ...rule.atlas] }] }];
    const withoutProfile = profiles.filter((p) => p.technique !== 'AML.T0029');
    expect(checkProfiles(withoutProfile, broken).some((m) => m.includes('AML.T0029, which has no technique profile'))).toBe(true);
    const primary = rule.atlas[0]!;
    const stripped = profiles.map((p) => (p.technique === primary ? { ...p, closes: [], lowers: [] } : p));
    expect(checkProfiles(stripped, [{ ...packs[0]!, rules: [rule] }]).some((m) => m.includes('which its profile does not name'))).toBe(true);
  });

  it('give every rule finding at most three techniques (primary + two related)', () => {
    for (const rule of packs.flatMap((p) => p.rules)) expect(rule.atlas.length, rule.id).toBeLessThanOrEqual(3);
  });
});
