// Model + analysis + catalog → the report's data (./types.ts). Pure: no clock, no I/O.
import type { Model } from '../model/schema';
import { DECISION_STATUSES, controlState, isControlPresent, type DecisionStatus } from '../model/schema';
import { SEVERITIES, type AnalysisResult, type Finding, type Score, type Severity } from '../engine/types';
import { getKind } from '../kinds/registry';
import { controlLabel, factLabel, factText, kindLabel } from './labels';
import type { CatalogLookup, CatalogRef } from './catalog-lookup';
import type { InventoryItem, PlanItem, RegisterEntry, RegisterGroup, ReportData, ReportOptions, ReportScore, ReportTechnique } from './types';
import { buildDiagram } from './diagram';
import { buildCoverage } from './coverage';
import { addDiagramRefs, buildEvidence, buildFlowTable, buildNarrative, refsBySubject } from './sections';
import { buildRedTeamPlan } from './redteam';
import { RESOLVED_STATUSES, isOpen } from './status';
import { heatmapCells } from './heatmap';
import { REPORT_SECTIONS } from './types';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
/** Statuses that close a finding: it is no longer an open risk. */
export const RESOLVED: ReadonlySet<DecisionStatus> = RESOLVED_STATUSES;

function score(s: Score): ReportScore {
  return { likelihood: s.likelihood, impact: s.impact, score: s.score, severity: s.severity };
}

