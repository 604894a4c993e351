// Hostile import files are refused with a clear error, fast (under 2 s) and without building anything
// big. There are no hostile .tm7 files among the external fixtures: the XML ones below are written
// here, small, in the shape of a Threat Modeling Tool model (root <ThreatModel>).
import { describe, expect, it } from 'vitest';
import { importModel } from '../../core/interchange/import';
import type { ImportProblem } from '../../core/interchange/types';

const TM7_NS = 'xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model"';

function refused(text: string, code: ImportProblem['code'], options: Parameters<typeof importModel>[1] = {}): ImportProblem {
  expect(text.includes('\u0000')).toBe(false); // flattens a concatenated input before measuring
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = importModel(text, options);
  const ms = performance.now() - started;
  const grown = process.memoryUsage().heapUsed - heapBefore;
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('imported');
  expect(result.errors[0]!.code, result.errors[0]!.message).toBe(code);
  expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(2000);
  // The input itself aside, refusing it allocates little (a bomb would need gigabytes).
  expect(grown, `heap grew ${(grown / 1048576).toFixed(0)} MB`).toBeLessThan(64 * 1048576);
  return result.errors[0]!;
}

describe('hostile .tm7 (XML) files', () => {
  it('refuses an entity bomb ("billion laughs") before expanding anything', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE ThreatModel [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<ThreatModel ${TM7_NS}><MetaInformation><ThreatModelName>&lol9;</ThreatModelName></MetaInformation></ThreatModel>`;
    const e = refused(bomb, 'E_XML_DTD');
    expect(e.message).toMatch(/document type or entities/);
    expect(e.line).toBe(2);
  });

  it('refuses external entities (a file read and a network fetch) and never resolves them', () => {
    for (const system of ['file:///etc/passwd', 'http://127.0.0.1:9/x']) {
      const xxe = `<!DOCTYPE ThreatModel [<!ENTITY e SYSTEM "${system}">]><ThreatModel ${TM7_NS}><MetaInformation><ThreatModelName>&e;</ThreatModelName></MetaInformation></ThreatModel>`;
      const e = refused(xxe, 'E_XML_DTD', { from: 'tm7' });
      expect(e.message).not.toContain('root:');
    }
    // A parameter entity hidden after a comment is found too.
    refused(`<!-- a comment --><!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><ThreatModel ${TM7_NS}/>`, 'E_XML_DTD');
  });

  it('refuses an entity that is used but never declared, naming the line', () => {
    const e = refused(`<ThreatModel ${TM7_NS}>\n<MetaInformation><ThreatModelName>&secret;</ThreatModelName></MetaInformation></ThreatModel>`, 'E_XML_SYNTAX');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/undefined entity/i);
  });

  it('refuses elements nested too deep', () => {
    const deep = `<ThreatModel ${TM7_NS}>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</ThreatModel>`;
    expect(refused(deep, 'E_TOO_DEEP').message).toMatch(/nested more than 128 deep/);
  });

  it('refuses a 100 MB file by its size without parsing it', () => {
    const big = `<ThreatModel ${TM7_NS}><Notes>${'x'.repeat(100 * 1048576)}</Notes></ThreatModel>`;
    expect(refused(big, 'E_TOO_LARGE').message).toMatch(/100\.0 MB; an import may be at most 32 MB/);
  });
});

describe('hostile OTM (YAML and JSON) files', () => {
  it('refuses a YAML anchor bomb', () => {
    let yaml = 'otmVersion: 0.2.0\nproject: {name: x, id: x}\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++) yaml += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    yaml += 'components: *a11\n';
    expect(refused(yaml, 'E_YAML_ALIASES').message).toMatch(/anchors and aliases expand too far/);
  });

  it('still reads ordinary anchors and aliases', () => {
    const yaml = [
      'otmVersion: 0.2.0',
      'project: {name: Anchored, id: a}',
      'trustZones:',
      '  - {id: tz, name: Cloud, type: cloud}',
      'x-parent: &inCloud {trustZone: tz}',
      'components:',
      '  - {id: api, name: Inference API, type: inference-api, parent: *inCloud}',
      '  - {id: db, name: Vector DB, type: vector-store, parent: *inCloud}',
      'dataflows:',
      '  - {id: q, name: query, source: api, destination: db}',
    ].join('\n');
    const r = importModel(yaml);
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
    if (r.ok) {
      expect(r.model.components.map((c) => [c.label, c.kind, c.zone])).toEqual([['Inference API', 'inference-api', 'tz'], ['Vector DB', 'vector-store', 'tz']]);
      expect(r.notes[0]!.message).toBe('the file is YAML');
    }
  });

  it('refuses deep nesting in YAML and in JSON', () => {
    refused(`otmVersion: 0.2.0\nproject: {name: x, id: x}\ncomponents: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'E_TOO_DEEP');
    const json = `{"otmVersion":"0.2.0","project":{"name":"x","id":"x"},"components":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(refused(json, 'E_TOO_DEEP').pointer).toMatch(/^\/components/);
  });

  it('refuses __proto__ keys in YAML and in JSON, naming the place', () => {
    const y = refused('otmVersion: 0.2.0\nproject:\n  name: x\n  id: x\ncomponents:\n  - id: c\n    name: c\n    __proto__:\n      polluted: true\n', 'E_FORBIDDEN_KEY');
    expect(y.pointer).toBe('/components/0/__proto__');
    const j = refused('{"otmVersion":"0.2.0","project":{"name":"x","id":"x","constructor":{"prototype":{"p":1}}}}', 'E_FORBIDDEN_KEY');
    expect(j.pointer).toBe('/project/constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 100 MB YAML or JSON file by its size', () => {
    refused(`otmVersion: 0.2.0\nproject: {name: x, id: x}\nnote: ${'y'.repeat(100 * 1048576)}\n`, 'E_TOO_LARGE');
    refused(`{"otmVersion":"0.2.0","project":{"name":"${'y'.repeat(100 * 1048576)}"}}`, 'E_TOO_LARGE');
  });
});
