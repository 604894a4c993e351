// TM-BOM → a Mercator model. Two shapes share the name:
// 1. the OWASP Threat Model Library format (trust_zones, actors, components, data_stores, data_flows,
//    threats, controls, risks), which Threat Dragon reads and writes as "TM-BOM";
// 2. the 2024 CycloneDX 1.6 TM-BOM drafts: nested components of type "threat-model" whose meaning is
//    in `cdx:model:*` properties (boundary, actor, server, datastore, lambda, dataflow …).
// Names are unique only within one kind of element, so lookups are by (kind, symbolic_name).
import type { Controls } from '../model/schema';
import { guessKind, type Shape } from './kind-guess';
import { ModelBuilder } from './model-builder';
import { otmZoneKind } from './otm';
import { ImportError, invalid, type ImportResult } from './types';
import { entry, isObj, list, num, oneLine, str, text, type Obj } from './values';

export function importTmBom(doc: unknown): ImportResult {
  try {
    if (isObj(doc) && doc.bomFormat === 'CycloneDX') return convertCdx(doc);
    return convertLibrary(doc);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.problem] };
    throw error;
  }
}

const ELEMENT_LISTS = [
  ['actors', 'actor', 'actor'],
  ['components', 'component', 'process'],
  ['data_stores', 'data_store', 'store'],
] as const;

