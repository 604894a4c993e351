// OWASP Threat Dragon v1 and v2 models → a Mercator model. Processes, stores and actors become
// components (kind guessed from shape and name, recorded for the user to confirm), flows become
// flows. Trust-boundary boxes become zones by containment (nested boxes nest); boundary lines
// (curves) become zones by the side of each line the elements are on (./boundary-sides.ts), and
// flows that cross a line get the fact `crossesTrustBoundary`. Threat Dragon's own threats become
// threats on their elements (title, type, status, severity, description, mitigation).
import type { Controls, LayoutBox } from '../model/schema';
import { guessKind, type Shape } from './kind-guess';
import { ModelBuilder, clip } from './model-builder';
import { ImportError, invalid, type ImportResult } from './types';
import { centreOf as centre, innermost, nestBoxes } from './boundary-sides';
import { zonesFromLines } from './line-zones';

type Obj = Record<string, unknown>;
type Point = { x: number; y: number };
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

interface Cell {
  pointer: string;
  kind: 'actor' | 'process' | 'store' | 'flow' | 'boundary-box' | 'boundary-line' | 'text' | 'unknown';
  type: string;
  id: string;
  name: string;
  data: Obj;
  box?: LayoutBox;
  source?: { cell?: string; point?: Point };
  target?: { cell?: string; point?: Point };
  vertices: Point[];
  threats: unknown[];
  threatsAt: string;
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function point(v: unknown): Point | undefined {
  if (!isObj(v)) return undefined;
  const x = num(v.x);
  const y = num(v.y);
  return x === undefined || y === undefined ? undefined : { x, y };
}

function endpoint(v: unknown): { cell?: string; point?: Point } | undefined {
  if (!isObj(v)) return undefined;
  const cell = str(v.cell) || str(v.id);
  if (cell) return { cell };
  const p = point(v);
  return p ? { point: p } : undefined;
}

const V2_SHAPES: Record<string, Cell['kind']> = {
  actor: 'actor', process: 'process', store: 'store', flow: 'flow',
  'trust-boundary-box': 'boundary-box', 'trust-boundary-curve': 'boundary-line', 'trust-broundary-curve': 'boundary-line', 'td-text-block': 'text',
};
const V1_TYPES: Record<string, Cell['kind']> = {
  'tm.Actor': 'actor', 'tm.Process': 'process', 'tm.Store': 'store', 'tm.Flow': 'flow', 'tm.Boundary': 'boundary-line', 'tm.BoundaryBox': 'boundary-box', 'tm.Text': 'text',
};

function labelText(cell: Obj): string {
  const attrs = isObj(cell.attrs) ? cell.attrs : {};
  const text = isObj(attrs.text) ? str(attrs.text.text) : '';
  if (text) return text;
  const labels = Array.isArray(cell.labels) ? cell.labels : [];
  for (const l of labels) {
    if (!isObj(l) || !isObj(l.attrs)) continue;
    const t = isObj(l.attrs.labelText) ? str(l.attrs.labelText.text) : isObj(l.attrs.text) ? str(l.attrs.text.text) : '';
    if (t) return t;
  }
  return '';
}

function readCell(raw: unknown, pointer: string, version: 1 | 2): Cell {
  if (!isObj(raw)) throw invalid(pointer, 'a diagram cell must be an object');
  const data = version === 2 && isObj(raw.data) ? raw.data : raw;
  const type = version === 2 ? str(raw.shape) || str(data.type) : str(raw.type);
  const kind = (version === 2 ? V2_SHAPES[str(raw.shape)] ?? V1_TYPES[str(data.type)] : V1_TYPES[type]) ?? 'unknown';
  const position = point(raw.position);
  const size = isObj(raw.size) ? { width: num(raw.size.width), height: num(raw.size.height) } : {};
  const box = position && size.width && size.height && size.width > 0 && size.height > 0 ? { x: position.x, y: position.y, width: size.width, height: size.height } : undefined;
  const threats: unknown[] = Array.isArray(data.threats) ? data.threats : [];
  return {
    pointer,
    kind,
    type: str(data.type) || type,
    id: str(raw.id),
    name: str(data.name) || labelText(raw),
    data,
    ...(box ? { box } : {}),
    ...(endpoint(raw.source) ? { source: endpoint(raw.source)! } : {}),
    ...(endpoint(raw.target) ? { target: endpoint(raw.target)! } : {}),
    vertices: Array.isArray(raw.vertices) ? raw.vertices.map(point).filter((p): p is Point => !!p) : [],
    threats,
    threatsAt: data === raw ? `${pointer}/threats` : `${pointer}/data/threats`,
  };
}

/** Which Threat Dragon version a parsed file is, or an error naming what is missing. */
function readDocument(doc: unknown): { version: 1 | 2; title: string; owner: string; description: string; diagrams: Array<{ pointer: string; title: string; cells: unknown[] }> } {
  if (!isObj(doc)) throw invalid('', 'a Threat Dragon model is one JSON object');
  if (!isObj(doc.summary)) throw invalid('/summary', `a Threat Dragon model needs a "summary" object (the file has: ${Object.keys(doc).slice(0, 10).join(', ') || 'nothing'})`);
  if (!isObj(doc.detail)) throw invalid('/detail', `a Threat Dragon model needs a "detail" object (the file has: ${Object.keys(doc).slice(0, 10).join(', ')})`);
  const summary = doc.summary;
  if (typeof summary.title !== 'string') throw invalid('/summary/title', `the model's title must be text (the summary has: ${Object.keys(summary).join(', ') || 'nothing'})`);
  if (summary.description !== undefined && typeof summary.description !== 'string') throw invalid('/summary/description', 'the description must be text');
  if (summary.owner !== undefined && typeof summary.owner !== 'string') throw invalid('/summary/owner', 'the owner must be text');
  const detail = doc.detail;
  if (!Array.isArray(detail.diagrams)) throw invalid('/detail/diagrams', `a Threat Dragon model lists its diagrams in detail.diagrams (the detail has: ${Object.keys(detail).join(', ') || 'nothing'})`);
  const diagrams = detail.diagrams.map((d, i) => {
    const pointer = `/detail/diagrams/${i}`;
    if (!isObj(d)) throw invalid(pointer, 'a diagram must be an object');
    if (Array.isArray(d.cells)) return { version: 2 as const, pointer: `${pointer}/cells`, title: str(d.title), cells: d.cells };
    if (isObj(d.diagramJson) && Array.isArray(d.diagramJson.cells)) return { version: 1 as const, pointer: `${pointer}/diagramJson/cells`, title: str(d.title), cells: d.diagramJson.cells };
    if (isObj(d.diagramJson) || d.diagramJson === undefined) return { version: (typeof doc.version === 'string' && doc.version.startsWith('2') ? 2 : 1) as 1 | 2, pointer, title: str(d.title), cells: [] };
    throw invalid(pointer, 'a diagram holds its cells in "cells" (version 2) or "diagramJson.cells" (version 1)');
  });
  const version: 1 | 2 = diagrams.some((d) => d.version === 2) || (typeof doc.version === 'string' && /^2\./.test(doc.version)) ? 2 : 1;
  return { version, title: summary.title, owner: str(summary.owner), description: str(summary.description), diagrams };
}


const SHAPE_OF: Partial<Record<Cell['kind'], Shape>> = { actor: 'actor', process: 'process', store: 'store' };

function crosses(a: Point, b: Point, c: Point, d: Point): boolean {
  const o = (p: Point, q: Point, r: Point) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return o(a, b, c) !== o(a, b, d) && o(c, d, a) !== o(c, d, b);
}

function outOfScope(data: Obj): { outOfScope?: string } {
  return data.outOfScope === true ? { outOfScope: str(data.reasonOutOfScope) || 'Out of scope in Threat Dragon' } : {};
}

function addThreats(b: ModelBuilder, c: Cell, subject: { type: 'component' | 'flow'; id: string }): void {
  c.threats.forEach((t, i) => {
    if (!isObj(t)) return;
    const type = [str(t.type), str(t.modelType)].filter(Boolean).join(', ');
    b.addThreat({
      external: str(t.id) || `${subject.id}-threat-${i + 1}`,
      subject,
      title: str(t.title) || 'Untitled threat',
      description: str(t.description),
      tool: 'threat-dragon',
      ...(str(t.id) ? { ref: str(t.id) } : {}),
      ...(type ? { type } : {}),
      status: str(t.status) || 'Open',
      ...(str(t.severity) ? { severity: str(t.severity) } : {}),
      ...(str(t.mitigation) ? { mitigation: str(t.mitigation) } : {}),
      pointer: `${c.threatsAt}/${i}`,
    });
  });
}

export function importThreatDragon(doc: unknown): ImportResult {
  let parsed;
  try {
    parsed = readDocument(doc);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.problem] };
    throw error;
  }
  const b = new ModelBuilder();
  const cells: Cell[] = [];
  let yOffset = 0;
  try {
    for (const d of parsed.diagrams) {
      const version = d.pointer.endsWith('diagramJson/cells') ? 1 : 2;
      const own = d.cells.map((c, i) => readCell(c, `${d.pointer}/${i}`, version));
      const maxY = Math.max(0, ...own.map((c) => (c.box ? c.box.y + (c.box.height ?? 0) : 0)));
      const shift = (p: Point | undefined) => (p ? { x: p.x, y: p.y + yOffset } : p);
      for (const c of own) {
        if (c.box) c.box = { ...c.box, y: c.box.y + yOffset };
        if (c.source?.point) c.source = { point: shift(c.source.point)! };
        if (c.target?.point) c.target = { point: shift(c.target.point)! };
        c.vertices = c.vertices.map((p) => shift(p)!);
      }
      yOffset += maxY + 120;
      cells.push(...own);
    }
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.problem] };
    throw error;
  }

  // Boxes → zones, nested by containment (outer boxes first, so parents exist before children).
  const boxCells = cells.filter((x) => x.kind === 'boundary-box' && x.box).map((c) => ({ c, box: c.box! }));
  const parents = nestBoxes(boxCells);
  const depth = (z: (typeof boxCells)[number]): number => {
    let n = 0;
    for (let p = parents.get(z); p; p = parents.get(p)) n++;
    return n;
  };
  const zoneBoxes: Array<{ id: string; box: LayoutBox }> = [];
  const zoneOf = new Map<(typeof boxCells)[number], string>();
  for (const z of [...boxCells].sort((p, q) => depth(p) - depth(q))) {
    const parent = parents.get(z);
    const id = b.addZone({ external: z.c.id || z.c.pointer, label: oneLine(z.c.name) || 'Trust boundary', kind: 'corporate', box: z.box, ...(parent ? { parent: zoneOf.get(parent)! } : {}) });
    zoneOf.set(z, id);
    zoneBoxes.push({ id, box: z.box });
    b.note('info', z.c.pointer, `the trust boundary "${oneLine(z.c.name) || id}" became a zone of kind "corporate"${parent ? ` inside "${oneLine(parent.c.name) || zoneOf.get(parent)}"` : ''}; change its kind if it is the internet, a cloud account, a vendor …`);
  }
  for (const c of cells.filter((x) => x.kind === 'boundary-box' && !x.box)) b.note('warning', c.pointer, 'a trust-boundary box without a position or size was left out');

  const boxes = new Map<string, LayoutBox>();
  for (const c of cells.filter((x) => x.kind === 'actor' || x.kind === 'process' || x.kind === 'store')) {
    const label = clip(oneLine(c.name || c.type), 200);
    const guess = guessKind(label, SHAPE_OF[c.kind]!);
    const zone = c.box ? innermost(centre(c.box), zoneBoxes)?.id : undefined;
    const description = str(c.data.description);
    const facts: Record<string, string | number | boolean> = { importedFrom: 'threat-dragon', importedType: c.type, kindGuess: guess.kind, kindConfidence: guess.confidence };
    if (c.data.storesCredentials === true) facts.storesCredentials = true;
    const controls: Controls = {};
    if (c.kind === 'store' && c.data.isEncrypted === true) controls.encryptionAtRest = 'present';
    const id = b.addComponent({ external: c.id || c.pointer, label, kind: guess.kind, description, ...outOfScope(c.data), ...(zone ? { zone } : {}), facts, controls, ...(c.box ? { box: c.box } : {}) });
    if (c.box) boxes.set(id, c.box);
    b.guesses.push({ componentId: id, label, sourceType: c.type, kind: guess.kind, confidence: guess.confidence, reason: guess.reason });
    addThreats(b, c, { type: 'component', id });
  }

  // Lines → zones by side, for the elements no box holds.
  const lines = cells.filter((x) => x.kind === 'boundary-line');
  const polylines = lines.map((c) => [c.source?.point, ...c.vertices, c.target?.point].filter((p): p is Point => !!p));
  zonesFromLines(b, boxes, lines.map((c, i) => ({ points: polylines[i]!, pointer: c.pointer, name: oneLine(c.name) })), 'Threat Dragon');

  const resolve = (end: Cell['source'], pointer: string, which: string): string | undefined => {
    if (end?.cell) {
      const id = b.lookup(end.cell);
      if (id && b.components.some((c) => c.id === id)) return id;
      b.note('warning', pointer, `the flow's ${which} is "${end.cell}", which is not a process, store or actor; the flow was left out`);
      return undefined;
    }
    if (end?.point) {
      let best: { id: string; d: number } | undefined;
      for (const [id, box] of boxes) {
        const dx = Math.max(box.x - end.point.x, 0, end.point.x - (box.x + (box.width ?? 0)));
        const dy = Math.max(box.y - end.point.y, 0, end.point.y - (box.y + (box.height ?? 0)));
        const d = Math.hypot(dx, dy);
        if (!best || d < best.d) best = { id, d };
      }
      if (best && best.d <= 40) {
        b.note('info', pointer, `the flow's ${which} was a loose point; it was attached to the nearest element "${b.components.find((c) => c.id === best!.id)!.label}"`);
        return best.id;
      }
    }
    b.note('warning', pointer, `the flow's ${which} is not attached to any element; the flow was left out`);
    return undefined;
  };

  let crossing = 0;
  for (const c of cells.filter((x) => x.kind === 'flow')) {
    const source = resolve(c.source, `${c.pointer}/source`, 'start');
    const target = resolve(c.target, `${c.pointer}/target`, 'end');
    if (!source || !target) continue;
    const facts: Record<string, string | number | boolean> = { importedFrom: 'threat-dragon' };
    const controls: Controls = {};
    if (c.data.isEncrypted === true) controls.encryptionInTransit = 'present';
    if (c.data.isPublicNetwork === true) facts.publicNetwork = true;
    if (str(c.data.protocol)) facts.protocol = str(c.data.protocol);
    if (c.data.isBidirectional === true) facts.bidirectional = true;
    const a = boxes.get(source);
    const z = boxes.get(target);
    if (a && z && polylines.some((pl) => pl.slice(1).some((p, i) => crosses(centre(a), centre(z), pl[i]!, p)))) {
      facts.crossesTrustBoundary = true;
      crossing++;
    }
    const id = b.addFlow({ external: c.id || c.pointer, source, target, label: oneLine(c.name || ''), description: str(c.data.description), facts, controls, ...outOfScope(c.data) });
    addThreats(b, c, { type: 'flow', id });
  }
  if (crossing) b.note('info', '', `${crossing} flow(s) cross a trust-boundary line and are marked "crossesTrustBoundary"`);
  const texts = cells.filter((x) => x.kind === 'text' && x.name).map((x) => oneLine(x.name));
  for (const c of cells.filter((x) => x.kind === 'unknown')) b.note('warning', c.pointer, `a cell of type "${c.type || 'unknown'}" was left out`);
  return b.finish('threat-dragon', `read a Threat Dragon version ${parsed.version} model`, {
    title: parsed.title,
    description: [parsed.description, ...texts].filter(Boolean).join('\n\n'),
    authors: parsed.owner ? [parsed.owner] : [],
    tags: ['imported', 'threat-dragon'],
  });
}
