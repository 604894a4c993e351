// Collects components, flows and zones from an importer, keeps ids valid and unique, bounds text to
// what the model format allows, lays out what has no position, and validates the result.
import { CURRENT_SCHEMA_VERSION, type Controls, type Model, type LayoutBox } from '../model/schema';
import { loadModelValue } from '../model/load';
import { autoLayout } from '../model/auto-layout';
import type { ImportFormat, ImportNote, KindGuess, ImportProblem, ImportResult, ImportedThreat } from './types';
import { placeThreats } from './imported-threats';
import { clip } from './text';

type Facts = Record<string, string | number | boolean | string[]>;

export { clip };

export class ModelBuilder {
  readonly notes: ImportNote[] = [];
  readonly guesses: KindGuess[] = [];
  private readonly ids = new Set<string>();
  private readonly byExternal = new Map<string, string>();
  readonly components: Model['components'] = [];
  readonly flows: Model['flows'] = [];
  readonly zones: Model['zones'] = [];
  readonly boxes: Record<string, LayoutBox> = {};
  readonly threats: ImportedThreat[] = [];
  private readonly threatIds = new Set<string>();

  /** A valid, unused id derived from the source's id (which is remembered for lookups). */
  id(external: string, fallback: string): string {
    let base = external.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 56) || fallback;
    if (!/^[A-Za-z0-9]/.test(base)) base = fallback;
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base.slice(0, 56)}-${n}`;
    this.ids.add(id);
    if (!this.byExternal.has(external)) this.byExternal.set(external, id);
    return id;
  }

  lookup(external: string): string | undefined {
    return this.byExternal.get(external);
  }

  addComponent(c: { external: string; label: string; kind: string; description?: string; zone?: string; facts?: Facts; controls?: Controls; box?: LayoutBox; outOfScope?: string }): string {
    const id = this.id(c.external, `component-${this.components.length + 1}`);
    const label = clip(c.label.trim() || c.kind, 200);
    this.components.push({
      id,
      kind: c.kind,
      label,
      ...(c.description ? { description: clip(c.description, 20_000) } : {}),
      ...(c.zone ? { zone: c.zone } : {}),
      facts: boundFacts(c.facts ?? {}),
      controls: c.controls ?? {},
      ...(c.outOfScope ? { outOfScope: clip(c.outOfScope, 2000) } : {}),
    });
    if (c.box) this.boxes[id] = c.box;
    return id;
  }

  addFlow(f: { external: string; source: string; target: string; label: string; description?: string; facts?: Facts; controls?: Controls; outOfScope?: string }): string {
    const id = this.id(f.external, `flow-${this.flows.length + 1}`);
    this.flows.push({
      id,
      source: f.source,
      target: f.target,
      label: clip(f.label.trim(), 200),
      ...(f.description ? { description: clip(f.description, 20_000) } : {}),
      facts: boundFacts(f.facts ?? {}),
      controls: f.controls ?? {},
      ...(f.outOfScope ? { outOfScope: clip(f.outOfScope, 2000) } : {}),
    });
    return id;
  }

  addZone(z: { external: string; label: string; kind: string; description?: string; parent?: string; box?: LayoutBox }): string {
    const id = this.id(z.external, `zone-${this.zones.length + 1}`);
    this.zones.push({
      id,
      kind: z.kind,
      label: clip(z.label.trim() || 'Trust boundary', 200),
      ...(z.description ? { description: clip(z.description, 20_000) } : {}),
      ...(z.parent ? { parent: z.parent } : {}),
    });
    if (z.box) this.boxes[id] = z.box;
    return id;
  }

  /** Records a threat the source already has, on the element it is about. */
  addThreat(t: Omit<ImportedThreat, 'id'> & { external?: string }): string {
    let base = (t.external ?? t.ref ?? '').replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 48) || `t${this.threats.length + 1}`;
    if (!/^[A-Za-z0-9]/.test(base)) base = `t${this.threats.length + 1}`;
    let id = base;
    for (let n = 2; this.threatIds.has(id); n++) id = `${base}-${n}`;
    this.threatIds.add(id);
    const { external: _external, ...rest } = t;
    void _external;
    this.threats.push({
      ...rest,
      id,
      title: clip(t.title.replace(/\s*\n\s*/g, ' ').trim() || 'Untitled threat', 200),
      description: clip(t.description.trim(), 20_000),
      ...(t.mitigation ? { mitigation: clip(t.mitigation.trim(), 20_000) } : {}),
    });
    return id;
  }

  note(level: ImportNote['level'], pointer: string, message: string) {
    this.notes.push({ level, pointer, message });
  }

  /** Builds and validates the model and returns the import result, `read` as its first note. */
  finish(format: ImportFormat, read: string, meta: Parameters<ModelBuilder['build']>[0]): ImportResult {
    const built = this.build(meta);
    if (!built.ok) return built;
    return { ok: true, format, model: built.model, notes: [{ level: 'info', pointer: '', message: read }, ...this.notes], guesses: this.guesses, threats: this.threats };
  }

  build(meta: { title: string; version?: string; description?: string; authors?: string[]; tags?: string[] }): { ok: true; model: Model } | { ok: false; errors: ImportProblem[] } {
    const placed = this.components.every((c) => this.boxes[c.id]) && this.zones.every((z) => this.boxes[z.id]);
    const boxes = placed ? this.boxes : autoLayout({ components: this.components, flows: this.flows, zones: this.zones });
    if (!placed && this.components.length > 0) this.note('info', '', 'the file has no usable positions; the diagram was laid out automatically');
    const document = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      meta: {
        title: clip(meta.title.trim() || 'Imported model', 200),
        ...(meta.version?.trim() ? { version: clip(meta.version.trim(), 64) } : {}),
        description: clip(meta.description ?? '', 20_000),
        authors: (meta.authors ?? []).filter(Boolean).map((a) => clip(a, 200)).slice(0, 100),
        tags: (meta.tags ?? []).map((t) => clip(t, 64)).slice(0, 100),
      },
      zones: this.zones,
      components: this.components,
      flows: this.flows,
      decisions: {},
      layout: { boxes, flowPoints: {} },
    };
    placeThreats(document, this.threats, this.notes);
    const loaded = loadModelValue(document);
    if (!loaded.ok) return { ok: false, errors: loaded.errors.map((e) => ({ code: 'E_SCHEMA', pointer: e.pointer, message: `the converted model is not valid: ${e.message}` })) };
    return { ok: true, model: loaded.model };
  }
}

function boundFacts(facts: Facts): Facts {
  const out: Facts = {};
  for (const [k, v] of Object.entries(facts).slice(0, 200)) {
    out[k.slice(0, 64)] = typeof v === 'string' ? clip(v, 2000) : Array.isArray(v) ? v.slice(0, 100).map((s) => clip(s, 200)) : v;
  }
  return out;
}
