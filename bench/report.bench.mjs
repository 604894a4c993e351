// Report benchmarks (DESIGN.md §9): PDF of the largest example ≤ 3 s; 1,000 components ≤ 20 s with
// progress. Each run analyzes (real engine and built-in packs), builds the report and writes the PDF.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadBundle, median, time } from '../scripts/bench-helpers.mjs';

export const title = 'Reports';

function replicate(model, copies) {
  const out = { ...model, zones: [], components: [], flows: [], decisions: {}, layout: { boxes: {}, flowPoints: {} } };
  for (let n = 0; n < copies; n++) {
    const id = (s) => `${s}-${n}`;
    const dx = (n % 6) * 1400;
    const dy = Math.floor(n / 6) * 900;
    out.zones.push(...model.zones.map((z) => ({ ...z, id: id(z.id), ...(z.parent ? { parent: id(z.parent) } : {}) })));
    out.components.push(...model.components.map((c) => ({ ...c, id: id(c.id), label: `${c.label} ${n + 1}`, ...(c.zone ? { zone: id(c.zone) } : {}) })));
    out.flows.push(...model.flows.map((f) => ({ ...f, id: id(f.id), source: id(f.source), target: id(f.target) })));
    for (const [k, b] of Object.entries(model.layout.boxes)) out.layout.boxes[id(k)] = { ...b, x: b.x + dx, y: b.y + dy };
  }
  return out;
}

export async function setup({ root }) {
  const r = await loadBundle('bench/report-entry.ts');
  const dataDir = path.join(root, 'data');
  const examples = readdirSync(path.join(root, 'examples'))
    .filter((n) => n.endsWith('.mercator.json'))
    .map((n) => {
      const loaded = r.loadModelText(readFileSync(path.join(root, 'examples', n), 'utf8'));
      if (!loaded.ok) throw new Error(`${n}: ${loaded.errors[0].message}`);
      return loaded.model;
    })
    .sort((a, b) => b.components.length - a.components.length);
  const largest = examples[0];
  const rag = examples.find((m) => /RAG/.test(m.meta.title)) ?? largest;
  return { r, dataDir, largest, big: replicate(rag, Math.ceil(1000 / rag.components.length)) };
}

async function pdfOf(ctx, model) {
  const analysis = await ctx.r.analyzeForReport(model, { dataDir: ctx.dataDir });
  const report = ctx.r.buildReport(model, analysis, ctx.r.loadReportCatalog(ctx.dataDir).lookup, { generatedAt: '2026-11-22', generator: 'bench' });
  let events = 0;
  const pdf = await ctx.r.writeReportPdf(report, { onProgress: () => events++ });
  return { pdf, events, findings: analysis.findings.length };
}

export const measurements = [
  {
    name: 'PDF report of the largest example',
    budget: { value: 3000, unit: 'ms' },
    async run(ctx) {
      const times = [];
      let last;
      for (let i = 0; i < 5; i++) times.push(await time(async () => (last = await pdfOf(ctx, ctx.largest))));
      const m = ctx.largest;
      return { value: median(times), unit: 'ms', detail: `median of 5; "${m.meta.title}", ${m.components.length} components, ${last.findings} findings, ${Math.round(last.pdf.length / 1024)} KB` };
    },
  },
  {
    name: 'PDF report of 1,000 components, with progress',
    budget: { value: 20000, unit: 'ms' },
    async run(ctx) {
      const times = [];
      let last;
      for (let i = 0; i < 3; i++) times.push(await time(async () => (last = await pdfOf(ctx, ctx.big))));
      return { value: median(times), unit: 'ms', detail: `median of 3; ${ctx.big.components.length} components, ${ctx.big.flows.length} flows, ${last.findings} findings, ${(last.pdf.length / 1048576).toFixed(1)} MB, ${last.events} progress events` };
    },
  },
];