function convertLibrary(doc: unknown): ImportResult {
  if (!isObj(doc)) throw invalid('', 'a TM-BOM is one JSON object');
  if (!isObj(doc.scope)) throw invalid('/scope', `a TM-BOM needs a "scope" object with the model's title (the file has: ${Object.keys(doc).slice(0, 10).join(', ')})`);
  const title = text(doc.scope, 'title', '/scope', 'the scope');
  const b = new ModelBuilder();
  const version = str(doc.version);
  const zoneIds = new Map<string, string>();
  list(doc.trust_zones, '/trust_zones', '"trust_zones"').forEach((z, i) => {
    const pointer = `/trust_zones/${i}`;
    const o = entry(z, pointer, 'trust zone');
    const name = text(o, 'symbolic_name', pointer, 'a trust zone');
    const label = str(o.title) || name;
    zoneIds.set(name, b.addZone({ external: `zone-${name}`, label, kind: otmZoneKind('', `${label} ${name}`, undefined), description: str(o.description) }));
  });
  const boundaries = list(doc.trust_boundaries, '/trust_boundaries', '"trust_boundaries"').length;
  if (boundaries) b.note('info', '/trust_boundaries', `${boundaries} trust boundary(ies) between zones are implied by the zones themselves in Mercator`);
  const ids = new Map<string, string>();
  const anyKind = new Map<string, string>();
  for (const [key, kind, shape] of ELEMENT_LISTS) {
    list(doc[key], `/${key}`, `"${key}"`).forEach((e, i) => {
      const pointer = `/${key}/${i}`;
      const o = entry(e, pointer, kind.replace('_', ' '));
      const name = text(o, 'symbolic_name', pointer, `a ${kind.replace('_', ' ')}`);
      const label = str(o.title) || name;
      const type = str(o.type);
      const guess = guessKind(`${label} ${type}`, shape as Shape);
      const zoneName = str(o.trust_zone);
      const zone = zoneName ? zoneIds.get(zoneName) : undefined;
      if (zoneName && !zone) b.note('warning', `${pointer}/trust_zone`, `the trust zone "${zoneName}" of "${label}" is not defined; it was left outside any zone`);
      const facts: Record<string, string | number | boolean> = { importedFrom: 'tmbom', importedType: `${kind}${type ? `:${type}` : ''}`, kindGuess: guess.kind, kindConfidence: guess.confidence };
      const id = b.addComponent({ external: `${kind}-${name}`, label, kind: guess.kind, description: [str(o.description), str(o.permissions) && `Permissions: ${str(o.permissions)}`].filter(Boolean).join('\n\n'), ...(zone ? { zone } : {}), facts });
      ids.set(`${kind}:${name}`, id);
      if (!anyKind.has(name)) anyKind.set(name, id);
      b.guesses.push({ componentId: id, label: b.components.at(-1)!.label, sourceType: kind, kind: guess.kind, confidence: guess.confidence, reason: guess.reason });
    });
  }
  list(doc.data_flows, '/data_flows', '"data_flows"').forEach((f, i) => {
    const pointer = `/data_flows/${i}`;
    const o = entry(f, pointer, 'data flow');
    const name = text(o, 'symbolic_name', pointer, 'a data flow');
    const ends = (['source', 'destination'] as const).map((k) => {
      const end = o[k];
      if (!isObj(end)) throw invalid(`${pointer}/${k}`, `a data flow's ${k} is {"type": …, "object": …}`);
      const id = ids.get(`${str(end.type)}:${str(end.object)}`);
      if (!id) b.note('warning', `${pointer}/${k}/object`, `the ${k} "${str(end.object)}" (${str(end.type)}) is not defined; the flow was left out`);
      return id;
    });
    if (!ends[0] || !ends[1]) return;
    const facts: Record<string, string | number | boolean> = { importedFrom: 'tmbom' };
    if (o.has_sensitive_data === true) facts.sensitiveData = true;
    const controls: Controls = {};
    if (o.encrypted === true) controls.encryptionInTransit = 'present';
    b.addFlow({ external: `flow-${name}`, source: ends[0], target: ends[1], label: oneLine(str(o.title) || name), description: str(o.description), facts, controls });
  });

  const controls = list(doc.controls, '/controls', '"controls"').filter(isObj);
  const risks = list(doc.risks, '/risks', '"risks"').filter(isObj);
  list(doc.threats, '/threats', '"threats"').forEach((t, i) => {
    const pointer = `/threats/${i}`;
    const o = entry(t, pointer, 'threat');
    const name = text(o, 'symbolic_name', pointer, 'a threat');
    const mits = controls.filter((c) => Array.isArray(c.threats) && c.threats.includes(name)).map((c) => `${oneLine(str(c.title) || str(c.symbolic_name))}${str(c.status) ? ` (${str(c.status)})` : ''}`);
    const risk = risks.find((r) => Array.isArray(r.threats) && r.threats.includes(name));
    const statuses = controls.filter((c) => Array.isArray(c.threats) && c.threats.includes(name)).map((c) => str(c.status));
    const affected = Array.isArray(o.components_affected) ? o.components_affected.map(str) : [];
    const weaknesses = Array.isArray(o.weaknesses) ? o.weaknesses.filter(isObj).map((w) => `CWE-${str(w.cwe_id)}`) : [];
    let placed = 0;
    affected.forEach((a, j) => {
      const subject = anyKind.get(a);
      if (!subject) {
        b.note('warning', `${pointer}/components_affected/${j}`, `"${a}" is not an actor, component or data store in the file; the threat was not put on it`);
        return;
      }
      placed++;
      b.addThreat({
        external: `${name}-${subject}`,
        subject: { type: 'component', id: subject },
        title: str(o.title) || name,
        description: [str(o.description), str(o.event) && `Event: ${str(o.event)}`, weaknesses.length ? `Weaknesses: ${weaknesses.join(', ')}` : ''].filter(Boolean).join('\n\n'),
        tool: 'tmbom',
        ref: name,
        ...(weaknesses.length ? { type: weaknesses.join(', ') } : {}),
        ...(statuses.length && statuses.every((s) => s === 'implemented') ? { status: 'Mitigated' } : statuses.length ? { status: statuses.join(', ') } : {}),
        ...(risk ? { severity: `${str(risk.likelihood)} likelihood, ${str(risk.impact)} impact` } : {}),
        ...(mits.length ? { mitigation: mits.join('; ') } : {}),
        pointer,
      });
    });
    if (!placed) b.note('warning', pointer, `the threat "${str(o.title) || name}" affects no element in the file and was left out`);
  });
  const sets = list(doc.data_sets, '/data_sets', '"data_sets"').length;
  if (sets) b.note('info', '/data_sets', `${sets} data set(s) describe data, not elements; they were not imported`);
  return b.finish('tmbom', `read a TM-BOM (Threat Model Library format${version ? ` ${version}` : ''})`, {
    title,
    description: [str(doc.scope.description), str(doc.description)].filter(Boolean).join('\n\n'),
    tags: ['imported', 'tmbom'],
  });
}

// The CycloneDX TM-BOM drafts.
const CDX_SHAPES: Record<string, Shape> = { actor: 'actor', server: 'service', process: 'process', lambda: 'process', datastore: 'store' };

function props(o: Obj): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of Array.isArray(o.properties) ? o.properties : []) if (isObj(p) && str(p.name)) out.set(str(p.name), [...(out.get(str(p.name)) ?? []), str(p.value)]);
  return out;
}

