// ATLAS Navigator layer (layer format 4.5) of this model's exposure: each technique its findings cite,
// scored by the highest residual risk (1–25), once per tactic as ATLAS's own layers list them, with
// sub-techniques untied to a tactic (the Navigator shows them under their parent).
import type { CatalogLookup } from './catalog-lookup';
import { tacticShortName } from './catalog-lookup';
import type { ReportData } from './types';

export const NAVIGATOR_VERSIONS = { layer: '4.5', navigator: '5.1.0' } as const;
/** The domain ATLAS's own Navigator layers use. */
export const ATLAS_DOMAIN = 'atlas-atlas';

interface LayerTechnique {
  techniqueID: string;
  tactic?: string;
  score: number;
  comment: string;
  showSubtechniques?: boolean;
  enabled: boolean;
  metadata?: Array<{ name: string; value: string }>;
  links?: Array<{ label: string; url: string }>;
}

export function writeNavigatorLayer(report: ReportData, catalog: CatalogLookup): string {
  const cells = new Map<string, { score: number; findings: number; open: number; tactics: Set<string>; refs: string[] }>();
  for (const group of report.register) {
    for (const e of group.entries) {
      for (const t of e.atlas) {
        let cell = cells.get(t.id);
        if (!cell) cells.set(t.id, (cell = { score: 0, findings: 0, open: 0, tactics: new Set(), refs: [] }));
        const resolved = e.status === 'mitigated' || e.status === 'not-applicable';
        cell.score = Math.max(cell.score, resolved ? 0 : e.residual.score);
        cell.findings++;
        if (!resolved) cell.open++;
        cell.refs.push(e.origin === 'user' ? `${e.ref} (team)` : e.override ? `${e.ref} (score set by hand)` : e.ref);
        for (const ta of t.tactics) cell.tactics.add(ta.name);
      }
    }
  }
  const techniques: LayerTechnique[] = [];
  const subParents = new Set([...cells.keys()].filter((id) => id.includes('.', 5)).map((id) => id.slice(0, id.lastIndexOf('.'))));
  for (const id of [...cells.keys()].sort()) {
    const cell = cells.get(id)!;
    const found = catalog.technique(id);
    const base = {
      techniqueID: id,
      score: cell.score,
      comment: `${cell.findings} finding(s), ${cell.open} unresolved: ${cell.refs.slice(0, 20).join(', ')}${cell.refs.length > 20 ? ' …' : ''}`,
      enabled: true,
      ...(found?.url ? { links: [{ label: `${id} ${found.name}`, url: found.url }] } : {}),
    };
    if (found?.parent) {
      techniques.push(base);
      continue;
    }
    const tactics = [...cell.tactics].map(tacticShortName).filter(Boolean);
    if (tactics.length === 0) techniques.push(base);
    for (const tactic of [...new Set(tactics)].sort()) {
      techniques.push({ ...base, tactic, ...(subParents.has(id) ? { showSubtechniques: true } : {}) });
    }
  }
  const layer = {
    name: `${report.cover.title} — ATLAS exposure`.slice(0, 200),
    versions: { ...NAVIGATOR_VERSIONS },
    domain: ATLAS_DOMAIN,
    description: `Techniques cited by findings in the threat model "${report.cover.title}", scored by the highest residual risk of an unresolved finding (likelihood × impact, 1–25; 0 = all mitigated or not applicable).`,
    metadata: [
      ...(catalog.version ? [{ name: 'atlas_data_version', value: catalog.version }] : []),
      { name: 'generator', value: report.cover.generator },
      ...(report.cover.generatedAt ? [{ name: 'generated', value: report.cover.generatedAt }] : []),
    ],
    sorting: 3,
    layout: { layout: 'side', showID: true, showName: true, showAggregateScores: false, countUnscored: false, aggregateFunction: 'max', expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: ['#C8E6C9', '#FFEB3B', '#F44336'], minValue: 0, maxValue: 25 },
    legendItems: [
      { label: 'Mitigated (0)', color: '#C8E6C9' },
      { label: 'Medium residual risk (~12)', color: '#FFEB3B' },
      { label: 'Critical residual risk (25)', color: '#F44336' },
    ],
    showTacticRowBackground: false,
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  };
  return JSON.stringify(layer, null, 2) + '\n';
}
