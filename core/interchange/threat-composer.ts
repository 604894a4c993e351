// AWS Threat Composer workspace exports (.tc.json, schema 1) → a Mercator model. Threat Composer has
// no diagram elements (its architecture and data-flow "diagrams" are images), so components come
// from the assets its threats impact, with a note; each threat goes on its first impacted asset,
// with its STRIDE categories, priority, status and linked mitigations. The application, architecture
// and data-flow descriptions and the assumptions become the model's description.
import { guessKind } from './kind-guess';
import { ModelBuilder } from './model-builder';
import { ImportError, invalid, type ImportResult } from './types';
import { entry, isObj, list, oneLine, str, type Obj } from './values';

function metadata(o: Obj, key: string): string {
  for (const m of Array.isArray(o.metadata) ? o.metadata : []) {
    if (!isObj(m) || m.key !== key) continue;
    return Array.isArray(m.value) ? m.value.map(str).join(', ') : str(m.value);
  }
  return '';
}

const STATUS: Record<string, string> = { threatIdentified: 'Identified', threatResolved: 'Resolved', threatResolvedNotUseful: 'Not useful' };

export function importThreatComposer(doc: unknown): ImportResult {
  try {
    return convert(doc);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.problem] };
    throw error;
  }
}

function convert(doc: unknown): ImportResult {
  if (!isObj(doc)) throw invalid('', 'a Threat Composer workspace is one JSON object');
  const schema = Number(doc.schema);
  if (!Number.isFinite(schema)) throw invalid('/schema', `a Threat Composer export has "schema": 1 (found ${JSON.stringify(doc.schema ?? null)})`);
  if (schema > 1) throw invalid('/schema', `this is Threat Composer schema ${schema}; Mercator reads schema 1`);
  const info = doc.applicationInfo === undefined ? {} : doc.applicationInfo;
  if (!isObj(info)) throw invalid('/applicationInfo', '"applicationInfo" must be an object');
  const section = (key: 'architecture' | 'dataflow') => {
    const v = doc[key];
    if (v === undefined) return '';
    if (!isObj(v)) throw invalid(`/${key}`, `"${key}" must be an object`);
    return str(v.description);
  };
  const b = new ModelBuilder();
  const appName = str(info.name) || 'Imported Threat Composer model';

  const threats = list(doc.threats, '/threats', '"threats"').map((t, i) => ({ o: entry(t, `/threats/${i}`, 'threat'), pointer: `/threats/${i}` }));
  const threatIds = new Set(threats.map((t) => str(t.o.id)));
  const mitigations = new Map<string, Obj>();
  list(doc.mitigations, '/mitigations', '"mitigations"').forEach((m, i) => {
    const o = entry(m, `/mitigations/${i}`, 'mitigation');
    mitigations.set(str(o.id), o);
  });
  const assumptions = new Map<string, Obj>();
  list(doc.assumptions, '/assumptions', '"assumptions"').forEach((a, i) => {
    const o = entry(a, `/assumptions/${i}`, 'assumption');
    assumptions.set(str(o.id), o);
  });
  const mitigationsOf = new Map<string, string[]>();
  let dangling = 0;
  list(doc.mitigationLinks, '/mitigationLinks', '"mitigationLinks"').forEach((l, i) => {
    const o = entry(l, `/mitigationLinks/${i}`, 'mitigation link');
    const m = mitigations.get(str(o.mitigationId));
    if (!m || !threatIds.has(str(o.linkedId))) {
      dangling++;
      if (dangling <= 3) b.note('warning', `/mitigationLinks/${i}`, `the link from mitigation "${str(o.mitigationId)}" to "${str(o.linkedId)}" points at ${!m ? 'a mitigation' : 'a threat'} that is not in the file; it was left out`);
      return;
    }
    const status = str(m.status).replace(/^mitigation/, '');
    mitigationsOf.set(str(o.linkedId), [...(mitigationsOf.get(str(o.linkedId)) ?? []), `${oneLine(str(m.content))}${status ? ` (${status})` : ''}`]);
  });
  let danglingAssumptions = 0;
  list(doc.assumptionLinks, '/assumptionLinks', '"assumptionLinks"').forEach((l, i) => {
    const o = entry(l, `/assumptionLinks/${i}`, 'assumption link');
    const known = assumptions.has(str(o.assumptionId)) && (threatIds.has(str(o.linkedId)) || mitigations.has(str(o.linkedId)));
    if (!known) danglingAssumptions++;
  });
  if (dangling > 3) b.note('warning', '/mitigationLinks', `${dangling} mitigation links in all point at something that is not in the file`);
  if (danglingAssumptions) b.note('warning', '/assumptionLinks', `${danglingAssumptions} assumption link(s) point at an assumption, threat or mitigation that is not in the file; they were left out`);

  // Components from the impacted assets.
  const assetIds = new Map<string, string>();
  const component = (name: string, sourceType: string) => {
    const key = name.toLowerCase();
    const known = assetIds.get(key);
    if (known) return known;
    const guess = sourceType === 'application' ? { kind: 'application', confidence: 0.6, reason: 'the application the workspace models' } : guessKind(name, 'other');
    const id = b.addComponent({ external: `asset-${name}`, label: name, kind: guess.kind, description: sourceType === 'application' ? str(info.description) : '', facts: { importedFrom: 'threat-composer', importedType: sourceType, kindGuess: guess.kind, kindConfidence: guess.confidence } });
    b.guesses.push({ componentId: id, label: b.components.at(-1)!.label, sourceType, kind: guess.kind, confidence: guess.confidence, reason: guess.reason });
    assetIds.set(key, id);
    return id;
  };
  for (const t of threats) {
    const assets = Array.isArray(t.o.impactedAssets) ? t.o.impactedAssets.map(str).filter((s) => s.trim()) : [];
    const subject = assets.length ? component(oneLine(assets[0]!), 'impacted asset') : component(appName, 'application');
    for (const other of assets.slice(1)) component(oneLine(other), 'impacted asset');
    const statement = oneLine(str(t.o.statement)) || [str(t.o.threatSource), str(t.o.prerequisites), str(t.o.threatAction), str(t.o.threatImpact)].filter(Boolean).join(' ');
    const goals = Array.isArray(t.o.impactedGoal) ? t.o.impactedGoal.map(str).filter(Boolean) : [];
    const description = [
      statement,
      goals.length ? `Impacted goals: ${goals.join(', ')}.` : '',
      assets.length > 1 ? `Also impacts: ${assets.slice(1).join(', ')}.` : '',
      metadata(t.o, 'Comments'),
    ].filter(Boolean).join('\n\n');
    const stride = metadata(t.o, 'STRIDE');
    const priority = metadata(t.o, 'Priority');
    const mits = mitigationsOf.get(str(t.o.id)) ?? [];
    b.addThreat({
      external: `tc-${str(t.o.numericId) || str(t.o.id)}`,
      subject: { type: 'component', id: subject },
      title: statement || str(t.o.id),
      description,
      tool: 'threat-composer',
      ...(str(t.o.id) ? { ref: str(t.o.id) } : {}),
      ...(stride ? { type: `STRIDE ${stride}` } : {}),
      ...(str(t.o.status) ? { status: STATUS[str(t.o.status)] ?? str(t.o.status) } : {}),
      ...(priority ? { severity: priority } : {}),
      ...(mits.length ? { mitigation: mits.join('; ') } : {}),
      pointer: t.pointer,
    });
  }
  if (b.components.length) b.note('info', '', `Threat Composer has no diagram elements: ${b.components.length} component(s) were made from the assets its threats impact; draw the flows between them`);
  else b.note('info', '', 'the workspace has no threats, so no components could be made from their assets');
  const assumptionText = [...assumptions.values()].map((a) => `- ${oneLine(str(a.content))}`).join('\n');
  return b.finish('threat-composer', `read a Threat Composer workspace (schema ${schema}): ${threats.length} threat(s), ${mitigations.size} mitigation(s), ${assumptions.size} assumption(s)`, {
    title: appName,
    description: [str(info.description), section('architecture') && `Architecture:\n${section('architecture')}`, section('dataflow') && `Data flow:\n${section('dataflow')}`, assumptionText && `Assumptions:\n${assumptionText}`].filter(Boolean).join('\n\n'),
    tags: ['imported', 'threat-composer'],
  });
}
