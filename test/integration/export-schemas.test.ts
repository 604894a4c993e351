// The OTM and Threat Dragon exports validate against the formats' own JSON Schemas (read from the
// shared fixtures at run time): for the example models and for models imported from other tools.
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { writeOtm } from '../../core/interchange/export-otm';
import { writeThreatDragon } from '../../core/interchange/export-threat-dragon';
import { importModel } from '../../core/interchange/import';
import { loadModelText } from '../../core/model/load';
import type { Model } from '../../core/model/schema';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = '/work/shared/fixtures/external';

function models(): Array<[string, Model]> {
  const out: Array<[string, Model]> = [];
  for (const f of readdirSync(path.join(ROOT, 'examples')).filter((x) => x.endsWith('.mercator.json'))) {
    const loaded = loadModelText(readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
    if (!loaded.ok) throw new Error(f);
    out.push([f, loaded.model]);
  }
  for (const f of ['threat-dragon/v2-threat-model.json', 'otm/otm-example.json', 'mstmt/MTMT_nested_tz.tm7', 'threat-composer/ThreatComposer.tc.json', 'tmbom/cryptocurrency-wallet-threat-model.json']) {
    const r = importModel(readFileSync(path.join(FIXTURES, f), 'utf8'));
    if (!r.ok) throw new Error(f);
    out.push([f, r.model]);
  }
  return out;
}

describe.runIf(existsSync(FIXTURES))('exports validate against the formats\u2019 schemas', () => {
  const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
  it('OTM exports pass the Open Threat Model schema', () => {
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(FIXTURES, 'otm/otm_schema.json'), 'utf8')));
    const all = models();
    expect(all.length).toBeGreaterThan(5);
    for (const [name, model] of all) {
      const doc = JSON.parse(writeOtm(model));
      expect(validate(doc), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    // The schema does catch a broken document.
    expect(validate({ otmVersion: '0.2.0', project: { name: 'x' } })).toBe(false);
  });

  it('Threat Dragon exports pass the Threat Dragon v2 schema', () => {
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(FIXTURES, 'threat-dragon/threat-dragon-v2.schema.json'), 'utf8')));
    for (const [name, model] of models()) {
      const doc = JSON.parse(writeThreatDragon(model));
      expect(validate(doc), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    expect(validate({ version: '2.3.0', summary: { title: 'x' } })).toBe(false);
  });
});
