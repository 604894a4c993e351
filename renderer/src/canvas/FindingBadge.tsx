import { useFindings } from '../state/findings-store';
import { useSelection } from '../state/selection-store';

/** Open findings on one component or flow: their count, colored by the highest severity. */
export function FindingBadge({ id }: { id: string }) {
  const badge = useFindings((s) => s.badges[id]);
  if (!badge) return null;
  const [count, severity] = badge.split(':');
  const label = `${count} open finding${count === '1' ? '' : 's'}, highest ${severity}`;
  return (
    <button
      type="button"
      className={`finding-badge sev-${severity} nodrag`}
      data-testid={`badge-${id}`}
      aria-label={label}
      title={label}
      onClick={(event) => {
        event.stopPropagation();
        const selection = useSelection.getState();
        selection.select([id]);
        selection.setTab('findings');
      }}
    >
      {count}
    </button>
  );
}
