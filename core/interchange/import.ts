// One entry point for imports: size check, parse by content (XML, JSON with trailing commas tolerated
// with a note, or YAML with aliases capped), detect the format (or take the one asked for), convert,
// and return a model that passed loadModelValue.
import { parseImportJson, MAX_IMPORT_BYTES } from './lenient-json';
import { parseImportYaml } from './yaml-doc';
import { parseXml, type XmlElement } from './xml';
import { importThreatDragon } from './threat-dragon';
import { importCycloneDx } from './cyclonedx';
import { importOtm } from './otm';
import { importThreatComposer } from './threat-composer';
import { importTmBom } from './tmbom';
import { importTm7 } from './tm7';
import { IMPORT_FORMAT_IDS, IMPORT_FORMAT_NAMES, type ImportFormat, type ImportNote, type ImportProblem, type ImportResult } from './types';
import { isObj } from './values';

export const IMPORT_FORMATS: readonly ImportFormat[] = IMPORT_FORMAT_IDS;

/** The format a parsed JSON or YAML document looks like, or null. */
export function detectImportFormat(doc: unknown): ImportFormat | null {
  if (Array.isArray(doc)) return doc.length > 0 && doc.every((d) => isObj(d) && 'otmVersion' in d) ? 'otm' : null;
  if (!isObj(doc)) return null;
  if (typeof doc.$schema === 'string' && /json-schema\.org/.test(doc.$schema)) return null;
  if ('otmVersion' in doc || (isObj(doc.project) && ('trustZones' in doc || 'components' in doc || 'dataflows' in doc || Object.keys(doc).length === 1))) return 'otm';
  if ('schema' in doc && ('applicationInfo' in doc || 'threats' in doc || 'mitigations' in doc || 'architecture' in doc)) return 'threat-composer';
  if ('trust_zones' in doc || 'data_flows' in doc || (typeof doc.$schema === 'string' && /threat-model(-library)?|threat-model\.schema/.test(doc.$schema))) return 'tmbom';
  if (doc.bomFormat === 'CycloneDX' && Array.isArray(doc.components) && doc.components.some((c) => isObj(c) && c.type === 'threat-model')) return 'tmbom';
  if (doc.bomFormat === 'CycloneDX' || (typeof doc.specVersion === 'string' && ('components' in doc || 'metadata' in doc))) return 'cyclonedx';
  if ('summary' in doc || 'detail' in doc || ('version' in doc && !('schemaVersion' in doc))) return 'threat-dragon';
  return null;
}

const CONVERTERS: Record<Exclude<ImportFormat, 'tm7'>, (doc: unknown) => ImportResult> = {
  'threat-dragon': importThreatDragon,
  cyclonedx: importCycloneDx,
  otm: importOtm,
  'threat-composer': importThreatComposer,
  tmbom: importTmBom,
};

const fail = (error: ImportProblem): ImportResult => ({ ok: false, errors: [error] });

function notAModel(value: unknown): ImportProblem {
  const known = IMPORT_FORMAT_IDS.map((f) => IMPORT_FORMAT_NAMES[f]).join(', ');
  if (isObj(value) && typeof value.$schema === 'string' && /json-schema\.org/.test(value.$schema) && 'properties' in value) {
    return { code: 'E_IMPORT_FORMAT', pointer: '', message: `this is a JSON Schema ("${value.title ?? value.$id ?? value.$schema}"), which describes a format but is not a model; Mercator imports ${known}` };
  }
  const keys = isObj(value) ? Object.keys(value).slice(0, 8).join(', ') : Array.isArray(value) ? 'a list' : typeof value;
  return { code: 'E_IMPORT_FORMAT', pointer: '', message: `this is not a model Mercator can import (${known}) — the file has: ${keys || 'nothing'}` };
}

function importXml(text: string, from: ImportFormat | undefined): ImportResult {
  if (from && from !== 'tm7') return fail({ code: 'E_IMPORT_FORMAT', pointer: '', message: `the file is XML; ${IMPORT_FORMAT_NAMES[from]} files are JSON` });
  // The template a TMT model embeds (KnowledgeBase) is most of the file and not needed.
  const parsed = parseXml(text, { skip: new Set(['KnowledgeBase', 'Profile', 'Validations']) });
  if (!parsed.ok) return fail(parsed.error);
  const root: XmlElement = parsed.root;
  if (root.name === 'KnowledgeBase') {
    return fail({ code: 'E_IMPORT_FORMAT', pointer: '', message: 'this is a Threat Modeling Tool template (.tb7: stencils and threat types), not a model; open a .tm7 model instead' });
  }
  if (root.name !== 'ThreatModel') return fail({ code: 'E_IMPORT_FORMAT', pointer: '', message: `the XML's root element is <${root.name}>; a Threat Modeling Tool model (.tm7) has <ThreatModel>` });
  return importTm7(root);
}

export function importModel(text: string, options: { from?: ImportFormat } = {}): ImportResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > MAX_IMPORT_BYTES) {
    return fail({ code: 'E_TOO_LARGE', pointer: '', message: `the file is ${(text.length / 1048576).toFixed(1)} MB; an import may be at most ${MAX_IMPORT_BYTES / 1048576} MB` });
  }
  const first = /\S/.exec(text)?.[0];
  if (first === '<' || options.from === 'tm7') return importXml(text, options.from);
  let value: unknown;
  let notes: ImportNote[];
  if (first === '{' || first === '[' || first === undefined) {
    const parsed = parseImportJson(text);
    if (!parsed.ok) return fail(parsed.error);
    value = parsed.value;
    notes = parsed.notes;
  } else {
    const parsed = parseImportYaml(text);
    if (!parsed.ok) return fail(parsed.error);
    value = parsed.value;
    notes = [{ level: 'info', pointer: '', message: 'the file is YAML' }];
  }
  const format = options.from ?? detectImportFormat(value);
  if (!format) return fail(notAModel(value));
  const result = format === 'tm7' ? fail({ code: 'E_IMPORT_FORMAT', pointer: '', message: 'a Threat Modeling Tool model is XML' }) : CONVERTERS[format](value);
  return result.ok ? { ...result, notes: [...notes, ...result.notes] } : result;
}

export type { ImportFormat, ImportResult, ImportNote, KindGuess, ImportProblem, ImportedThreat } from './types';
export { IMPORT_FORMAT_NAMES } from './types';
