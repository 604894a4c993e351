// The review record in the inspector's model view: owner, authors, reviewers, review status, the
// user's display name, "Sign off review" and the signed-off baselines with their verification.
import { useState } from 'react';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../core/model/schema';
import { signOff } from '../../../core/review/baseline';
import { useDocument } from '../state/document-store';
import { useFindings } from '../state/findings-store';
import { useSession } from '../state/session-store';
import { TextField } from '../panels/inspector/TextField';
import { useReview } from './review-store';
import { splitNames } from './review-edits';
import { loadEngine } from './use-review-comparison';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { draft: 'Draft', 'in-review': 'In review', approved: 'Approved' };

/** A comma-separated list of names, edited as text and stored as an array. */
function NamesField({ label, names, onChange, testId }: { label: string; names: string[]; onChange: (names: string[]) => void; testId: string }) {
  const [text, setText] = useState(names.join(', '));
  return (
    <TextField
      label={label}
      value={splitNames(text).join(', ') === names.join(', ') ? text : names.join(', ')}
      testId={testId}
      maxLength={2000}
      onChange={(value) => {
        setText(value);
        onChange(splitNames(value));
      }}
    />
  );
}

function Baselines() {
  const model = useDocument((s) => s.model);
  const checks = useReview((s) => s.checks);
  if (!model || model.baselines.length === 0) return <p className="muted small">Not signed off yet.</p>;
  return (
    <ul className="baselines" data-testid="baselines">
      {[...model.baselines].reverse().map((b) => {
        const check = checks.find((c) => c.id === b.id);
        const bad = check && !check.ok;
        return (
          <li key={b.id} className={bad ? 'tampered' : ''} data-testid={`baseline-${b.id}`}>
            <strong>{REVIEW_STATUS_LABELS[b.status]}</strong> {b.signedAt.slice(0, 16).replace('T', ' ')}
            {b.signedBy.length > 0 && <> by {b.signedBy.join(', ')}</>}
            <div className="muted small">
              {typeof b.summary.open === 'number' ? `${b.summary.open} open findings` : ''} · sha256 {b.hash.slice(0, 12)}…
            </div>
            {check?.ok && <div className="verified small">✓ Verified: the snapshot matches its hash</div>}
            {bad && (
              <div className="tamper-flag" role="alert">
                ⚠ Tampered: {check.problem}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function ReviewSection() {
  const model = useDocument((s) => s.model);
  const displayName = useReview((s) => s.displayName);
  const [status, setStatus] = useState<ReviewStatus>('approved');
  if (!model) return null;
  const edit = useDocument.getState().edit;
  const meta = model.meta;
  const setMeta = (change: Partial<typeof meta>, coalesce: string) => edit((m) => ({ ...m, meta: { ...m.meta, ...change } }), { coalesce: `meta:${coalesce}` });

  const signIt = () =>
    useReview.getState().withName((name) => {
      const result = useFindings.getState().result;
      if (!result) {
        useSession.getState().notify('error', 'Wait for the analysis to finish before signing off.');
        return;
      }
      void loadEngine()
        .catch(() => null)
        .then((eng) => {
          edit((m) => signOff(m, result, { signedBy: [name], status, at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), ...(eng ? { versions: eng.versions } : {}) }));
          useSession.getState().notify('info', `Review signed off as ${REVIEW_STATUS_LABELS[status].toLowerCase()}. Save to keep the baseline in the file.`);
        });
    });

  return (
    <section className="review-section" data-testid="review-section" aria-label="Review">
      <h3>Review</h3>
      <TextField label="Owner" value={meta.owner ?? ''} testId="review-owner" onChange={(owner) => setMeta({ owner: owner || undefined }, 'owner')} />
      <NamesField label="Authors (comma-separated)" names={meta.authors} testId="review-authors" onChange={(authors) => setMeta({ authors }, 'authors')} />
      <NamesField label="Reviewers (comma-separated)" names={meta.reviewers} testId="review-reviewers" onChange={(reviewers) => setMeta({ reviewers }, 'reviewers')} />
      <div className="field">
        <label htmlFor="review-status">Review status</label>
        <select id="review-status" data-testid="review-status" value={meta.reviewStatus} onChange={(e) => setMeta({ reviewStatus: e.target.value as ReviewStatus }, 'status')}>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {REVIEW_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <TextField label="Your name (shown on comments, decisions, sign-offs)" value={displayName} testId="review-display-name" onChange={(name) => useReview.getState().setDisplayName(name)} />
      <div className="sign-off">
        <select aria-label="Sign off as" value={status} onChange={(e) => setStatus(e.target.value as ReviewStatus)} data-testid="sign-off-status">
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {REVIEW_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={signIt} data-testid="sign-off">
          Sign off review
        </button>
      </div>
      <p className="muted small">Signing off freezes a verifiable copy of the model (a baseline) inside the file; later changes are shown against it.</p>
      <h4>Sign-offs</h4>
      <Baselines />
    </section>
  );
}
