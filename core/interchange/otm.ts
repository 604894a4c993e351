// Open Threat Model (OTM 0.1, 0.2; JSON or YAML) → a Mercator model. Trust zones become zones (kind
// guessed from type, name and trust rating; nested zones nest), components become components (kind
// guessed from type and name; a component inside another is placed in that one's zone), data flows
// become flows, and each threat a component or flow lists becomes a threat on it, with its state,
// categories and mitigations. Positions are kept when every element has one (relative to the parent).
import type { LayoutBox } from '../model/schema';
import { guessKind, type Shape } from './kind-guess';
import { getKind } from '../kinds/registry';
import { isZoneKindId } from '../kinds/ids';
import { ModelBuilder } from './model-builder';
import { ImportError, invalid, type ImportResult } from './types';
import { entry, isObj, list, num, oneLine, str, text, type Obj } from './values';

export function otmZoneKind(type: string, name: string, trust: number | undefined): string {
  if (isZoneKindId(type)) return type;
  const t = `${type} ${name}`.toLowerCase();
  if (/internet|public|external|untrusted|dmz/.test(t)) return 'internet';
  if (/third|vendor|partner|saas/.test(t)) return 'third-party';
  if (/device|mobile|client|browser|endpoint/.test(t)) return 'device';
  if (/restricted|secret|enclave|critical/.test(t)) return 'restricted';
  if (/cloud|aws|azure|gcp|vpc|private|secured/.test(t)) return 'cloud';
  if (trust !== undefined && trust <= 20) return 'internet';
  return 'corporate';
}

function shapeOf(type: string): Shape {
  const t = type.toLowerCase();
  if (/database|db|sql|store|storage|bucket|s3|queue|file|cache|dynamo|rds|blob/.test(t)) return 'store';
  if (/client|user|actor|browser|mobile|device|person/.test(t)) return 'actor';
  if (/model|ml|sagemaker|bedrock/.test(t)) return 'model';
  if (/service|api|server|lambda|function|ec2|container|app|gateway/.test(t)) return 'service';
  return 'other';
}

interface Placed {
  box?: LayoutBox;
  parent?: { trustZone?: string; component?: string };
}

function position(o: Obj): LayoutBox | undefined {
  for (const r of Array.isArray(o.representations) ? o.representations : []) {
    if (!isObj(r) || !isObj(r.position)) continue;
    const x = num(r.position.x);
    const y = num(r.position.y);
    if (x === undefined || y === undefined) continue;
    const width = isObj(r.size) ? num(r.size.width) : undefined;
    const height = isObj(r.size) ? num(r.size.height) : undefined;
    return { x, y, ...(width && width > 0 ? { width } : {}), ...(height && height > 0 ? { height } : {}) };
  }
  return undefined;
}

function parentOf(o: Obj): Placed['parent'] {
  if (!isObj(o.parent)) return undefined;
  const trustZone = str(o.parent.trustZone);
  const component = str(o.parent.component);
  return trustZone ? { trustZone } : component ? { component } : undefined;
}

function severityWord(risk: unknown): string | undefined {
  if (!isObj(risk)) return undefined;
  const impact = num(risk.impact);
  const likelihood = num(risk.likelihood);
  const score = impact !== undefined && likelihood !== undefined ? (impact + likelihood) / 2 : impact ?? likelihood;
  if (score === undefined) return undefined;
  return score >= 75 ? 'High' : score >= 40 ? 'Medium' : 'Low';
}

export function importOtm(doc: unknown): ImportResult {
  try {
    return convert(doc);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.problem] };
    throw error;
  }
}

