// The diagram as SVG markup (for the HTML report). Text is escaped; no scripts, no external refs.
// Shapes first, then every label on a white halo in the place ./diagram-labels gave it.
import type { ReportDiagram } from './types';
import { escapeHtml as h } from './escape';
import { DIAGRAM_FONT, edgeLabelText } from './diagram-labels';

const ZONE_FILL: Record<string, string> = {
  internet: '#fdecea', 'third-party': '#fff4e0', corporate: '#e8f0fe', cloud: '#e6f4ea', device: '#f3e8fd', restricted: '#fce8f3',
};

export function zoneFill(kind: string): string {
  return ZONE_FILL[kind] ?? '#f1f3f4';
}

/** Register numbers that fit in about `max` characters, then "+N". */
function refsText(refs: string[], max: number): string {
  let text = '';
  for (let i = 0; i < refs.length; i++) {
    const next = text ? `${text} ${refs[i]}` : refs[i]!;
    const rest = refs.length - i - 1;
    if ((rest ? `${next} +${rest}` : next).length > max && text) return `${text} +${refs.length - i}`;
    text = next;
  }
  return text;
}

function clipText(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** A component's name in at most two lines of about `perLine` characters (the rest cut with "…"). */
export function nodeLabelLines(label: string, perLine: number): string[] {
  const words = label.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((l) => clipText(l, perLine));
  return [lines[0]!, clipText(lines.slice(1).join(' '), perLine)].map((l) => clipText(l, perLine));
}

export interface SvgOptions {
  /** A file of its own: size attributes, a white ground, and these @font-face rules (data: URLs). */
  standalone?: { fontFaces: string };
}

export function writeDiagramSvg(d: ReportDiagram, options: SvgOptions = {}): string {
  const pad = 20;
  const f = DIAGRAM_FONT;
  const w = d.width + 2 * pad;
  const hgt = d.height + 2 * pad;
  const size = options.standalone ? ` width="${Math.ceil(w)}" height="${Math.ceil(hgt)}"` : '';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-pad} ${-pad} ${w} ${hgt}"${size} role="img" aria-label="Architecture diagram" class="diagram" font-family="Helvetica, Arial, sans-serif, 'Mercator Fallback'">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>',
  ];
  if (options.standalone) {
    if (options.standalone.fontFaces) parts.push(`<style>${options.standalone.fontFaces.replace(/</g, '')}</style>`);
    parts.push(`<rect x="${-pad}" y="${-pad}" width="${w}" height="${hgt}" fill="#fff"/>`);
  }
  for (const z of [...d.zones].sort((a, b) => b.width * b.height - a.width * a.height)) {
    parts.push(`<rect x="${z.x}" y="${z.y}" width="${z.width}" height="${z.height}" rx="10" fill="${zoneFill(z.kind)}" stroke="#888" stroke-dasharray="6 4"/>`);
  }
  for (const e of d.edges) {
    const pts = e.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${pts}" fill="none" stroke="#555" stroke-width="1.5" marker-end="url(#arrow)"/>`);
  }
  for (const n of d.nodes) {
    parts.push(`<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="6" fill="#fff" stroke="#1a73e8" stroke-width="1.5"/>`);
    const lines = nodeLabelLines(n.label, Math.max(4, Math.floor((n.width - 10) / (f.node * 0.6))));
    const top = n.y + n.height / 2 - ((lines.length - 1) * f.node * 1.2) / 2 - 2;
    lines.forEach((line, i) => parts.push(`<text x="${n.x + n.width / 2}" y="${(top + i * f.node * 1.2).toFixed(1)}" font-size="${f.node}" font-weight="bold" text-anchor="middle" fill="#111">${h(line)}</text>`));
    parts.push(`<text x="${n.x + n.width / 2}" y="${(top + (lines.length - 1) * f.node * 1.2 + f.kind + 5).toFixed(1)}" font-size="${f.kind}" text-anchor="middle" fill="#666">${h(clipText(n.kindLabel, 30))}</text>`);
  }
  // Text last, on a white halo, so no line or box hides it.
  const halo = 'stroke="#fff" stroke-width="3" paint-order="stroke"';
  for (const z of d.zones) {
    const b = z.labelBox ?? { x: z.x + 8, y: z.y + 6, width: z.width - 16, height: f.zone * 1.3 };
    parts.push(`<text x="${b.x.toFixed(1)}" y="${(b.y + f.zone).toFixed(1)}" font-size="${f.zone}" font-weight="bold" fill="#444" ${halo}>${h(clipText(z.label, 60))}</text>`);
  }
  for (const e of d.edges) {
    const lines = (e.labelLines ?? [edgeLabelText(e.label)]).filter(Boolean);
    if (lines.length === 0 || !e.labelBox) continue;
    const b = e.labelBox;
    const line = f.edge * 1.2;
    const first = b.y + b.height / 2 - ((lines.length - 1) * line) / 2 + f.edge * 0.35;
    lines.forEach((l, i) =>
      parts.push(`<text x="${(b.x + b.width / 2).toFixed(1)}" y="${(first + i * line).toFixed(1)}" font-size="${f.edge}" text-anchor="middle" fill="#333" ${halo}>${h(l)}</text>`),
    );
  }
  // Finding numbers (F-001 …): at a component's top right, under a flow's label.
  for (const n of d.nodes) {
    if (!n.refs?.length) continue;
    parts.push(`<text x="${(n.x + n.width - 4).toFixed(1)}" y="${(n.y + 9).toFixed(1)}" font-size="7" font-weight="bold" text-anchor="end" fill="#b71c1c" class="refs">${h(refsText(n.refs, Math.floor((n.width - 8) / 4.2)))}</text>`);
  }
  for (const e of d.edges) {
    if (!e.refs?.length) continue;
    const b = e.labelBox;
    const mid = e.points[Math.floor(e.points.length / 2)]!;
    const x = b ? b.x + b.width / 2 : mid.x;
    const y = b ? b.y + b.height + 7 : mid.y + 9;
    parts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="7" font-weight="bold" text-anchor="middle" fill="#b71c1c" class="refs" ${halo}>${h(refsText(e.refs, 40))}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
