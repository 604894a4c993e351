// Hostile rule packs: a __proto__, constructor or prototype key anywhere is refused with the file,
// rule and field named (a dropped key would make a condition match everything), and oversized packs,
// too many rules or too many files are refused quickly with a clear error.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { MAX_PACK_FILES, MAX_RULES_PER_PACK } from '../../core/engine/rule-pack-guard';
import { ROOT, report, scratch } from './helpers';

const work = scratch('rules');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const rule = (id: string, match = '{ kind: [inference-api] }') =>
  [
    `  - id: ${id}`,
    `    title: Test rule ${id}`,
    '    category: Test',
    '    type: component',
    `    match: ${match}`,
    '    controls:',
    '      - { control: authentication, effect: closes }',
    '    atlas: [AML.T0040]',
    '    owasp: [LLM10:2025]',
    '    likelihood: 2',
    '    impact: 2',
  ].join('\n');

const pack = (rules: string[], top = '') => ['id: hostile', 'name: Hostile', 'version: 1', top, 'rules:', ...rules, ''].filter((l) => l !== '').join('\n');

async function loadFolder(name: string, files: Record<string, string>) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return loadRulePacks({ builtinDir: path.join(ROOT, 'data', 'rules'), userDir: dir, userLabel: 'rules' });
}

describe('hostile rule packs', () => {
  it.each([
    ['__proto__ in a condition', pack([rule('proto-rule', '{ kind: [inference-api], __proto__: { kind: [llm] } }')]), /rules\/p\.yaml: rule "proto-rule": match\.__proto__: the key "__proto__" is not allowed/],
    ['constructor in a rule', pack([rule('ctor-rule') + '\n    constructor: { x: 1 }']), /rule "ctor-rule": constructor: the key "constructor" is not allowed/],
    ['prototype deep in a control', pack([rule('deep-rule').replace('effect: closes }', 'effect: closes, extra: { prototype: 1 } }')]), /rule "deep-rule": controls\.0\.extra\.prototype: the key "prototype" is not allowed/],
    ['__proto__ at the top', pack([rule('ok-rule')], '__proto__: { polluted: true }'), /rules\/p\.yaml: __proto__: the key "__proto__" is not allowed/],
  ])('%s: refused, naming file, rule and field', async (name, text, message) => {
    const loaded = await loadFolder(name.replace(/\W+/g, '-'), { 'p.yaml': text });
    expect(loaded.errors.join('\n')).toMatch(message);
    expect(loaded.packs.some((p) => p.id === 'hostile')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 12 MB pack, too many rules and too many packs, quickly and with clear errors', async () => {
    const started = Date.now();
    const big = pack([rule('big') + '\n    description: "' + 'x'.repeat(12 * 1024 * 1024) + '"']);
    const many = pack(Array.from({ length: MAX_RULES_PER_PACK + 1 }, (_, i) => rule(`r${i}`)));
    const loaded = await loadFolder('limits', { 'big.yaml': big, 'many.yaml': many });
    const ms = Date.now() - started;
    const text = loaded.errors.join('\n');
    expect(text).toMatch(/rules\/big\.yaml: the file is 12\.0 MB; a rule pack may be at most 1 MB/);
    expect(text).toMatch(new RegExp(`rules/many\\.yaml: rules: ${MAX_RULES_PER_PACK + 1} rules; a pack may hold at most ${MAX_RULES_PER_PACK}`));
    const files: Record<string, string> = {};
    for (let i = 0; i <= MAX_PACK_FILES; i++) files[`p${i}.yaml`] = pack([rule(`f${i}`)]);
    const crowded = await loadFolder('crowded', files);
    expect(crowded.errors.join('\n')).toMatch(new RegExp(`rules: ${MAX_PACK_FILES + 1} rule packs; a folder may hold at most ${MAX_PACK_FILES}`));
    report('oversized rule packs refused', 3, 0, `12 MB pack and ${MAX_RULES_PER_PACK + 1} rules refused in ${ms} ms`);
    expect(ms).toBeLessThan(10_000);
  });
});
