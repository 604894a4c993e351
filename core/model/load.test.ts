// The loader against hostile and broken input: every problem has its code and JSON Pointer.
import { describe, expect, it } from 'vitest';
import { loadModelBytes, loadModelText, loadModelValue } from './load';
import { checkNestingDepth, findForbiddenKey, findInvalidUtf8, MAX_NESTING_DEPTH } from './json-guard';
import { serializeModel } from './canonical';
import { CURRENT_SCHEMA_VERSION, createEmptyModel } from './schema';

const base = () => ({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  meta: { title: 'Test' },
  zones: [{ id: 'z1', kind: 'cloud', label: 'Cloud' }],
  components: [
    { id: 'a', kind: 'llm', label: 'LLM', zone: 'z1' },
    { id: 'b', kind: 'application', label: 'App' },
  ],
  flows: [{ id: 'f1', source: 'b', target: 'a' }],
});

function firstError(input: unknown) {
  const result = typeof input === 'string' ? loadModelText(input) : loadModelValue(input);
  if (result.ok) throw new Error('expected the model to be refused');
  return result.errors[0]!;
}

describe('loadModel', () => {
  it('accepts a valid model and fills defaults', () => {
    const result = loadModelValue(base());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.components[0]!.facts).toEqual({});
    expect(result.model.layout).toEqual({ boxes: {}, flowPoints: {}, labels: {} });
    expect(result.warnings).toEqual([]);
  });

  it('reports malformed JSON with line and column', () => {
    const error = firstError('{\n  "schemaVersion": 1,\n  "meta": {,\n}');
    expect(error.code).toBe('E_JSON_SYNTAX');
    expect(error.pointer).toBe('');
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThan(1);
  });

  it('reports an empty file', () => {
    const error = firstError('   ');
    expect(error).toMatchObject({ code: 'E_JSON_SYNTAX', message: 'the file is empty' });
  });

  it.each([
    ['an array', []],
    ['a number', 42],
    ['null', null],
    ['a JSON string', '"model"'],
  ])('refuses %s as E_NOT_A_MODEL', (_name, value) => {
    expect(firstError(value)).toMatchObject({ code: 'E_NOT_A_MODEL', pointer: '' });
  });

  it('refuses a missing schemaVersion', () => {
    const { schemaVersion: _drop, ...doc } = base();
    expect(firstError(doc)).toMatchObject({ code: 'E_NOT_A_MODEL', pointer: '/schemaVersion' });
  });

  it('refuses a newer schemaVersion', () => {
    expect(firstError({ ...base(), schemaVersion: 99 })).toMatchObject({ code: 'E_UNSUPPORTED_VERSION', pointer: '/schemaVersion' });
  });

  it('points at wrong types', () => {
    const doc = base();
    (doc.components[1] as Record<string, unknown>).label = 42;
    expect(firstError(doc)).toMatchObject({ code: 'E_SCHEMA', pointer: '/components/1/label' });
  });

  it('names unknown keys', () => {
    const doc = { ...base(), extra: true };
    const error = firstError(doc);
    expect(error.code).toBe('E_SCHEMA');
    expect(error.message).toContain('"extra"');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s wherever it is', (key) => {
    const text = JSON.stringify(base()).replace('"label":"App"', `"label":"App","facts":{"${key}":{"polluted":true}}`);
    expect(firstError(text)).toMatchObject({ code: 'E_FORBIDDEN_KEY', pointer: `/components/1/facts/${key}` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a dangling flow', () => {
    const doc = base();
    doc.flows[0]!.target = 'ghost';
    expect(firstError(doc)).toMatchObject({ code: 'E_DANGLING_FLOW', pointer: '/flows/0/target' });
  });

  it('refuses duplicate ids across element types', () => {
    const doc = base();
    doc.flows[0]!.id = 'a';
    expect(firstError(doc)).toMatchObject({ code: 'E_DUPLICATE_ID', pointer: '/flows/0/id' });
  });

  it('refuses an unknown kind', () => {
    const doc = base();
    doc.components[0]!.kind = 'quantum-oracle';
    expect(firstError(doc)).toMatchObject({ code: 'E_UNKNOWN_KIND', pointer: '/components/0/kind' });
  });

  it('refuses dangling zones and zone cycles', () => {
    const doc = base();
    doc.components[0]!.zone = 'nowhere';
    expect(firstError(doc)).toMatchObject({ code: 'E_DANGLING_ZONE', pointer: '/components/0/zone' });
    const cyclic = { ...base(), zones: [{ id: 'p', kind: 'cloud', label: 'P', parent: 'q' }, { id: 'q', kind: 'cloud', label: 'Q', parent: 'p' }], components: [], flows: [] };
    expect(firstError(cyclic)).toMatchObject({ code: 'E_ZONE_CYCLE' });
  });

  it('accepts a BOM with the warning W_BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + JSON.stringify(base()));
    expect(bytes[0]).toBe(0xef);
    const result = loadModelBytes(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.map((w) => w.code)).toEqual(['W_BOM']);
  });

  it('refuses invalid UTF-8 with the byte offset and line', () => {
    const text = JSON.stringify(base(), null, 2).replace('"LLM"', '"L\u0000M"');
    const bytes = new TextEncoder().encode(text);
    const at = bytes.indexOf(0);
    bytes[at] = 0xff; // 0xff never occurs in UTF-8
    const result = loadModelBytes(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ code: 'E_ENCODING', pointer: '' });
    expect(result.errors[0]!.message).toContain(`byte ${at} (0xff)`);
    expect(result.errors[0]!.line).toBe(text.slice(0, text.indexOf('\u0000')).split('\n').length);
  });

  it('finds invalid UTF-8 sequences precisely', () => {
    expect(findInvalidUtf8(new Uint8Array([0x41, 0xc3, 0xa9]))).toBe(-1);
    expect(findInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong
    expect(findInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(findInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe2, 0x82]))).toBe(2); // truncated
    expect(findInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
  });

  it('refuses deep nesting without overflowing the stack, with the pointer of the place', () => {
    const depth = 100_000;
    const text = '{"schemaVersion":1,"meta":{"title":"x"},"components":[{"id":"a","kind":"llm","label":"x","facts":{"k":' + '['.repeat(depth) + ']'.repeat(depth) + '}}]}';
    const error = firstError(text);
    expect(error.code).toBe('E_TOO_DEEP');
    expect(error.pointer).toBe('/components/0/facts/k' + '/0'.repeat(MAX_NESTING_DEPTH - 4));
  });

  it('does not count brackets inside strings towards the depth', () => {
    const doc = base();
    doc.components[0]!.label = '[[[[{{{{'.repeat(20) + '\\"[[[';
    expect(checkNestingDepth(JSON.stringify(doc))).toBeNull();
    expect(loadModelValue(doc).ok).toBe(true);
  });

  it('accepts markup in labels as plain text', () => {
    const doc = base();
    doc.components[0]!.label = '<img src=x onerror=alert(1)>';
    const result = loadModelText(JSON.stringify(doc));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.model.components[0]!.label).toBe('<img src=x onerror=alert(1)>');
  });

  it('drops layout of missing elements with W_LAYOUT_ORPHAN', () => {
    const doc = { ...base(), layout: { boxes: { a: { x: 1, y: 2 }, ghost: { x: 0, y: 0 } }, flowPoints: { nope: [] } } };
    const result = loadModelValue(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => [w.code, w.pointer])).toEqual([
      ['W_LAYOUT_ORPHAN', '/layout/boxes/ghost'],
      ['W_LAYOUT_ORPHAN', '/layout/flowPoints/nope'],
    ]);
    expect(Object.keys(result.model.layout.boxes)).toEqual(['a']);
  });

  it('escapes ~ and / in pointers (RFC 6901)', () => {
    const doc = { ...base(), decisions: { 'rule/x~y': { status: 'bogus' } } };
    expect(firstError(doc)).toMatchObject({ code: 'E_SCHEMA', pointer: '/decisions/rule~1x~0y/status' });
  });

  it('finds forbidden keys inside arrays', () => {
    expect(findForbiddenKey(JSON.parse('{"a":[1,{"b":{"__proto__":1}}]}'))).toMatchObject({ pointer: '/a/1/b/__proto__' });
    expect(findForbiddenKey({ a: [1, { b: 2 }] })).toBeNull();
  });

  it('round-trips an empty model', () => {
    const text = serializeModel(createEmptyModel('Empty'));
    const result = loadModelText(text);
    expect(result.ok && serializeModel(result.model)).toBe(text);
  });
});
