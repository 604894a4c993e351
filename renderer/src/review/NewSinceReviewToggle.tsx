import type { FindingFilter } from '../state/finding-filter';
import { useReview } from './review-store';

/** The findings filter "New since last review": only shown once the model has a signed-off baseline. */
export function NewSinceReviewToggle({ filter, onFilter }: { filter: FindingFilter; onFilter: (f: FindingFilter) => void }) {
  const hasDiff = useReview((s) => s.diff !== null);
  const newKeys = useReview((s) => s.newKeys);
  if (!hasDiff && !filter.newSinceReview) return null;
  const on = !!filter.newSinceReview;
  return (
    <label className="check-inline" data-testid="filter-new-since-review">
      <input type="checkbox" checked={on} onChange={() => onFilter({ ...filter, newSinceReview: on ? undefined : [...newKeys] })} />
      New since last review ({newKeys.size})
    </label>
  );
}
