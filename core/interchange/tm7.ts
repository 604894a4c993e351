// Microsoft Threat Modeling Tool models (.tm7, .NET DataContract XML) → a Mercator model. Stencils
// (processes, external interactors, data stores) become components, border boundaries become zones
// by containment (nested borders nest), line boundaries become zones by the side each element is on,
// connectors become flows, and each threat instance becomes a threat on its flow (or element) with
// its category, priority, state and justification. The embedded template (KnowledgeBase) is skipped
// while parsing.
import type { Controls, LayoutBox } from '../model/schema';
import { guessKind, type Shape } from './kind-guess';
import { ModelBuilder } from './model-builder';
import { centreOf, innermost, nestBoxes, type Point } from './boundary-sides';
import { zonesFromLines } from './line-zones';
import { child, children, textOf, type XmlElement } from './xml';
import type { ImportResult } from './types';
import { oneLine } from './values';

const NO_GUID = '00000000-0000-0000-0000-000000000000';

interface Stencil {
  guid: string;
  generic: string;
  typeId: string;
  /** The stencil's type name (the header property), e.g. "Web API". */
  header: string;
  name: string;
  props: Map<string, string>;
  box?: LayoutBox;
  el: XmlElement;
  pointer: string;
}

interface Line extends Stencil {
  source: string;
  target: string;
  points: Point[];
}

/** Properties of an element: display name → value text (lists joined). */
function properties(value: XmlElement): { header: string; props: Map<string, string> } {
  const props = new Map<string, string>();
  let header = '';
  for (const p of child(value, 'Properties')?.children ?? []) {
    const name = textOf(child(p, 'DisplayName'));
    const v = child(p, 'Value');
    const text = v ? (v.children.length ? v.children.map(textOf).filter(Boolean).join(', ') : textOf(v)) : '';
    if (/HeaderDisplayAttribute$/.test(p.attrs.type ?? '') && !header) header = name;
    else if (name && !props.has(name)) props.set(name, text);
  }
  return { header, props };
}

const numberOf = (el: XmlElement, name: string): number | undefined => {
  const n = Number(textOf(child(el, name)));
  return textOf(child(el, name)) && Number.isFinite(n) ? n : undefined;
};

function readStencil(entry: XmlElement, pointer: string, dy: number): Stencil | undefined {
  const value = child(entry, 'Value');
  if (!value) return undefined;
  const { header, props } = properties(value);
  const [x, y, width, height] = ['Left', 'Top', 'Width', 'Height'].map((k) => numberOf(value, k));
  const box = x !== undefined && y !== undefined && width && height && width > 0 && height > 0 ? { x, y: y + dy, width, height } : undefined;
  return { guid: textOf(child(value, 'Guid')) || textOf(child(entry, 'Key')), generic: textOf(child(value, 'GenericTypeId')), typeId: textOf(child(value, 'TypeId')), header, name: oneLine(props.get('Name') ?? ''), props, ...(box ? { box } : {}), el: value, pointer };
}

const SHAPES: Record<string, Shape> = { 'GE.P': 'process', 'GE.EI': 'actor', 'GE.DS': 'store' };

