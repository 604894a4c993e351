// Zones from trust-boundary lines (Threat Dragon curves, TMT line boundaries): the elements on the
// same side of every line share a zone. Elements a boundary box already holds keep that zone but
// still count when telling the sides apart, so a line that cuts one element off the rest gives it
// a zone of its own. Uncertain sides are reported as notes on the line.
import type { LayoutBox } from '../model/schema';
import { enclosing, groupBySides, type Point } from './boundary-sides';
import type { ModelBuilder } from './model-builder';

export interface BoundaryLine {
  points: Point[];
  pointer: string;
  name: string;
}

export function zonesFromLines(b: ModelBuilder, boxes: Map<string, LayoutBox>, lines: BoundaryLine[], drawnIn: string): void {
  if (lines.length === 0) return;
  const placed = b.components.filter((c) => boxes.has(c.id)).map((c) => ({ id: c.id, box: boxes.get(c.id)! }));
  const { groups, ambiguous } = groupBySides(placed, lines.map((l) => l.points));
  const component = (id: string) => b.components.find((c) => c.id === id)!;
  const loose = new Set(b.components.filter((c) => !c.zone).map((c) => c.id));
  const named = (l: BoundaryLine) => (l.name ? `the trust-boundary line "${l.name}"` : 'a trust-boundary line');
  if (groups.length < 2) {
    b.note('warning', '', `${lines.length} trust-boundary line(s) do not separate any elements; no zone was made from them`);
    return;
  }
  let made = 0;
  for (const members of groups) {
    const own = members.filter((m) => loose.has(m));
    if (own.length === 0) continue;
    const names = own.map((m) => component(m).label);
    const box = enclosing(own.map((m) => boxes.get(m)!));
    const allActors = own.every((m) => /actor|\bEI\b|\.EI\./i.test(String(component(m).facts.importedType ?? '')));
    const zone = b.addZone({
      external: `boundary-side-${++made}`,
      label: `Zone of ${names.slice(0, 2).join(', ')}${names.length > 2 ? ` and ${names.length - 2} more` : ''}`,
      kind: allActors ? 'internet' : 'corporate',
      description: `Drawn from the trust-boundary lines of the ${drawnIn} diagram: these elements are on the same side of every line.`,
      ...(box ? { box } : {}),
    });
    for (const m of own) component(m).zone = zone;
  }
  b.note('info', '', `${lines.length} trust-boundary line(s) split the diagram into ${groups.length} region(s) by the side each element is on; ${made} zone(s) were made for the elements no boundary box holds — check their names and kinds`);
  const seen = new Set<string>();
  for (const a of ambiguous) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    const line = lines[a.line]!;
    b.note('warning', line.pointer, a.why === 'cut' ? `${named(line)} runs through "${component(a.id).label}"; it was put on the side of its centre` : `"${component(a.id).label}" lies beyond the ends of ${named(line)}; its side was taken from the line's extension — check its zone`);
  }
}