function convert(doc: unknown): ImportResult {
  if (Array.isArray(doc)) {
    const names = doc.map((d) => (isObj(d) && isObj(d.project) ? `"${str(d.project.name)}"` : '?')).join(', ');
    throw new ImportError({ code: 'E_IMPORT_FORMAT', pointer: '', message: `the file is a list of ${doc.length} OTM documents (${names}); Mercator imports one model at a time — save each one in its own file` });
  }
  if (!isObj(doc)) throw invalid('', 'an OTM document is one object');
  const version = str(doc.otmVersion);
  if (!version) throw invalid('/otmVersion', `an OTM document needs "otmVersion" (the file has: ${Object.keys(doc).slice(0, 10).join(', ') || 'nothing'})`);
  if (!/^0\.\d+(\.\d+)?$/.test(version)) throw invalid('/otmVersion', `"otmVersion" must be like "0.2.0" (found "${version}")`);
  if (!isObj(doc.project)) throw invalid('/project', 'an OTM document needs a "project" object');
  const project = doc.project;
  const title = text(project, 'name', '/project', 'the project');
  const b = new ModelBuilder();
  if (!['0.1.0', '0.2.0'].includes(version)) b.note('warning', '/otmVersion', `OTM ${version} was read as if it were 0.2.0`);

  // Threat and mitigation definitions, by id.
  const threats = new Map<string, { o: Obj; pointer: string }>();
  list(doc.threats, '/threats', '"threats"').forEach((t, i) => {
    const o = entry(t, `/threats/${i}`, 'threat');
    threats.set(text(o, 'id', `/threats/${i}`, 'a threat'), { o, pointer: `/threats/${i}` });
  });
  const mitigations = new Map<string, Obj>();
  list(doc.mitigations, '/mitigations', '"mitigations"').forEach((m, i) => {
    const o = entry(m, `/mitigations/${i}`, 'mitigation');
    mitigations.set(text(o, 'id', `/mitigations/${i}`, 'a mitigation'), o);
  });
  const assets = new Map<string, string>();
  list(doc.assets, '/assets', '"assets"').forEach((a, i) => {
    const o = entry(a, `/assets/${i}`, 'asset');
    assets.set(text(o, 'id', `/assets/${i}`, 'an asset'), str(o.name) || str(o.id));
  });

  // Zones: parents before children.
  const zoneDefs = list(doc.trustZones, '/trustZones', '"trustZones"').map((z, i) => {
    const pointer = `/trustZones/${i}`;
    const o = entry(z, pointer, 'trust zone');
    return { o, pointer, id: text(o, 'id', pointer, 'a trust zone'), name: str(o.name), parent: parentOf(o)?.trustZone, box: position(o) };
  }).filter((z) => !(isObj(z.o.attributes) && z.o.attributes['mercator:outside'] === true));
  const outside = new Set(list(doc.trustZones, '/trustZones', '"trustZones"').filter((z) => isObj(z) && isObj(z.attributes) && z.attributes['mercator:outside'] === true).map((z) => str((z as Obj).id)));
  const zoneIds = new Map<string, string>();
  const absolute = new Map<string, LayoutBox | undefined>();
  const pending = [...zoneDefs];
  for (let guard = 0; pending.length && guard <= zoneDefs.length; guard++) {
    for (const z of [...pending]) {
      if (z.parent && !zoneIds.has(z.parent) && zoneDefs.some((d) => d.id === z.parent && d !== z)) continue;
      pending.splice(pending.indexOf(z), 1);
      const parentBox = z.parent ? absolute.get(z.parent) : undefined;
      const box = z.box && parentBox ? { ...z.box, x: z.box.x + parentBox.x, y: z.box.y + parentBox.y } : z.box;
      const kind = otmZoneKind(str(z.o.type), z.name, isObj(z.o.risk) ? num(z.o.risk.trustRating) : undefined);
      const parent = z.parent ? zoneIds.get(z.parent) : undefined;
      if (z.parent && !parent) b.note('warning', `${z.pointer}/parent/trustZone`, `the trust zone "${z.parent}" does not exist; "${z.name}" was placed at the top`);
      const id = b.addZone({ external: z.id, label: z.name || z.id, kind, description: str(z.o.description), ...(parent ? { parent } : {}), ...(box ? { box } : {}) });
      zoneIds.set(z.id, id);
      absolute.set(z.id, box);
    }
  }
  for (const z of pending) b.note('warning', z.pointer, `the trust zone "${z.name}" is inside itself through its parents; it was left out`);

  // Components: a component inside another shares that one's zone.
  const compDefs = list(doc.components, '/components', '"components"').map((c, i) => {
    const pointer = `/components/${i}`;
    const o = entry(c, pointer, 'component');
    return { o, pointer, id: text(o, 'id', pointer, 'a component'), name: text(o, 'name', pointer, 'a component'), parent: parentOf(o), box: position(o) };
  });
  const byId = new Map(compDefs.map((c) => [c.id, c]));
  const zoneFor = (c: (typeof compDefs)[number], seen = new Set<string>()): { zone?: string; box?: LayoutBox } => {
    if (c.parent?.trustZone) return { zone: c.parent.trustZone, box: absolute.get(c.parent.trustZone) };
    const up = c.parent?.component ? byId.get(c.parent.component) : undefined;
    if (!up || seen.has(up.id)) return {};
    seen.add(c.id);
    const above = zoneFor(up, seen);
    return { ...(above.zone ? { zone: above.zone } : {}), ...(up.box ? { box: up.box } : above.box ? { box: above.box } : {}) };
  };
  const compIds = new Map<string, string>();
  for (const c of compDefs) {
    const type = str(c.o.type);
    // A Mercator kind id (a model written by Mercator) is taken as it is.
    const guess = getKind(type) ? { kind: type, confidence: 1, reason: `the type is the Mercator kind "${type}"` } : guessKind(`${c.name} ${type.replace(/[-_]/g, ' ')}`, shapeOf(type));
    const where = zoneFor(c);
    const zone = where.zone ? zoneIds.get(where.zone) : undefined;
    if (where.zone && !zone && !outside.has(where.zone)) b.note('warning', `${c.pointer}/parent`, `the trust zone "${where.zone}" does not exist; "${c.name}" was left outside any zone`);
    const box = c.box && where.box ? { ...c.box, x: c.box.x + where.box.x, y: c.box.y + where.box.y } : c.box;
    const facts: Record<string, string | number | boolean | string[]> = { importedFrom: 'otm', importedType: type || 'component', kindGuess: guess.kind, kindConfidence: guess.confidence };
    if (c.parent?.component) facts.partOf = c.parent.component;
    if (Array.isArray(c.o.tags) && c.o.tags.length) facts.tags = c.o.tags.map(str).filter(Boolean);
    if (isObj(c.o.assets)) {
      for (const key of ['processed', 'stored'] as const) {
        const ids = Array.isArray(c.o.assets[key]) ? c.o.assets[key].map(str) : [];
        if (ids.length) facts[key === 'processed' ? 'assetsProcessed' : 'assetsStored'] = ids.map((a) => assets.get(a) ?? a);
      }
    }
    const id = b.addComponent({ external: c.id, label: c.name, kind: guess.kind, description: str(c.o.description), ...(zone ? { zone } : {}), facts, ...(box ? { box } : {}) });
    compIds.set(c.id, id);
    b.guesses.push({ componentId: id, label: b.components.at(-1)!.label, sourceType: type || 'component', kind: guess.kind, confidence: guess.confidence, reason: guess.reason });
  }

  const used = new Set<string>();
  const linkCount = new Map<string, number>();
  for (const o of [...compDefs.map((c) => c.o), ...list(doc.dataflows, '/dataflows', '"dataflows"').filter(isObj)]) {
    for (const l of Array.isArray(o.threats) ? o.threats : []) if (isObj(l)) linkCount.set(str(l.threat), (linkCount.get(str(l.threat)) ?? 0) + 1);
  }
  const addThreats = (o: Obj, pointer: string, subject: { type: 'component' | 'flow'; id: string }) => {
    list(o.threats, `${pointer}/threats`, '"threats"').forEach((raw, i) => {
      const at = `${pointer}/threats/${i}`;
      const link = entry(raw, at, 'threat link');
      const ref = text(link, 'threat', at, 'a threat link');
      const def = threats.get(ref);
      if (!def) {
        b.note('warning', `${at}/threat`, `the threat "${ref}" is not defined in "threats"; the link was left out`);
        return;
      }
      used.add(ref);
      const mits = list(link.mitigations, `${at}/mitigations`, '"mitigations"')
        .filter(isObj)
        .map((m) => {
          const d = mitigations.get(str(m.mitigation));
          const full = d ? str(d.description) : '';
          const name = d ? (full && full.startsWith(str(d.name)) ? full : str(d.name) || full) : str(m.mitigation);
          return `${oneLine(name)}${str(m.state) ? ` (${str(m.state)})` : ''}`;
        });
      const categories = Array.isArray(def.o.categories) ? def.o.categories.map(str).filter(Boolean) : [];
      const severity = severityWord(def.o.risk);
      b.addThreat({
        external: linkCount.get(ref) === 1 ? ref : `${ref}-${subject.id}`,
        subject,
        title: str(def.o.name) || ref,
        description: str(def.o.description),
        tool: 'otm',
        ref,
        ...(categories.length ? { type: categories.join(', ') } : {}),
        ...(str(link.state) ? { status: str(link.state) } : {}),
        ...(severity ? { severity } : {}),
        ...(mits.length ? { mitigation: mits.join('; ') } : {}),
        pointer: at,
      });
    });
  };
  compDefs.forEach((c) => addThreats(c.o, c.pointer, { type: 'component', id: compIds.get(c.id)! }));

  list(doc.dataflows, '/dataflows', '"dataflows"').forEach((f, i) => {
    const pointer = `/dataflows/${i}`;
    const o = entry(f, pointer, 'data flow');
    const flowId = text(o, 'id', pointer, 'a data flow');
    const ends = (['source', 'destination'] as const).map((k) => {
      const ref = text(o, k, pointer, 'a data flow');
      const id = compIds.get(ref);
      if (!id) b.note('warning', `${pointer}/${k}`, `the data flow's ${k} "${ref}" is not a component${zoneIds.has(ref) ? ' (it is a trust zone)' : ''}; the flow was left out`);
      return id;
    });
    if (!ends[0] || !ends[1]) return;
    const facts: Record<string, string | number | boolean | string[]> = { importedFrom: 'otm' };
    if (o.bidirectional === true) facts.bidirectional = true;
    if (Array.isArray(o.assets) && o.assets.length) facts.assets = o.assets.map((a) => assets.get(str(a)) ?? str(a));
    if (Array.isArray(o.tags) && o.tags.length) facts.tags = o.tags.map(str).filter(Boolean);
    const id = b.addFlow({ external: flowId, source: ends[0], target: ends[1], label: oneLine(str(o.name)), description: str(o.description), facts });
    addThreats(o, pointer, { type: 'flow', id });
  });
  const unused = [...threats.keys()].filter((k) => !used.has(k));
  if (unused.length) b.note('warning', '/threats', `${unused.length} threat(s) are not linked to any component or data flow and were left out: ${unused.slice(0, 5).map((k) => `"${str(threats.get(k)!.o.name) || k}"`).join(', ')}${unused.length > 5 ? ' …' : ''}`);
  const placed = b.components.length > 0 && b.components.every((c) => b.boxes[c.id]?.width) && b.zones.every((z) => b.boxes[z.id]?.width);
  if (!placed) for (const k of Object.keys(b.boxes)) delete b.boxes[k];
  return b.finish('otm', `read an Open Threat Model ${version} document`, {
    title,
    description: str(project.description),
    authors: str(project.owner) ? [str(project.owner)] : [],
    tags: ['imported', 'otm', ...(Array.isArray(project.tags) ? project.tags.map(str).filter(Boolean) : [])],
  });
}
