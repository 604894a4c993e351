// The OWASP lists (LLM Top 10 2025, ML Security Top 10 2023): each entry opens its detail view.
import { useOwaspList } from './catalog-data';
import { EntryLink } from './EntryLink';
import { OWASP_LIST_LABELS } from './entry-types';

export function OwaspList({ list }: { list: 'llm-2025' | 'ml-2023' }) {
  const entries = useOwaspList(list);
  const title = OWASP_LIST_LABELS[list]!;
  if (entries.state === 'loading') return <p className="muted">Loading {title}…</p>;
  if (entries.state === 'error')
    return (
      <p className="error" role="alert">
        {entries.message}
      </p>
    );
  return (
    <section className="cat-owasp" aria-label={title}>
      <h3>{title}</h3>
      <ol className="cat-owasp-list">
        {entries.value.map((entry) => (
          <li key={entry.id}>
            <EntryLink id={entry.id} name={entry.name} />
            <p className="muted">{entry.summary}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