export function importTm7(root: XmlElement): ImportResult {
  const b = new ModelBuilder();
  const surfaces = children(child(root, 'DrawingSurfaceList'), 'DrawingSurfaceModel');
  const borders: Stencil[] = [];
  const lines: Line[] = [];
  let dy = 0;
  surfaces.forEach((surface, s) => {
    const base = `/DrawingSurfaceList/DrawingSurfaceModel[${s + 1}]`;
    const own: Stencil[] = [];
    children(child(surface, 'Borders'), 'KeyValueOfguidanyType').forEach((e, i) => {
      const st = readStencil(e, `${base}/Borders/KeyValueOfguidanyType[${i + 1}]`, dy);
      if (st) own.push(st);
    });
    children(child(surface, 'Lines'), 'KeyValueOfguidanyType').forEach((e, i) => {
      const st = readStencil(e, `${base}/Lines/KeyValueOfguidanyType[${i + 1}]`, dy);
      if (!st) return;
      const v = st.el;
      const pt = (px: string, py: string) => {
        const x = numberOf(v, px);
        const y = numberOf(v, py);
        return x === undefined || y === undefined ? undefined : { x, y: y + dy };
      };
      const points = [pt('SourceX', 'SourceY'), pt('HandleX', 'HandleY'), pt('TargetX', 'TargetY')].filter((p): p is Point => !!p);
      lines.push({ ...st, source: textOf(child(v, 'SourceGuid')), target: textOf(child(v, 'TargetGuid')), points });
    });
    borders.push(...own);
    dy += Math.max(0, ...own.map((o) => (o.box ? o.box.y - dy + (o.box.height ?? 0) : 0))) + 120;
  });

  // Border boundaries → zones, nested by containment.
  const boundaryBoxes = borders.filter((x) => x.generic === 'GE.TB.B' && x.box).map((c) => ({ c, box: c.box! }));
  const parents = nestBoxes(boundaryBoxes);
  const depth = (z: (typeof boundaryBoxes)[number]) => {
    let n = 0;
    for (let p = parents.get(z); p; p = parents.get(p)) n++;
    return n;
  };
  const zoneBoxes: Array<{ id: string; box: LayoutBox }> = [];
  const zoneOf = new Map<(typeof boundaryBoxes)[number], string>();
  for (const z of [...boundaryBoxes].sort((p, q) => depth(p) - depth(q))) {
    const parent = parents.get(z);
    const label = z.c.name || z.c.header || 'Trust boundary';
    const kind = /internet/i.test(`${label} ${z.c.typeId}`) ? 'internet' : /azure|cloud|aws/i.test(`${label} ${z.c.typeId}`) ? 'cloud' : /sandbox|restricted/i.test(label) ? 'restricted' : 'corporate';
    const id = b.addZone({ external: z.c.guid, label, kind, box: z.box, ...(parent ? { parent: zoneOf.get(parent)! } : {}) });
    zoneOf.set(z, id);
    zoneBoxes.push({ id, box: z.box });
    if (!z.c.name) b.note('warning', z.c.pointer, `a trust boundary has no name; it was called "${label}"`);
  }

  const guids = new Map<string, string>();
  const boxes = new Map<string, LayoutBox>();
  const notes: string[] = [];
  for (const st of borders) {
    if (st.generic === 'GE.A') {
      if (st.props.get('Name') || st.name) notes.push(st.props.get('Name') || st.name);
      continue;
    }
    const shape = SHAPES[st.generic];
    if (!shape) {
      if (st.generic !== 'GE.TB.B') b.note('warning', st.pointer, `a stencil of type "${st.generic || st.typeId}" was left out`);
      continue;
    }
    const label = st.name || st.header || st.typeId;
    if (!st.name) b.note('warning', st.pointer, `an element has no name; it was called "${label}"`);
    const guess = guessKind(`${label} ${st.header}`, shape);
    const zone = st.box ? innermost(centreOf(st.box), zoneBoxes)?.id : undefined;
    const facts: Record<string, string | number | boolean> = { importedFrom: 'tm7', importedType: st.typeId || st.generic, kindGuess: guess.kind, kindConfidence: guess.confidence };
    const reason = st.props.get('Reason For Out Of Scope');
    const outOfScope = st.props.get('Out Of Scope') === 'true' ? reason || 'Out of scope in the Threat Modeling Tool' : undefined;
    const id = b.addComponent({ external: st.guid, label, kind: guess.kind, ...(outOfScope ? { outOfScope } : {}), ...(zone ? { zone } : {}), facts, ...(st.box ? { box: st.box } : {}) });
    guids.set(st.guid, id);
    if (st.box) boxes.set(id, st.box);
    b.guesses.push({ componentId: id, label: b.components.at(-1)!.label, sourceType: st.header ? `${st.generic} ${st.header}` : st.generic, kind: guess.kind, confidence: guess.confidence, reason: guess.reason });
  }

  // Line boundaries → zones by side, for the elements no border holds.
  zonesFromLines(b, boxes, lines.filter((l) => l.generic === 'GE.TB.L'), 'Threat Modeling Tool');

  const nearest = (p: Point | undefined): string | undefined => {
    if (!p) return undefined;
    let best: { id: string; d: number } | undefined;
    for (const [id, box] of boxes) {
      const dx = Math.max(box.x - p.x, 0, p.x - (box.x + (box.width ?? 0)));
      const dy2 = Math.max(box.y - p.y, 0, p.y - (box.y + (box.height ?? 0)));
      const d = Math.hypot(dx, dy2);
      if (!best || d < best.d) best = { id, d };
    }
    return best && best.d <= 40 ? best.id : undefined;
  };
  for (const l of lines.filter((x) => x.generic === 'GE.DF')) {
    const ends = (['source', 'target'] as const).map((k, i) => {
      const guid = l[k];
      const id = guid && guid !== NO_GUID ? guids.get(guid) : undefined;
      if (id) return id;
      const near = nearest(i === 0 ? l.points[0] : l.points.at(-1));
      if (near) b.note('info', l.pointer, `the flow "${l.name}" is not attached at its ${k}; it was attached to the nearest element "${b.components.find((c) => c.id === near)!.label}"`);
      else b.note('warning', l.pointer, `the flow "${l.name}" is not attached at its ${k}; it was left out`);
      return near;
    });
    if (!ends[0] || !ends[1]) continue;
    const facts: Record<string, string | number | boolean> = { importedFrom: 'tm7', importedType: l.typeId || l.generic };
    const protocol = l.props.get('Protocol');
    if (protocol) facts.protocol = protocol;
    const controls: Controls = {};
    if (/^yes$/i.test(l.props.get('Provides confidentiality') ?? '')) controls.encryptionInTransit = 'present';
    if (/^yes$/i.test(l.props.get('Destination Authenticated') ?? '')) controls.authentication = 'present';
    const id = b.addFlow({ external: l.guid, source: ends[0], target: ends[1], label: l.name, facts, controls });
    guids.set(l.guid, id);
  }
  if (!surfaces.length) b.note('warning', '/DrawingSurfaceList', 'the model has no diagram');

  // Threat instances.
  const flowIds = new Set(b.flows.map((f) => f.id));
  children(child(root, 'ThreatInstances'), 'KeyValueOfstringThreatpc_P0_PhOB').forEach((e, i) => {
    const v = child(e, 'Value');
    if (!v) return;
    const pointer = `/ThreatInstances/KeyValueOfstringThreatpc_P0_PhOB[${i + 1}]`;
    const props = new Map(children(child(v, 'Properties'), 'KeyValueOfstringstring').map((kv) => [textOf(child(kv, 'Key')), textOf(child(kv, 'Value'))]));
    const flow = guids.get(textOf(child(v, 'FlowGuid')));
    const target = guids.get(textOf(child(v, 'TargetGuid')));
    const subject = flow && flowIds.has(flow) ? { type: 'flow' as const, id: flow } : target && !flowIds.has(target) ? { type: 'component' as const, id: target } : undefined;
    const title = props.get('Title') || textOf(child(v, 'Title')) || textOf(child(v, 'TypeId'));
    if (!subject) {
      b.note('warning', pointer, `the threat "${title}" is about an element that was left out; it was not imported`);
      return;
    }
    const justification = textOf(child(v, 'StateInformation'));
    const mitigation = [props.get('PossibleMitigations'), justification && `Justification: ${justification}`].filter(Boolean).join('\n\n');
    const category = props.get('UserThreatCategory') || textOf(child(v, 'UserThreatCategory'));
    b.addThreat({
      external: `tm7-${textOf(child(v, 'Id')) || i + 1}`,
      subject,
      title,
      description: props.get('UserThreatDescription') || props.get('UserThreatShortDescription') || '',
      tool: 'tm7',
      ref: textOf(child(v, 'Id')) || textOf(child(e, 'Key')),
      ...(category ? { type: category } : {}),
      ...(textOf(child(v, 'State')) ? { status: textOf(child(v, 'State')) } : {}),
      ...(textOf(child(v, 'Priority')) || props.get('Priority') ? { severity: textOf(child(v, 'Priority')) || props.get('Priority')! } : {}),
      ...(mitigation ? { mitigation } : {}),
      pointer,
    });
  });

  const meta = child(root, 'MetaInformation');
  const title = textOf(child(meta, 'ThreatModelName')) || 'Imported Threat Modeling Tool model';
  const people = [textOf(child(meta, 'Owner')), ...textOf(child(meta, 'Contributors')).split(/[,;]/)].map((s) => s.trim()).filter(Boolean);
  const description = [
    textOf(child(meta, 'HighLevelSystemDescription')),
    textOf(child(meta, 'Assumptions')) && `Assumptions:\n${textOf(child(meta, 'Assumptions'))}`,
    textOf(child(meta, 'ExternalDependencies')) && `External dependencies:\n${textOf(child(meta, 'ExternalDependencies'))}`,
    ...notes,
  ].filter(Boolean).join('\n\n');
  return b.finish('tm7', `read a Threat Modeling Tool model (version ${textOf(child(root, 'Version')) || 'unknown'}, ${surfaces.length} diagram(s))`, { title, description, authors: people, tags: ['imported', 'tm7'] });
}
