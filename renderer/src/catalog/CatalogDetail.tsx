// One catalog entry in full: summary, relations (each navigates), crosswalk with provenance, case-study
// procedure, OWASP prevention points and the official link.
import { useEffect, useRef } from 'react';
import { useEntry, type CatalogEntryData } from './catalog-data';
import { EntryLink, EntryLinks, TypeBadge } from './EntryLink';
import { OfficialLink } from './OfficialLink';
import { MaturityMarker } from './AtlasMatrix';
import { OWASP_LIST_LABELS } from './entry-types';
import { CitedBy } from './CitedBy';

function Facts({ entry }: { entry: CatalogEntryData }) {
  const rows: Array<[string, string]> = [];
  if (entry.maturity) rows.push(['Maturity', entry.maturity]);
  if (entry.list) rows.push(['List', OWASP_LIST_LABELS[entry.list] ?? entry.list]);
  if (entry.caseType) rows.push(['Type', entry.caseType]);
  if (entry.date) rows.push(['Date', entry.date]);
  if (entry.target) rows.push(['Target', entry.target]);
  if (entry.actor) rows.push(['Actor', entry.actor]);
  if (entry.category?.length) rows.push(['Category', entry.category.join(', ')]);
  if (entry.lifecycle?.length) rows.push(['ML lifecycle', entry.lifecycle.join(', ')]);
  if (rows.length === 0) return null;
  return (
    <dl className="cat-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Crosswalk({ entry }: { entry: CatalogEntryData }) {
  const links = entry.crosswalk;
  if (!links || links.length === 0) return null;
  const title = entry.type === 'owasp' ? 'MITRE ATLAS (crosswalk)' : 'OWASP (crosswalk)';
  return (
    <section className="cat-section" aria-label={title}>
      <h4>
        {title} <span className="muted">({links.length})</span>
      </h4>
      <ul className="cat-crosswalk">
        {links.map((link) => (
          <li key={link.id}>
            <EntryLink id={link.id} name={link.name} />
            <span className={`cat-prov cat-prov-${link.provenance}`}>
              {link.provenance === 'owasp' ? 'cited by OWASP' : 'Mercator analysis'}
            </span>
            {link.reason && <p className="cat-reason">{link.reason}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Procedure({ entry }: { entry: CatalogEntryData }) {
  if (!entry.procedure || entry.procedure.length === 0) return null;
  return (
    <section className="cat-section" aria-label="Procedure">
      <h4>
        Procedure <span className="muted">({entry.procedure.length} steps)</span>
      </h4>
      <ol className="cat-procedure">
        {entry.procedure.map((step, index) => (
          <li key={index}>
            <span className="cat-step-tactic">{step.tactic.name}</span>
            <EntryLink id={step.technique.id} name={step.technique.name} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Prevention({ entry }: { entry: CatalogEntryData }) {
  if (!entry.prevention || entry.prevention.length === 0) return null;
  return (
    <section className="cat-section" aria-label="Prevention">
      <h4>Prevention and mitigation</h4>
      <ul className="cat-prevention">
        {entry.prevention.map((point, index) => (
          <li key={index}>{point}</li>
        ))}
      </ul>
    </section>
  );
}

export function EntryView({ entry }: { entry: CatalogEntryData }) {
  const techniquesTitle = entry.type === 'tactic' ? 'Techniques' : 'Techniques addressed';
  return (
    <article className="cat-entry" aria-labelledby="cat-entry-title" data-entry-id={entry.id}>
      <header className="cat-entry-head">
        <div className="cat-entry-meta">
          <TypeBadge type={entry.type} />
          <span className="cat-id">{entry.id}</span>
          <MaturityMarker maturity={entry.maturity} />
        </div>
        <h3 id="cat-entry-title" tabIndex={-1}>
          {entry.name}
        </h3>
        {entry.parent && (
          <p className="cat-parent">
            Sub-technique of <EntryLink id={entry.parent.id} name={entry.parent.name} />
          </p>
        )}
      </header>
      <Facts entry={entry} />
      <p className="cat-summary">{entry.summary}</p>
      <p className="cat-text-source muted">
        {entry.textSource === 'official'
          ? 'Text from the official ATLAS release.'
          : 'Summary in Mercator’s own words.'}
      </p>
      <OfficialLink url={entry.url} label={`${entry.id} ${entry.name}`} />
      <EntryLinks title="Tactics" refs={entry.tactics} />
      <EntryLinks title="Sub-techniques" refs={entry.subtechniques} />
      <EntryLinks title={techniquesTitle} refs={entry.techniques} />
      <EntryLinks title="Mitigations" refs={entry.mitigations} />
      <Crosswalk entry={entry} />
      <Procedure entry={entry} />
      <Prevention entry={entry} />
      <EntryLinks title="Case studies that used it" refs={entry.caseStudies} />
      <CitedBy id={entry.id} />
    </article>
  );
}

export function CatalogDetail({ id }: { id: string }) {
  const entry = useEntry(id);
  const titleFocus = useRef<string | null>(null);
  useEffect(() => {
    // Move focus to the new entry's title so keyboard users land on what they opened.
    if (entry.state === 'ready' && titleFocus.current !== entry.value.id) {
      titleFocus.current = entry.value.id;
      // Only when focus is already in the browser (never steal it from the canvas or a panel).
      const active = document.activeElement;
      if (!active || active === document.body || active.closest('.cat-browser')) {
        document.getElementById('cat-entry-title')?.focus();
      }
    }
  }, [entry]);
  if (entry.state === 'loading') return <p className="muted">Loading {id}…</p>;
  if (entry.state === 'error')
    return (
      <p className="error" role="alert">
        {id}: {entry.message}
      </p>
    );
  return <EntryView entry={entry.value} />;
}
