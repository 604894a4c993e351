// CycloneDX ML-BOM (spec 1.5, 1.6, 1.7) → a Mercator model. Models, datasets, services and
// applications become components (kinds guessed, recorded for the user to confirm); dependencies and
// model-card dataset references become flows: data flows into what depends on it, everything else is
// called by what depends on it. Packages (library, framework, file …) are left out, with a note.
import type { Controls } from '../model/schema';
import { guessKind } from './kind-guess';
import { ModelBuilder } from './model-builder';
import { ImportError, invalid, type ImportResult } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const SUPPORTED = ['1.5', '1.6', '1.7'];
const SKIPPED_TYPES = new Set(['library', 'framework', 'file', 'operating-system', 'device-driver', 'firmware', 'cryptographic-asset']);

interface Item {
  pointer: string;
  ref: string;
  type: string;
  name: string;
  obj: Obj;
  service: boolean;
}

function collect(list: unknown, pointer: string, service: boolean, out: Item[], skipped: Map<string, number>): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw invalid(pointer, `"${pointer.split('/').pop()}" must be a list`);
  list.forEach((raw, i) => {
    const at = `${pointer}/${i}`;
    if (!isObj(raw)) throw invalid(at, 'each entry must be an object');
    const name = str(raw.name);
    if (!name) throw invalid(`${at}/name`, 'every component and service needs a name');
    const type = service ? 'service' : str(raw.type);
    if (!service && !type) throw invalid(`${at}/type`, `the component "${name}" needs a type`);
    if (SKIPPED_TYPES.has(type)) skipped.set(type, (skipped.get(type) ?? 0) + 1);
    else out.push({ pointer: at, ref: str(raw['bom-ref']) || `${name}${str(raw.version) ? '@' + str(raw.version) : ''}`, type, name, obj: raw, service });
    collect(raw.components, `${at}/components`, false, out, skipped);
    collect(raw.services, `${at}/services`, true, out, skipped);
  });
}

function kindOf(item: Item): { kind: string; confidence: number; reason: string } {
  const params = isObj(item.obj.modelCard) && isObj(item.obj.modelCard.modelParameters) ? item.obj.modelCard.modelParameters : {};
  switch (item.type) {
    case 'machine-learning-model': {
      const task = str(params.task);
      if (/text-generation|text2text|conversational|chat|summari/i.test(task) || /\b(llm|gpt|llama|mistral|language model)\b/i.test(item.name)) {
        return { kind: 'llm', confidence: 0.8, reason: `a machine-learning model for ${task || 'language generation'}` };
      }
      return { kind: 'inference-api', confidence: 0.7, reason: `a machine-learning model${task ? ` for ${task}` : ''}, served for inference` };
    }
    case 'data':
      return guessKind(item.name, 'data').kind === 'data-source' ? { kind: 'data-source', confidence: 0.85, reason: 'a dataset' } : guessKind(item.name, 'data');
    case 'application':
      return { ...guessKind(item.name, 'process'), confidence: 0.6 };
    case 'container':
    case 'platform':
      return { kind: 'compute-cluster', confidence: 0.5, reason: `a ${item.type}` };
    case 'device':
      return { kind: 'edge-device', confidence: 0.6, reason: 'a device' };
    case 'service':
      return guessKind(item.name, 'service');
    default:
      return guessKind(item.name, 'other');
  }
}

export function importCycloneDx(doc: unknown): ImportResult {
  try {
    return convert(doc);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.problem] };
    throw error;
  }
}

