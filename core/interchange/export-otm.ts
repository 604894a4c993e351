// A Mercator model → Open Threat Model 0.2.0 (JSON). Zones become trust zones (nested zones keep
// their parent; trust rating from the zone kind), components and flows keep their ids, and the
// model's threats become OTM threats linked from their component or flow, with the decision as the
// link's state and the source's mitigation as an OTM mitigation. OTM needs every component in a
// trust zone: components outside any zone go into one marked `mercator:outside`, which the importer
// leaves out again. Positions are written relative to the parent, as OTM has them.
import type { LayoutBox, Model } from '../model/schema';
import { zoneTrust } from '../kinds/zones';
import { decisionStatus } from './imported-threats';
import { threatsOf, type ThreatLike } from './model-threats';

export const OTM_OUTSIDE_ZONE = 'mercator-outside';

const STATE: Record<string, string> = { open: 'exposed', mitigated: 'mitigated', accepted: 'accepted', transferred: 'transferred', 'not-applicable': 'not-applicable' };

export function threatState(model: Model, t: ThreatLike): string {
  const decided = model.decisions[`threat:${t.id}`]?.status ?? 'open';
  if (t.source?.status && decisionStatus(t.source.status) === decided) return t.source.status;
  return STATE[decided] ?? 'exposed';
}

function representation(box: LayoutBox | undefined, parent: LayoutBox | undefined, id: string) {
  if (!box) return null;
  return [{ representation: 'mercator-diagram', id: `${id}-shape`, position: { x: Math.round(box.x - (parent?.x ?? 0)), y: Math.round(box.y - (parent?.y ?? 0)) }, size: { width: Math.round(box.width ?? 160), height: Math.round(box.height ?? 60) } }];
}

export function writeOtm(model: Model): string {
  const boxes = model.layout.boxes;
  const loose = model.components.filter((c) => !c.zone);
  const threats = threatsOf(model);
  const links = (type: 'component' | 'flow' | 'zone', id: string) => {
    const mine = threats.filter((t) => t.subject.type === type && t.subject.id === id);
    if (!mine.length) return null;
    return mine.map((t) => ({ threat: t.id, state: threatState(model, t), mitigations: t.source?.mitigation ? [{ mitigation: `${t.id}-mitigation`, state: model.decisions[`threat:${t.id}`]?.status === 'mitigated' ? 'implemented' : 'recommended' }] : [] }));
  };
  const trustZones = [
    ...model.zones.map((z) => ({
      id: z.id,
      name: z.label || z.kind,
      type: z.kind,
      description: z.description ?? null,
      risk: { trustRating: ((zoneTrust(z.kind) ?? 2) + 1) * 20 },
      ...(z.parent ? { parent: { trustZone: z.parent } } : {}),
      representations: representation(boxes[z.id], z.parent ? boxes[z.parent] : undefined, z.id),
      attributes: null,
    })),
    ...(loose.length ? [{ id: OTM_OUTSIDE_ZONE, name: 'Outside any zone', type: 'internet', description: 'Components the Mercator model places in no zone.', risk: { trustRating: 20 }, representations: null, attributes: { 'mercator:outside': true } }] : []),
  ];
  const doc = {
    otmVersion: '0.2.0',
    project: {
      name: model.meta.title,
      id: model.meta.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'model',
      description: model.meta.description || null,
      ...(model.meta.authors[0] ? { owner: model.meta.authors[0] } : {}),
      tags: model.meta.tags.length ? model.meta.tags : null,
      attributes: model.meta.version ? { version: model.meta.version } : null,
    },
    representations: [{ name: 'Mercator diagram', id: 'mercator-diagram', type: 'diagram', attributes: null }],
    assets: [],
    trustZones,
    components: model.components.map((c) => ({
      id: c.id,
      name: c.label || c.kind,
      // A component that came from OTM keeps its OTM type; others say their Mercator kind.
      type: c.facts.importedFrom === 'otm' && typeof c.facts.importedType === 'string' && c.facts.importedType !== 'component' ? c.facts.importedType : c.kind,
      description: c.description ?? null,
      parent: { trustZone: c.zone ?? OTM_OUTSIDE_ZONE },
      representations: representation(boxes[c.id], c.zone ? boxes[c.zone] : undefined, c.id),
      threats: links('component', c.id),
      tags: null,
      attributes: Object.keys(c.controls).length ? Object.fromEntries(Object.entries(c.controls).map(([k, v]) => [`control:${k}`, String(v)])) : null,
    })),
    dataflows: model.flows.map((f) => ({
      id: f.id,
      name: f.label || `${f.source} → ${f.target}`,
      description: f.description ?? null,
      bidirectional: f.facts.bidirectional === true,
      source: f.source,
      destination: f.target,
      threats: links('flow', f.id),
      tags: null,
      attributes: null,
    })),
    threats: threats.map((t) => ({
      id: t.id,
      name: t.title,
      description: t.description ?? '',
      categories: t.source?.type ? t.source.type.split(/,\s*/) : [],
      risk: { likelihood: (t.likelihood ?? 3) * 20, impact: (t.impact ?? 3) * 20 },
      tags: [...(t.atlas ?? []), ...(t.owasp ?? [])],
      attributes: t.source?.tool ? { source: t.source.tool, ...(t.source.ref ? { ref: t.source.ref } : {}) } : null,
    })),
    mitigations: threats.filter((t) => t.source?.mitigation).map((t) => ({ id: `${t.id}-mitigation`, name: t.source!.mitigation!.slice(0, 200), description: t.source!.mitigation!, riskReduction: 50, attributes: null })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