function convertCdx(doc: Obj): ImportResult {
  const b = new ModelBuilder();
  const items: Array<{ o: Obj; p: Map<string, string[]>; pointer: string; ref: string; type: string }> = [];
  const walk = (arr: unknown, pointer: string, depth: number) => {
    if (depth > 16) throw invalid(pointer, 'components are nested more than 16 deep');
    list(arr, pointer, '"components"').forEach((c, i) => {
      const at = `${pointer}/${i}`;
      const o = entry(c, at, 'component');
      const p = props(o);
      items.push({ o, p, pointer: at, ref: str(o['bom-ref']) || at, type: p.get('cdx:model:type')?.[0] ?? '' });
      walk(o.components, `${at}/components`, depth + 1);
    });
  };
  walk(doc.components, '/components', 0);
  const models = items.filter((x) => !x.type && x.o.type === 'threat-model');
  const num1 = (p: Map<string, string[]>, k: string) => num(Number(p.get(k)?.[0]));
  const box = (p: Map<string, string[]>) => {
    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => num1(p, `cdx:model:shape:${k}`));
    return x !== undefined && y !== undefined && width && height ? { x, y, width, height } : undefined;
  };
  const zones = new Map<string, string>();
  for (const z of items.filter((x) => x.type === 'boundary')) {
    const trust = num1(z.p, 'cdx:model:risk:trustRating');
    const zb = box(z.p);
    zones.set(z.ref, b.addZone({ external: z.ref, label: str(z.o.name), kind: otmZoneKind('', str(z.o.name), trust), description: str(z.o.description), ...(zb ? { box: zb } : {}) }));
  }
  const comps = new Map<string, string>();
  for (const c of items.filter((x) => x.type in CDX_SHAPES)) {
    const name = str(c.o.name);
    const guess = guessKind(name, CDX_SHAPES[c.type]!);
    const inBoundary = c.p.get('cdx:model:inBoundary')?.[0];
    const zone = inBoundary ? zones.get(inBoundary) : undefined;
    const facts: Record<string, string | number | boolean> = { importedFrom: 'tmbom', importedType: c.type, kindGuess: guess.kind, kindConfidence: guess.confidence };
        if (c.p.get('cdx:model:platform')?.[0]) facts.platform = c.p.get('cdx:model:platform')![0]!;
    const cb = box(c.p);
    const id = b.addComponent({ external: c.ref, label: name, kind: guess.kind, description: str(c.o.description), ...(c.p.get('cdx:model:inScope')?.[0] === 'false' ? { outOfScope: 'Out of scope in the TM-BOM' } : {}), ...(zone ? { zone } : {}), facts, ...(cb ? { box: cb } : {}) });
    comps.set(c.ref, id);
    b.guesses.push({ componentId: id, label: b.components.at(-1)!.label, sourceType: c.type, kind: guess.kind, confidence: guess.confidence, reason: guess.reason });
  }
  for (const f of items.filter((x) => x.type === 'dataflow')) {
    const [source, target] = ['source', 'destination'].map((k) => comps.get(f.p.get(`cdx:model:dataflow:${k}`)?.[0] ?? ''));
    if (!source || !target) {
      b.note('warning', f.pointer, `the data flow "${str(f.o.name)}" does not join two elements of the model; it was left out`);
      continue;
    }
    b.addFlow({ external: f.ref, source, target, label: oneLine(str(f.o.name)), description: str(f.o.description), facts: { importedFrom: 'tmbom', ...(f.p.get('cdx:model:dataflow:isBidirectional')?.[0] === 'true' ? { bidirectional: true } : {}) } });
  }
  const other = items.filter((x) => x.type && !(x.type in CDX_SHAPES) && !['boundary', 'dataflow', 'diagram', 'repository'].includes(x.type));
  if (other.length) b.note('info', '', `${other.length} element(s) of type ${[...new Set(other.map((x) => x.type))].join(', ')} describe data or code, not the system's parts; they were not imported`);
  if (models.length > 1) b.note('info', '', `the BOM holds ${models.length} threat models (${models.map((m) => `"${str(m.o.name)}"`).join(', ')}); they were imported into one model`);
  const placed = b.components.length > 0 && b.components.every((c) => b.boxes[c.id]) && b.zones.every((z) => b.boxes[z.id]);
  if (!placed) for (const k of Object.keys(b.boxes)) delete b.boxes[k];
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  const top = isObj(meta.component) ? meta.component : {};
  return b.finish('tmbom', `read a CycloneDX ${str(doc.specVersion)} TM-BOM draft`, {
    title: str(models[0]?.o.name) || str(top.name) || 'Imported TM-BOM',
    description: [str(top.description), ...models.map((m) => str(m.o.description))].filter(Boolean).join('\n\n'),
    authors: Array.isArray(meta.authors) ? meta.authors.filter(isObj).map((a) => str(a.name)) : [],
    tags: ['imported', 'tmbom', 'cyclonedx'],
  });
}
