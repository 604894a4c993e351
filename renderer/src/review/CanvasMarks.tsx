// Review marks on the canvas and in the findings list: comment markers, the tint of elements added or
// changed since the last sign-off, dashed ghosts of removed ones, and a "new" tag on findings.
import { ViewportPortal } from '@xyflow/react';
import { useDocument } from '../state/document-store';
import { useReview } from './review-store';

function useOpenThreads(type: string, id: string): number {
  return useDocument((s) => s.model?.comments.filter((c) => !c.resolved && c.subject.type === type && c.subject.id === id).length ?? 0);
}

const TINT_LABEL = { added: 'new since the last review', changed: 'changed since the last review' } as const;

/** Inside a component, zone or flow label: its open comment threads and its change tint. */
export function ReviewMarks({ id, type }: { id: string; type: 'component' | 'zone' | 'flow' }) {
  const threads = useOpenThreads(type, id);
  const tint = useReview((s) => (s.tintCanvas ? s.tints[id] : undefined));
  return (
    <>
      {tint && (
        <span className={`review-tint review-tint-${tint}`} data-testid={`tint-${id}`} data-tint={tint} title={TINT_LABEL[tint]} aria-label={TINT_LABEL[tint]}>
          <span className="review-tint-tag">{tint === 'added' ? 'new' : 'changed'}</span>
        </span>
      )}
      {threads > 0 && (
        <span className="comment-marker" data-testid={`comment-marker-${id}`} title={`${threads} open comment thread${threads === 1 ? '' : 's'}`} aria-label={`${threads} open comments`}>
          💬 {threads}
        </span>
      )}
    </>
  );
}

/** Components and zones removed since the last review, as dashed outlines where they were. */
export function RemovedGhosts() {
  const ghosts = useReview((s) => (s.tintCanvas ? s.ghosts : null));
  if (!ghosts?.length) return null;
  return (
    <ViewportPortal>
      {ghosts.map((g) => (
        <div
          key={g.id}
          className={`removed-ghost removed-ghost-${g.type}`}
          data-testid={`ghost-${g.id}`}
          style={{ transform: `translate(${g.box.x}px, ${g.box.y}px)`, width: g.box.width, height: g.box.height }}
          title="removed since the last review"
        >
          <span>removed: {g.label}</span>
        </div>
      ))}
    </ViewportPortal>
  );
}

/** In a finding's head: "new since review" and its open comment threads. */
export function FindingReviewTags({ findingKey }: { findingKey: string }) {
  const isNew = useReview((s) => s.newKeys.has(findingKey));
  const threads = useOpenThreads('finding', findingKey);
  return (
    <>
      {isNew && (
        <span className="new-tag" data-testid="new-since-review">
          new since review
        </span>
      )}
      {threads > 0 && (
        <span className="comment-marker inline" aria-label={`${threads} open comments`}>
          💬 {threads}
        </span>
      )}
    </>
  );
}
