// The ATLAS coverage matrix of one model: for each tactic, the techniques this model's findings cite,
// how many findings, the highest residual score, and whether they are exposed, accepted or mitigated.
import type { CatalogLookup, CatalogRef } from './catalog-lookup';
import type { CoverageTactic, CoverageTechnique, RegisterEntry } from './types';

const RESOLVED = new Set(['mitigated', 'not-applicable']);
const ACCEPTED = new Set(['accepted', 'transferred']);

export function buildCoverage(entries: RegisterEntry[], catalog: CatalogLookup, tactic: (id: string) => CatalogRef): CoverageTactic[] {
  const cells = new Map<string, Map<string, CoverageTechnique>>();
  for (const e of entries) {
    for (const t of e.atlas) {
      for (const ta of t.tactics) {
        let row = cells.get(ta.id);
        if (!row) cells.set(ta.id, (row = new Map()));
        let cell = row.get(t.id);
        if (!cell) row.set(t.id, (cell = { id: t.id, name: t.name, url: t.url, findings: 0, maxResidual: 0, state: 'mitigated' }));
        cell.findings++;
        cell.maxResidual = Math.max(cell.maxResidual, e.residual.score);
        if (!RESOLVED.has(e.status) && !ACCEPTED.has(e.status)) cell.state = 'exposed';
        else if (ACCEPTED.has(e.status) && cell.state === 'mitigated') cell.state = 'accepted';
      }
    }
  }
  const known = catalog.tactics().map((t) => t.id);
  const ids = [...known.filter((id) => cells.has(id)), ...[...cells.keys()].filter((id) => !known.includes(id)).sort()];
  return ids.map((id) => ({
    ...tactic(id),
    techniques: [...cells.get(id)!.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }));
}