function convert(doc: unknown): ImportResult {
  if (!isObj(doc)) throw invalid('', 'a CycloneDX BOM is one JSON object');
  if (doc.bomFormat !== 'CycloneDX') throw invalid('/bomFormat', 'a CycloneDX BOM has "bomFormat": "CycloneDX"');
  const spec = str(doc.specVersion);
  if (!/^1\.\d+$/.test(spec)) throw invalid('/specVersion', `"specVersion" must be like "1.6" (found ${JSON.stringify(doc.specVersion ?? null)})`);
  const b = new ModelBuilder();
  if (!SUPPORTED.includes(spec)) b.note('warning', '/specVersion', `CycloneDX ${spec} was read as if it were 1.6; Mercator knows 1.5, 1.6 and 1.7`);
  const metadata = doc.metadata === undefined ? {} : doc.metadata;
  if (!isObj(metadata)) throw invalid('/metadata', '"metadata" must be an object');
  const items: Item[] = [];
  const skipped = new Map<string, number>();
  if (metadata.component !== undefined) collect([metadata.component], '/metadata/component', false, items, skipped);
  if (items.length === 1) items[0]!.pointer = '/metadata/component';
  collect(doc.components, '/components', false, items, skipped);
  collect(doc.services, '/services', true, items, skipped);

  const refToId = new Map<string, string>();
  const typeOf = new Map<string, string>();
  for (const item of items) {
    if (refToId.has(item.ref)) {
      b.note('warning', `${item.pointer}/bom-ref`, `the bom-ref "${item.ref}" is used twice; the second one was left out`);
      continue;
    }
    const guess = kindOf(item);
    const o = item.obj;
    const params = isObj(o.modelCard) && isObj(o.modelCard.modelParameters) ? o.modelCard.modelParameters : {};
    const facts: Record<string, string | number | boolean> = { importedFrom: 'cyclonedx', importedType: item.type, kindGuess: guess.kind, kindConfidence: guess.confidence };
    if (str(o.version)) facts.version = str(o.version);
    const supplier = str(o.publisher) || (isObj(o.supplier) ? str(o.supplier.name) : '') || (isObj(o.manufacturer) ? str(o.manufacturer.name) : '');
    if (supplier) facts.supplier = supplier;
    if (str(params.task)) facts.modelTask = str(params.task);
    if (str(params.architectureFamily)) facts.architecture = str(params.architectureFamily);
    if (item.service && isObj(o) && o.authenticated === false) facts.unauthenticated = true;
    const controls: Controls = {};
    if (item.service && o.authenticated === true) controls.authentication = 'present';
    const id = b.addComponent({ external: item.ref, label: item.name, kind: guess.kind, description: str(o.description), facts, controls });
    refToId.set(item.ref, id);
    typeOf.set(id, item.type);
    b.guesses.push({ componentId: id, label: item.name, sourceType: item.type, kind: guess.kind, confidence: guess.confidence, reason: guess.reason });
  }

  const skippedRefs = new Set<string>();
  const allRaw: unknown[] = [...(Array.isArray(doc.components) ? doc.components : [])];
  for (const raw of allRaw) if (isObj(raw) && SKIPPED_TYPES.has(str(raw.type)) && str(raw['bom-ref'])) skippedRefs.add(str(raw['bom-ref']));
  const seen = new Set<string>();
  const link = (dependent: string, dependency: string, pointer: string, why: string) => {
    const from = refToId.get(dependent);
    const to = refToId.get(dependency);
    if (!from || !to) {
      if (!skippedRefs.has(!from ? dependent : dependency)) b.note('warning', pointer, `"${!from ? dependent : dependency}" is not a component or service in this BOM; the dependency was left out`);
      return;
    }
    if (from === to) return;
    const isData = typeOf.get(to) === 'data';
    const [source, target] = isData ? [to, from] : [from, to];
    const key = `${source}\u0000${target}`;
    if (seen.has(key)) return;
    seen.add(key);
    b.addFlow({ external: `flow-${b.flows.length + 1}`, source, target, label: isData ? (why === 'dataset' ? 'training / evaluation data' : 'data') : 'uses', facts: { importedFrom: 'cyclonedx', ...(isData ? { carries: ['training-data'] } : {}) } });
  };

  for (const item of items) {
    const card = item.obj.modelCard;
    if (!isObj(card) || !isObj(card.modelParameters) || !Array.isArray(card.modelParameters.datasets)) continue;
    card.modelParameters.datasets.forEach((d, i) => {
      if (isObj(d) && str(d.ref)) link(item.ref, str(d.ref), `${item.pointer}/modelCard/modelParameters/datasets/${i}/ref`, 'dataset');
    });
  }
  if (doc.dependencies !== undefined) {
    if (!Array.isArray(doc.dependencies)) throw invalid('/dependencies', '"dependencies" must be a list');
    doc.dependencies.forEach((dep, i) => {
      const at = `/dependencies/${i}`;
      if (!isObj(dep) || !str(dep.ref)) throw invalid(`${at}/ref`, 'each dependency needs a "ref"');
      if (dep.dependsOn === undefined) return;
      if (!Array.isArray(dep.dependsOn)) throw invalid(`${at}/dependsOn`, '"dependsOn" must be a list of bom-refs');
      dep.dependsOn.forEach((target, j) => link(str(dep.ref), str(target), `${at}/dependsOn/${j}`, 'dependency'));
    });
  }
  for (const [type, n] of skipped) b.note('info', '', `${n} ${type} component(s) were left out: Mercator models the system, not its packages`);
  if (b.components.length === 0) b.note('warning', '', 'the BOM lists no models, datasets, services or applications');
  const meta = metadata;
  const title = isObj(meta.component) ? str(meta.component.name) : items[0]?.name ?? 'Imported ML-BOM';
  const authors = Array.isArray(meta.authors) ? meta.authors.filter(isObj).map((a) => str(a.name)) : [];
  return b.finish('cyclonedx', `read a CycloneDX ${spec} BOM`, {
    title: title || 'Imported ML-BOM',
    // The version of the system the BOM describes, as the model's version.
    version: isObj(meta.component) ? str(meta.component.version) : '',
    description: isObj(meta.component) ? str(meta.component.description) : '',
    authors,
    tags: ['imported', 'cyclonedx'],
  });
}
