// Risk views of the current model: the 5 × 5 likelihood × impact heatmap of residual scores and the
// ATLAS matrix heatmap. Both filter the findings panel through onFilter.
import { useCallback, useMemo } from 'react';
import './risk.css';
import type { Finding } from '../../../core/engine/types';
import type { FindingFilter } from '../state/finding-filter';
import { useMatrix } from '../catalog/catalog-data';
import { heatmapCells, techniqueCounts } from './risk-aggregate';
import { LikelihoodImpactHeatmap } from './LikelihoodImpactHeatmap';
import { AtlasHeatmap } from './AtlasHeatmap';

export function RiskViews({
  findings,
  onFilter,
}: {
  findings: Finding[];
  onFilter: (f: FindingFilter) => void;
}) {
  const cells = useMemo(() => heatmapCells(findings), [findings]);
  const counts = useMemo(() => techniqueCounts(findings), [findings]);
  const matrix = useMatrix();
  const pickCell = useCallback(
    (likelihood: number, impact: number) => onFilter({ likelihood, impact }),
    [onFilter],
  );
  const pickTechnique = useCallback((technique: string) => onFilter({ technique }), [onFilter]);
  const open = useMemo(() => findings.filter((f) => f.status === 'open').length, [findings]);

  return (
    <section className="risk-views" aria-label="Risk views">
      <header className="risk-head">
        <h3>Risk</h3>
        <span className="muted" data-testid="risk-summary">
          {findings.length} finding{findings.length === 1 ? '' : 's'}, {open} open
        </span>
      </header>
      {findings.length === 0 && (
        <p className="muted">No findings yet: the views fill in as threats are found.</p>
      )}
      <LikelihoodImpactHeatmap cells={cells} onPick={pickCell} />
      <h3 className="risk-subhead">ATLAS coverage of this model</h3>
      {matrix.state === 'loading' && <p className="muted">Loading the ATLAS matrix…</p>}
      {matrix.state === 'error' && (
        <p className="error" role="alert">
          {matrix.message}
        </p>
      )}
      {matrix.state === 'ready' && (
        <AtlasHeatmap matrix={matrix.value} counts={counts} onPick={pickTechnique} />
      )}
    </section>
  );
}
