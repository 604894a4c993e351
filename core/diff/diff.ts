// diffModels: the semantic difference between two models and their analyses. Pure: the caller runs
// the engine (or reads a baseline) and passes both analyses in. Layout-only changes are kept apart
// from the threat model's changes, so moving a box never reads as a design change.
import type { Component, Flow, Model, Zone } from '../model/schema';
import { SEVERITIES, type Finding } from '../engine/types';
import type { DecisionChange, DiffAnalysis, ElementChange, ElementType, FieldChange, FindingRef, LayoutChange, ModelDiff, VersionChange } from './types';

const same = (a: unknown, b: unknown) => stable(a) === stable(b);

function stable(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    if (field === 'facts' || field === 'controls') {
      const am = (a ?? {}) as Record<string, unknown>;
      const bm = (b ?? {}) as Record<string, unknown>;
      for (const name of [...new Set([...Object.keys(am), ...Object.keys(bm)])].sort()) {
        if (!same(am[name], bm[name])) out.push(change(`${field}.${name}`, am[name], bm[name]));
      }
    } else if (!same(emptyAsUndefined(a), emptyAsUndefined(b))) out.push(change(field, a, b));
  }
  return out;
}

const emptyAsUndefined = (v: unknown) => (v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v);

function change(field: string, before: unknown, after: unknown): FieldChange {
  return { field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

const ELEMENT_FIELDS: Record<ElementType, readonly string[]> = {
  zone: ['kind', 'label', 'description', 'parent', 'outOfScope'],
  component: ['kind', 'label', 'description', 'zone', 'facts', 'controls', 'outOfScope'],
  flow: ['source', 'target', 'label', 'description', 'facts', 'controls', 'outOfScope'],
};

const META_FIELDS = ['title', 'version', 'description', 'authors', 'owner', 'reviewers', 'reviewStatus', 'tags', 'scope', 'assumptions', 'exclusions', 'methodology', 'classification'] as const;

type Element = Zone | Component | Flow;

function diffElements(type: ElementType, before: readonly Element[], after: readonly Element[]): ElementChange[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const out: ElementChange[] = [];
  for (const [id, e] of now) {
    const was = old.get(id);
    if (!was) out.push({ type, id, label: e.label, change: 'added', fields: [] });
    else {
      const fields = fieldChanges(was as unknown as Record<string, unknown>, e as unknown as Record<string, unknown>, ELEMENT_FIELDS[type]);
      if (fields.length > 0) out.push({ type, id, label: e.label, change: 'changed', fields });
    }
  }
  for (const [id, e] of old) if (!now.has(id)) out.push({ type, id, label: e.label, change: 'removed', fields: [] });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function diffLayout(before: Model, after: Model): LayoutChange[] {
  const out: LayoutChange[] = [];
  const labelOf = new Map<string, { type: ElementType; label: string }>();
  for (const z of after.zones) labelOf.set(z.id, { type: 'zone', label: z.label });
  for (const c of after.components) labelOf.set(c.id, { type: 'component', label: c.label });
  for (const f of after.flows) labelOf.set(f.id, { type: 'flow', label: f.label });
  const existedBefore = new Set([...before.zones, ...before.components, ...before.flows].map((e) => e.id));
  const push = (id: string, what: LayoutChange['what']) => {
    const info = labelOf.get(id);
    if (info && existedBefore.has(id)) out.push({ type: info.type, id, label: info.label, what });
  };
  for (const [id, box] of Object.entries(after.layout.boxes)) {
    const was = before.layout.boxes[id];
    if (!was) continue;
    if (was.x !== box.x || was.y !== box.y) push(id, 'moved');
    if (was.width !== box.width || was.height !== box.height) push(id, 'resized');
  }
  const flowIds = new Set([...Object.keys(before.layout.flowPoints), ...Object.keys(after.layout.flowPoints)]);
  for (const id of [...flowIds].sort()) if (!same(before.layout.flowPoints[id] ?? [], after.layout.flowPoints[id] ?? [])) push(id, 'rerouted');
  const labelIds = new Set([...Object.keys(before.layout.labels), ...Object.keys(after.layout.labels)]);
  for (const id of [...labelIds].sort()) if (!same(before.layout.labels[id], after.layout.labels[id])) push(id, 'label moved');
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.what < b.what ? -1 : 1));
}

const isClosed = (f: Finding) => (f.closedBy?.length ?? 0) > 0;
const ref = (f: Finding): FindingRef => ({ key: f.key, title: f.title, subject: f.subject.label, severity: f.residual.severity });
const bySeverity = (a: FindingRef, b: FindingRef) =>
  SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Open and closed findings together, by key (closed ones carry closedBy). */
const everyFinding = (a: DiffAnalysis) => new Map([...a.findings, ...(a.closed ?? [])].map((f) => [f.key, f]));

function diffFindings(before: DiffAnalysis, after: DiffAnalysis): ModelDiff['findings'] {
  const old = everyFinding(before);
  const now = everyFinding(after);
  const out: ModelDiff['findings'] = { new: [], resolved: [], closed: [], reopened: [], severityChanged: [] };
  for (const [key, f] of now) {
    const was = old.get(key);
    if (!was) out.new.push(ref(f));
    else if (isClosed(f) && !isClosed(was)) out.closed.push({ ...ref(f), by: f.closedBy! });
    else if (!isClosed(f) && isClosed(was)) out.reopened.push(ref(f));
    else if (was.residual.severity !== f.residual.severity) out.severityChanged.push({ ...ref(f), before: was.residual.severity });
  }
  for (const [key, f] of old) if (!now.has(key)) out.resolved.push(ref(f));
  out.new.sort(bySeverity);
  out.resolved.sort(bySeverity);
  out.closed.sort(bySeverity);
  out.reopened.sort(bySeverity);
  out.severityChanged.sort(bySeverity);
  return out;
}

const DECISION_FIELDS = ['status', 'rationale', 'owner', 'due', 'ticket', 'decidedBy'] as const;

function diffDecisions(before: Model, after: Model, analysisBefore: DiffAnalysis, analysisAfter: DiffAnalysis): ModelDiff['decisions'] {
  const changed: DecisionChange[] = [];
  const keys = [...new Set([...Object.keys(before.decisions), ...Object.keys(after.decisions)])].sort();
  for (const key of keys) {
    const was = before.decisions[key];
    const now = after.decisions[key];
    if (!was && now) changed.push({ key, change: 'added', after: now.status, fields: ['status'] });
    else if (was && !now) changed.push({ key, change: 'removed', before: was.status, fields: ['status'] });
    else if (was && now) {
      const fields = DECISION_FIELDS.filter((f) => !same(emptyAsUndefined(was[f]), emptyAsUndefined(now[f])));
      if (fields.length > 0) changed.push({ key, change: 'changed', before: was.status, after: now.status, fields: [...fields] });
    }
  }
  const foundBefore = new Set(everyFinding(analysisBefore).keys());
  const foundNow = new Set(everyFinding(analysisAfter).keys());
  const stale = Object.entries(after.decisions)
    .filter(([key]) => foundBefore.has(key) && !foundNow.has(key))
    .map(([key, d]) => ({ key, status: d.status }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  return { changed, stale };
}

function diffVersions(before: DiffAnalysis, after: DiffAnalysis): VersionChange[] {
  const out: VersionChange[] = [];
  const a = before.versions ?? {};
  const b = after.versions ?? {};
  if (a.catalog && b.catalog && a.catalog !== b.catalog) out.push({ what: 'catalog', id: 'ATLAS', before: a.catalog, after: b.catalog });
  if (a.rulePacks && b.rulePacks) {
    for (const id of [...new Set([...Object.keys(a.rulePacks), ...Object.keys(b.rulePacks)])].sort()) {
      const va = a.rulePacks[id];
      const vb = b.rulePacks[id];
      if (va !== vb) out.push({ what: 'rule pack', id, ...(va !== undefined ? { before: va } : {}), ...(vb !== undefined ? { after: vb } : {}) });
    }
  }
  return out;
}

function diffComments(before: Model, after: Model): ModelDiff['comments'] {
  const old = new Map(before.comments.map((c) => [c.id, c]));
  let added = 0;
  let resolved = 0;
  let replies = 0;
  for (const c of after.comments) {
    const was = old.get(c.id);
    if (!was) added++;
    else {
      if (c.resolved && !was.resolved) resolved++;
      replies += Math.max(0, c.messages.length - was.messages.length);
    }
  }
  return { added, resolved, replies };
}

/** Everything that changed from `before` to `after`, given the analysis of each. */
export function diffModels(before: Model, after: Model, analysisBefore: DiffAnalysis, analysisAfter: DiffAnalysis): ModelDiff {
  return {
    meta: fieldChanges(before.meta as Record<string, unknown>, after.meta as Record<string, unknown>, META_FIELDS),
    elements: [
      ...diffElements('zone', before.zones, after.zones),
      ...diffElements('component', before.components, after.components),
      ...diffElements('flow', before.flows, after.flows),
    ],
    layout: diffLayout(before, after),
    findings: diffFindings(analysisBefore, analysisAfter),
    decisions: diffDecisions(before, after, analysisBefore, analysisAfter),
    versions: diffVersions(analysisBefore, analysisAfter),
    comments: diffComments(before, after),
  };
}

/** Does the diff say anything? */
export function isEmptyDiff(diff: ModelDiff): boolean {
  const f = diff.findings;
  return (
    diff.meta.length + diff.elements.length + diff.layout.length + f.new.length + f.resolved.length + f.closed.length + f.reopened.length +
      f.severityChanged.length + diff.decisions.changed.length + diff.decisions.stale.length + diff.versions.length +
      diff.comments.added + diff.comments.resolved + diff.comments.replies ===
    0
  );
}
