// Small shared pieces: the type badge of an entry and a link that navigates to another entry.
import type { CatalogEntryType } from './entry-types';
import { TYPE_LABELS } from './entry-types';
import { useCatalogNav } from './catalog-nav';

export function TypeBadge({ type }: { type: CatalogEntryType }) {
  return <span className={`cat-badge cat-badge-${type}`}>{TYPE_LABELS[type]}</span>;
}

export function EntryLink({ id, name }: { id: string; name?: string }) {
  const open = useCatalogNav((s) => s.openCatalogEntry);
  return (
    <button
      type="button"
      className="cat-link"
      onClick={() => open(id)}
      aria-label={name ? `${id} ${name}` : id}
      data-entry={id}
    >
      <span className="cat-id">{id}</span>
      {name && <span className="cat-link-name">{name}</span>}
    </button>
  );
}

/** A labelled list of entry links, or nothing when empty. */
export function EntryLinks({
  title,
  refs,
}: {
  title: string;
  refs: Array<{ id: string; name: string }> | undefined;
}) {
  if (!refs || refs.length === 0) return null;
  return (
    <section className="cat-section" aria-label={title}>
      <h4>
        {title} <span className="muted">({refs.length})</span>
      </h4>
      <ul className="cat-refs">
        {refs.map((ref) => (
          <li key={ref.id}>
            <EntryLink id={ref.id} name={ref.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}
