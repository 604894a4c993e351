// The ATLAS matrix: one column per tactic in matrix order; techniques open their entry, and a
// technique's sub-techniques unfold under it.
import { useState } from 'react';
import { useCatalogNav } from './catalog-nav';
import { useMatrix, type CatalogMatrix } from './catalog-data';

type MatrixTechnique = CatalogMatrix['tactics'][number]['techniques'][number];

export function MaturityMarker({ maturity }: { maturity: string | undefined }) {
  if (!maturity) return null;
  return (
    <span
      className={`cat-maturity cat-maturity-${maturity.replace(/[^a-z-]/gi, '')}`}
      title={`Maturity: ${maturity}`}
    >
      <span className="cat-visually-hidden">maturity {maturity}</span>
    </span>
  );
}

function TechniqueCell({ technique, tacticId }: { technique: MatrixTechnique; tacticId: string }) {
  const [expanded, setExpanded] = useState(false);
  const open = useCatalogNav((s) => s.openCatalogEntry);
  const subs = technique.subtechniques;
  return (
    <li className="cat-matrix-technique">
      <div className="cat-matrix-row">
        <button
          type="button"
          className="cat-matrix-open"
          onClick={() => open(technique.id)}
          aria-label={`${technique.id} ${technique.name}`}
          data-entry={technique.id}
          data-tactic={tacticId}
        >
          <MaturityMarker maturity={technique.maturity} />
          <span className="cat-matrix-name">{technique.name}</span>
        </button>
        {subs.length > 0 && (
          <button
            type="button"
            className="cat-matrix-toggle"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} ${subs.length} sub-techniques of ${technique.name}`}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? '−' : `+${subs.length}`}
          </button>
        )}
      </div>
      {expanded && (
        <ul className="cat-matrix-subs">
          {subs.map((sub) => (
            <li key={sub.id}>
              <button
                type="button"
                className="cat-matrix-open sub"
                onClick={() => open(sub.id)}
                aria-label={`${sub.id} ${sub.name}`}
                data-entry={sub.id}
              >
                <MaturityMarker maturity={sub.maturity} />
                <span className="cat-matrix-name">{sub.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function AtlasMatrix() {
  const matrix = useMatrix();
  const open = useCatalogNav((s) => s.openCatalogEntry);
  if (matrix.state === 'loading') return <p className="muted">Loading the ATLAS matrix…</p>;
  if (matrix.state === 'error')
    return (
      <p className="error" role="alert">
        {matrix.message}
      </p>
    );
  return (
    <div className="cat-matrix-wrap">
      <div className="cat-matrix-legend muted" aria-hidden="true">
        Maturity: <MaturityMarker maturity="realized" /> realized <MaturityMarker maturity="demonstrated" />{' '}
        demonstrated <MaturityMarker maturity="feasible" /> feasible
      </div>
      <div className="cat-matrix" role="region" aria-label="ATLAS matrix" tabIndex={-1}>
        {matrix.value.tactics.map((tactic) => (
          <section key={tactic.id} className="cat-matrix-col" aria-label={`Tactic ${tactic.name}`}>
            <button
              type="button"
              className="cat-matrix-tactic"
              onClick={() => open(tactic.id)}
              data-entry={tactic.id}
            >
              <span className="cat-matrix-tactic-name">{tactic.name}</span>
              <span className="muted">{tactic.techniques.length} techniques</span>
            </button>
            <ul>
              {tactic.techniques.map((technique) => (
                <TechniqueCell key={technique.id} technique={technique} tacticId={tactic.id} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