/** Sort: highest residual score first, then severity, then key (stable across runs). */
export function compareFindings(a: Finding, b: Finding): number {
  return b.residual.score - a.residual.score || SEVERITY_RANK[b.residual.severity] - SEVERITY_RANK[a.residual.severity] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

class RefCollector {
  readonly tactics = new Map<string, CatalogRef>();
  readonly techniques = new Map<string, CatalogRef>();
  readonly mitigations = new Map<string, CatalogRef>();
  readonly owasp = new Map<string, CatalogRef>();
  constructor(private readonly catalog: CatalogLookup) {}

  tactic(id: string): CatalogRef {
    const ref = this.catalog.tactic(id) ?? { id, name: id, url: '' };
    this.tactics.set(ref.id, ref);
    return ref;
  }
  technique(id: string, tactics: string[]): ReportTechnique {
    const found = this.catalog.technique(id);
    const ref = found ? { id, name: found.name, url: found.url } : { id, name: id, url: '' };
    this.techniques.set(id, ref);
    const tacticIds = tactics.length > 0 ? tactics : (found?.tactics ?? []);
    return { ...ref, tactics: tacticIds.map((t) => this.tactic(t)) };
  }
  mitigation(id: string): CatalogRef {
    const ref = this.catalog.mitigation(id) ?? { id, name: id, url: '' };
    this.mitigations.set(id, ref);
    return ref;
  }
  owaspEntry(id: string): CatalogRef {
    const ref = this.catalog.owasp(id) ?? { id, name: id, url: '' };
    this.owasp.set(id, ref);
    return ref;
  }
}

const byId = (a: CatalogRef, b: CatalogRef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildReport(model: Model, analysis: AnalysisResult, catalog: CatalogLookup, options: ReportOptions = {}): ReportData {
  const refs = new RefCollector(catalog);
  const labels = new Map<string, string>();
  for (const c of model.components) labels.set(c.id, c.label);
  for (const f of model.flows) labels.set(f.id, f.label || `${labels.get(f.source) ?? f.source} → ${labels.get(f.target) ?? f.target}`);
  const findings = [...analysis.findings].sort(compareFindings);

  const entries: RegisterEntry[] = findings.map((f, i) => {
    const decision = model.decisions[f.key];
    return {
      ref: `F-${String(i + 1).padStart(findings.length >= 1000 ? 4 : 3, '0')}`,
      key: f.key,
      ruleId: f.ruleId,
      title: f.title,
      category: f.category,
      subject: f.subject,
      path: (f.path ?? []).map((id) => labels.get(id) ?? id),
      reasons: f.reasons,
      atlas: f.atlas.map((a) => refs.technique(a.technique, a.tactics)),
      owasp: f.owasp.map((id) => refs.owaspEntry(id)),
      inherent: score(f.inherent),
      residual: score(f.residual),
      status: f.status,
      owner: decision?.owner ?? '',
      rationale: decision?.rationale ?? '',
      due: decision?.due ?? '',
      ticket: decision?.ticket ?? '',
      mitigations: f.mitigations.map((m) => ({
        control: m.control,
        controlLabel: controlLabel(m.control),
        atlas: m.atlas.map((id) => refs.mitigation(id)),
        target: { ...m.target, label: labels.get(m.target.id) ?? m.target.id },
        present: m.present,
      })),
      ...(f.origin === 'user' ? { origin: 'user' as const } : {}),
      ...(f.override ? { override: f.override } : {}),
    };
  });

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byStatus = Object.fromEntries(DECISION_STATUSES.map((s) => [s, 0])) as Record<DecisionStatus, number>;
  for (const e of entries) {
    bySeverity[e.residual.severity]++;
    byStatus[e.status]++;
  }
  const matrix = heatmapCells(entries).map((row) => row.map((c) => c.count));

  const groups = new Map<string, RegisterGroup>();
  for (const e of entries) {
    // A path finding's subject id is the component at its end; two paths into one component are two
    // groups, each under its own "source → target" label.
    const id = e.subject.type === 'path' ? `path:${e.subject.id}\u0000${e.subject.label}` : `${e.subject.type}:${e.subject.id}`;
    if (!groups.has(id)) groups.set(id, { subject: e.subject, entries: [] });
    groups.get(id)!.entries.push(e);
  }
  const order = new Map<string, number>();
  model.components.forEach((c, i) => order.set(`component:${c.id}`, i));
  model.flows.forEach((f, i) => order.set(`flow:${f.id}`, model.components.length + i));
  const register = [...groups.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => g);

  const findingCount = new Map<string, number>();
  for (const e of entries) findingCount.set(e.subject.id, (findingCount.get(e.subject.id) ?? 0) + 1);
  const zoneLabels = new Map(model.zones.map((z) => [z.id, z.label]));
  const inventory: InventoryItem[] = model.components.map((c) => {
    const kind = getKind(c.kind);
    const controlIds = new Set([...(kind?.controls ?? []), ...Object.keys(c.controls)]);
    return {
      id: c.id,
      label: c.label,
      kind: c.kind,
      kindLabel: kindLabel(c.kind),
      zone: c.zone ? (zoneLabels.get(c.zone) ?? c.zone) : '',
      description: c.description ?? '',
      facts: Object.entries(c.facts).map(([name, value]) => ({ name: factLabel(name), value: factText(value) })),
      controls: [...controlIds].map((id) => ({ id, label: controlLabel(id), present: isControlPresent(c.controls, id), state: controlState(c.controls, id) })),
      findings: findingCount.get(c.id) ?? 0,
    };
  });

  const planByControl = new Map<string, PlanItem>();
  for (const e of entries) {
    for (const m of e.mitigations) {
      let item = planByControl.get(m.control);
      if (!item) {
        item = { control: m.control, controlLabel: m.controlLabel, atlas: [], targets: [], findings: [], status: 'not in place' };
        planByControl.set(m.control, item);
      }
      for (const a of m.atlas) if (!item.atlas.some((x) => x.id === a.id)) item.atlas.push(a);
      if (!item.targets.some((t) => t.type === m.target.type && t.id === m.target.id)) item.targets.push({ ...m.target, present: m.present });
      if (item.findings[item.findings.length - 1] !== e.ref) item.findings.push(e.ref);
    }
  }
  const plan = [...planByControl.values()]
    .map((item) => {
      const present = item.targets.filter((t) => t.present).length;
      const status: PlanItem['status'] = present === item.targets.length ? 'in place' : present > 0 ? 'partly in place' : 'not in place';
      return { ...item, atlas: item.atlas.sort(byId), status };
    })
    .sort((a, b) => b.findings.length - a.findings.length || (a.control < b.control ? -1 : 1));

  const coverage = buildCoverage(entries, catalog, (id) => refs.tactic(id));
  const subjectRefs = refsBySubject(entries);
  const diagram = buildDiagram(model);
  addDiagramRefs(diagram, subjectRefs);
  const meta = model.meta;
  const closedFindings = analysis.closed ?? [];
  const closedRef = (i: number) => `C-${String(i + 1).padStart(closedFindings.length >= 1000 ? 4 : 3, '0')}`;
  const cover = options.cover ?? {};
  const appendixTechniques = [...refs.techniques.values()];
  return {
    sections: REPORT_SECTIONS.filter((s) => !options.sections || options.sections.includes(s)),
    narrative: {
      summary: buildNarrative(model, entries, closedFindings),
      scope: meta.scope,
      assumptions: meta.assumptions,
      exclusions: meta.exclusions,
      methodology: meta.methodology,
    },
    flows: buildFlowTable(model, labels, subjectRefs),
    evidence: { controls: buildEvidence(model, labels, entries, closedFindings, closedRef) },
    redTeam: buildRedTeamPlan(entries, register),
    cover: {
      title: cover.title || meta.title,
      classification: cover.classification ?? meta.classification ?? '',
      owner: cover.owner ?? meta.owner ?? '',
      reviewers: cover.reviewers ?? meta.reviewers,
      reviewStatus: meta.reviewStatus,
      version: cover.version ?? meta.version ?? '',
      description: model.meta.description,
      authors: cover.authors ?? meta.authors,
      modelDate: model.meta.updated ?? model.meta.created ?? '',
      generatedAt: options.generatedAt ?? '',
      catalogVersion: catalog.version ? `MITRE ATLAS ${catalog.version}` : 'no catalog',
      generator: options.generator ?? 'Mercator',
      tags: model.meta.tags,
    },
    summary: {
      components: model.components.length,
      flows: model.flows.length,
      zones: model.zones.length,
      findings: entries.length,
      closedByControls: analysis.closed?.length ?? 0,
      bySeverity,
      byStatus,
      topRisks: entries.filter(isOpen).slice(0, 10),
      matrix,
    },
    diagram,
    inventory,
    register,
    plan,
    coverage,
    accepted: entries.filter((e) => e.status === 'accepted' || e.status === 'transferred'),
    closed: closedFindings.map((f, i) => ({
      ref: closedRef(i),
      key: f.key,
      ruleId: f.ruleId,
      title: f.title,
      subjectRef: { type: f.subject.type, id: f.subject.id },
      subject: f.subject.type === 'path' ? (f.path ?? []).map((id) => labels.get(id) ?? id).join(' → ') : f.subject.label,
      closedBy: (f.closedBy ?? []).map((c) => `${c.label} on “${c.targetLabel}”`),
      atlas: f.atlas.map((a) => refs.technique(a.technique, a.tactics)),
      owasp: f.owasp.map((id) => refs.owaspEntry(id)),
      inherent: score(f.inherent),
    })),
    stale: analysis.stale,
    appendix: {
      tactics: [...refs.tactics.values()].sort(byId),
      techniques: appendixTechniques.sort(byId),
      mitigations: [...refs.mitigations.values()].sort(byId),
      owasp: [...refs.owasp.values()].sort(byId),
    },
  };
}
