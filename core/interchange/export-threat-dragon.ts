// A Mercator model → an OWASP Threat Dragon v2 model (one STRIDE diagram), so a team can take a
// diagram back. Actors (users, operators, clients) and stores keep their Threat Dragon shapes, every
// other kind is a process; zones become trust-boundary boxes holding their members (nested zones
// stay nested: ./nested-layout.ts redraws the layout when the model's does not show containment); flows keep their ends; the model's
// threats go on their elements with the decision as the Threat Dragon status.
import type { LayoutBox, Model } from '../model/schema';
import { nestedLayout } from './nested-layout';
import { threatsOf, threatSeverity, type ThreatLike } from './model-threats';
import { decisionStatus } from './imported-threats';

const W0 = 160;
const H0 = 80;
const ACTOR_KINDS = new Set(['user', 'operator', 'client', 'attacker']);
const STORE_KINDS = new Set(['data-store', 'vector-store', 'knowledge-base', 'feature-store', 'secrets-store', 'memory', 'data-source', 'model-registry', 'model-hub']);

export function tdShape(kind: string): { shape: 'actor' | 'store' | 'process'; type: string } {
  if (ACTOR_KINDS.has(kind)) return { shape: 'actor', type: 'tm.Actor' };
  if (STORE_KINDS.has(kind)) return { shape: 'store', type: 'tm.Store' };
  return { shape: 'process', type: 'tm.Process' };
}

function tdStatus(model: Model, t: ThreatLike): string {
  const decided = model.decisions[`threat:${t.id}`]?.status ?? 'open';
  if (t.source?.status && decisionStatus(t.source.status) === decided) return t.source.status;
  return decided === 'mitigated' ? 'Mitigated' : decided === 'not-applicable' ? 'NotApplicable' : 'Open';
}

export function writeThreatDragon(model: Model): string {
  const boxes = nestedLayout(model);
  const size = (b: LayoutBox | undefined) => ({ width: b?.width ?? 160, height: b?.height ?? 80 });
  const threats = threatsOf(model);
  let number = 0;
  const threatsFor = (type: 'component' | 'flow', id: string) =>
    threats
      .filter((t) => t.subject.type === type && t.subject.id === id)
      .map((t) => ({
        id: t.id,
        title: t.title,
        status: tdStatus(model, t),
        severity: threatSeverity(t),
        type: t.source?.type ?? 'Information disclosure',
        description: t.description ?? '',
        mitigation: t.source?.mitigation ?? '',
        modelType: 'STRIDE',
        number: ++number,
        score: '',
      }));

  const depth = (id: string): number => {
    let n = 0;
    for (let z = model.zones.find((x) => x.id === id); z?.parent && n < 100; z = model.zones.find((x) => x.id === z!.parent)) n++;
    return n;
  };
  let z = 1;
  const cells: unknown[] = [];
  for (const zone of [...model.zones].sort((a, b) => depth(a.id) - depth(b.id))) {
    const b = boxes[zone.id] ?? { x: 0, y: 0, width: W0, height: H0 };
    cells.push({
      position: { x: b.x, y: b.y },
      size: { width: b.width, height: b.height },
      attrs: { label: { text: zone.label } },
      shape: 'trust-boundary-box',
      id: zone.id,
      zIndex: z++,
      data: { type: 'tm.BoundaryBox', name: zone.label, description: zone.description ?? '', isTrustBoundary: true, hasOpenThreats: false },
    });
  }
  for (const c of model.components) {
    const { shape, type } = tdShape(c.kind);
    const b = boxes[c.id]!;
    const own = threatsFor('component', c.id);
    cells.push({
      position: { x: b.x, y: b.y },
      size: size(b),
      attrs: { text: { text: c.label } },
      shape,
      id: c.id,
      zIndex: z++,
      data: {
        type,
        name: c.label,
        description: c.description ?? '',
        outOfScope: c.outOfScope !== undefined,
        reasonOutOfScope: c.outOfScope ?? '',
        threats: own,
        hasOpenThreats: own.some((t) => t.status === 'Open'),
        isTrustBoundary: false,
        ...(shape === 'store' ? { isALog: false, storesCredentials: c.facts.storesCredentials === true, isEncrypted: c.controls.encryptionAtRest === 'present', isSigned: false } : {}),
        ...(shape === 'process' ? { handlesCardPayment: false, handlesGoodsOrServices: false, isWebApplication: c.kind === 'application', privilegeLevel: '' } : {}),
        ...(shape === 'actor' ? { providesAuthentication: false } : {}),
      },
    });
  }
  for (const f of model.flows) {
    const own = threatsFor('flow', f.id);
    cells.push({
      shape: 'flow',
      attrs: { line: { stroke: '#333333', targetMarker: { name: 'classic' }, sourceMarker: { name: '' } } },
      width: 200,
      height: 100,
      zIndex: z++,
      connector: 'smooth',
      labels: [f.label],
      id: f.id,
      source: { cell: f.source },
      target: { cell: f.target },
      vertices: model.layout.flowPoints[f.id] ?? [],
      data: {
        type: 'tm.Flow',
        name: f.label,
        description: f.description ?? '',
        outOfScope: f.outOfScope !== undefined,
        reasonOutOfScope: f.outOfScope ?? '',
        protocol: typeof f.facts.protocol === 'string' ? f.facts.protocol : '',
        isEncrypted: f.controls.encryptionInTransit === 'present',
        isPublicNetwork: f.facts.publicNetwork === true,
        isBidirectional: f.facts.bidirectional === true,
        threats: own,
        hasOpenThreats: own.some((t) => t.status === 'Open'),
        isTrustBoundary: false,
      },
    });
  }
  const doc = {
    version: '2.3.0',
    summary: { title: model.meta.title, owner: model.meta.authors[0] ?? '', description: model.meta.description, id: 0 },
    detail: {
      contributors: model.meta.authors.slice(1).map((name) => ({ name })),
      diagrams: [{ id: 0, title: model.meta.title, diagramType: 'STRIDE', placeholder: 'New STRIDE diagram description', thumbnail: './public/content/images/thumbnail.stride.jpg', version: '2.3.0', cells }],
      diagramTop: 1,
      reviewer: '',
      threatTop: number,
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
