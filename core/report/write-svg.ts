// The diagram as SVG markup (for the HTML report). Text is escaped; no scripts, no external refs.
import type { ReportDiagram } from './types';
import { escapeHtml as h } from './escape';

const ZONE_FILL: Record<string, string> = {
  internet: '#fdecea', 'third-party': '#fff4e0', corporate: '#e8f0fe', cloud: '#e6f4ea', device: '#f3e8fd', restricted: '#fce8f3',
};

export function zoneFill(kind: string): string {
  return ZONE_FILL[kind] ?? '#f1f3f4';
}

function clipText(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

export function writeDiagramSvg(d: ReportDiagram): string {
  const pad = 20;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-pad} ${-pad} ${d.width + 2 * pad} ${d.height + 2 * pad}" role="img" aria-label="Architecture diagram" style="max-width:100%;height:auto">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>',
  ];
  for (const z of [...d.zones].sort((a, b) => b.width * b.height - a.width * a.height)) {
    parts.push(`<rect x="${z.x}" y="${z.y}" width="${z.width}" height="${z.height}" rx="10" fill="${zoneFill(z.kind)}" stroke="#888" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${z.x + 10}" y="${z.y + 20}" font-size="14" font-weight="bold" fill="#444">${h(clipText(z.label, 60))}</text>`);
  }
  for (const e of d.edges) {
    const pts = e.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${pts}" fill="none" stroke="#555" stroke-width="1.5" marker-end="url(#arrow)"/>`);
    if (e.label) {
      const mid = e.points[Math.floor((e.points.length - 1) / 2)]!;
      const next = e.points[Math.floor((e.points.length - 1) / 2) + 1] ?? mid;
      parts.push(`<text x="${((mid.x + next.x) / 2).toFixed(1)}" y="${((mid.y + next.y) / 2 - 4).toFixed(1)}" font-size="11" text-anchor="middle" fill="#333">${h(clipText(e.label, 40))}</text>`);
    }
  }
  for (const n of d.nodes) {
    parts.push(`<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="6" fill="#fff" stroke="#1a73e8" stroke-width="1.5"/>`);
    parts.push(`<text x="${n.x + n.width / 2}" y="${n.y + n.height / 2 - 2}" font-size="13" text-anchor="middle" fill="#111">${h(clipText(n.label, 26))}</text>`);
    parts.push(`<text x="${n.x + n.width / 2}" y="${n.y + n.height / 2 + 14}" font-size="10" text-anchor="middle" fill="#666">${h(clipText(n.kindLabel, 30))}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
