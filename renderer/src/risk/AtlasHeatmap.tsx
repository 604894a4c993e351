// The ATLAS matrix coloured by this model's findings: exposed (open), mitigated, accepted/transferred.
// Sub-techniques roll up to their parent cell; a technique with findings filters the findings to it.
import { memo, useMemo, useState } from 'react';
import type { ApiOutput } from '../../../core/api/contract';
import type { TechniqueCount } from './risk-aggregate';

type Matrix = ApiOutput<'catalog:matrix'>;

function cellLabel(id: string, name: string, count: TechniqueCount | undefined): string {
  if (!count) return `${id} ${name}: no findings`;
  const parts = [
    `${count.exposed} exposed`,
    `${count.mitigated} mitigated`,
    `${count.accepted} accepted or transferred`,
  ];
  if (count.notApplicable) parts.push(`${count.notApplicable} not applicable`);
  const via = count.viaSubtechniques
    ? `, ${count.viaSubtechniques} through sub-techniques (${count.subtechniques.join(', ')})`
    : '';
  return `${id} ${name}: ${count.total} finding${count.total === 1 ? '' : 's'} — ${parts.join(', ')}${via}`;
}

export const AtlasHeatmap = memo(function AtlasHeatmap({
  matrix,
  counts,
  onPick,
}: {
  matrix: Matrix;
  counts: Map<string, TechniqueCount>;
  onPick: (technique: string) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const columns = useMemo(
    () =>
      matrix.tactics
        .map((tactic) => ({
          ...tactic,
          techniques: showAll ? tactic.techniques : tactic.techniques.filter((t) => counts.has(t.id)),
        }))
        .filter((tactic) => showAll || tactic.techniques.length > 0),
    [matrix, counts, showAll],
  );
  const unknown = useMemo(() => {
    const known = new Set(matrix.tactics.flatMap((t) => t.techniques.map((x) => x.id)));
    return [...counts.keys()].filter((id) => !known.has(id)).sort();
  }, [matrix, counts]);

  return (
    <figure className="risk-atlas" aria-label="ATLAS matrix heatmap of this model">
      <div className="risk-atlas-bar">
        <ul className="risk-legend" aria-label="Legend">
          <li>
            <span className="risk-swatch risk-st-exposed" /> exposed (open findings)
          </li>
          <li>
            <span className="risk-swatch risk-st-accepted" /> accepted / transferred
          </li>
          <li>
            <span className="risk-swatch risk-st-mitigated" /> mitigated
          </li>
          <li>
            <span className="risk-swatch risk-st-empty" /> no findings
          </li>
        </ul>
        <label className="risk-showall">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all
          techniques
        </label>
      </div>
      {columns.length === 0 ? (
        <p className="muted">No finding names an ATLAS technique yet.</p>
      ) : (
        <div className="risk-atlas-matrix">
          {columns.map((tactic) => (
            <section key={tactic.id} className="risk-atlas-col" aria-label={`Tactic ${tactic.name}`}>
              <h4 title={tactic.id}>{tactic.name}</h4>
              <ul>
                {tactic.techniques.map((technique) => {
                  const count = counts.get(technique.id);
                  const label = cellLabel(technique.id, technique.name, count);
                  return (
                    <li key={technique.id}>
                      {count ? (
                        <button
                          type="button"
                          className={`risk-atlas-cell risk-st-${count.state}`}
                          aria-label={label}
                          title={label}
                          data-technique={technique.id}
                          onClick={() => onPick(technique.id)}
                        >
                          <span className="risk-atlas-name">{technique.name}</span>
                          <span className="risk-atlas-count">
                            {count.total}
                            {count.viaSubtechniques > 0 && (
                              <span className="risk-atlas-sub"> · {count.subtechniques.length} sub</span>
                            )}
                          </span>
                        </button>
                      ) : (
                        <div className="risk-atlas-cell risk-st-empty" title={label}>
                          <span className="risk-atlas-name">{technique.name}</span>
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
      {unknown.length > 0 && (
        <p className="muted risk-unknown">Not in this catalog’s matrix: {unknown.join(', ')}</p>
      )}
    </figure>
  );
});
