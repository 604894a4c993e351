// 5 × 5 likelihood × impact heatmap of residual scores; a cell filters the findings to it.
import { memo } from 'react';
import type { HeatCell } from './risk-aggregate';

const LEVELS = [1, 2, 3, 4, 5];

export const LikelihoodImpactHeatmap = memo(function LikelihoodImpactHeatmap({
  cells,
  onPick,
}: {
  cells: HeatCell[][];
  onPick: (likelihood: number, impact: number) => void;
}) {
  return (
    <figure className="risk-heat" aria-label="Likelihood × impact heatmap of residual risk">
      <div className="risk-heat-body">
        <div className="risk-heat-ylabel" aria-hidden="true">
          Impact →
        </div>
        <div
          className="risk-heat-grid"
          role="table"
          aria-label="Residual risk by likelihood (columns) and impact (rows)"
        >
          {[...LEVELS].reverse().map((impact) => (
            <div key={impact} className="risk-heat-row" role="row">
              <div className="risk-heat-axis" role="rowheader">
                {impact}
              </div>
              {LEVELS.map((likelihood) => {
                const cell = cells[impact - 1]![likelihood - 1]!;
                const label = `Likelihood ${likelihood}, impact ${impact}: ${cell.count} finding${cell.count === 1 ? '' : 's'} (${cell.severity})`;
                return (
                  <div key={likelihood} role="cell" className="risk-heat-cellwrap">
                    <button
                      type="button"
                      className={`risk-heat-cell risk-sev-${cell.severity}${cell.count === 0 ? ' empty' : ''}`}
                      aria-label={label}
                      title={label}
                      disabled={cell.count === 0}
                      data-likelihood={likelihood}
                      data-impact={impact}
                      onClick={() => onPick(likelihood, impact)}
                    >
                      {cell.count > 0 ? cell.count : ''}
                    </button>
                  </div>
                );
              })}
            </div>
          ))}
          <div className="risk-heat-row risk-heat-xaxis" aria-hidden="true">
            <div className="risk-heat-axis" />
            {LEVELS.map((l) => (
              <div key={l} className="risk-heat-axis">
                {l}
              </div>
            ))}
          </div>
        </div>
      </div>
      <figcaption className="muted">Likelihood → · residual score (after present controls)</figcaption>
    </figure>
  );
});
