import { describeSpread, estimateSpread } from '../../../core/room/spread';
import { revealEstimates, useRoom } from './room-store';

/** The room's blind round on this finding: who has estimated, Reveal, then the spread and outliers. */
export function RoomRound({ findingKey }: { findingKey: string }) {
  const status = useRoom((s) => s.status);
  if (!status?.open || status.focus?.key !== findingKey) return null;
  const comments = status.comments.filter((c) => c.findingKey === findingKey);
  const spread = estimateSpread(status.estimates);
  return (
    <section className="room-round" aria-label="Room estimates" data-testid="room-round">
      <h3>Room estimates</h3>
      {status.phase === 'estimating' ? (
        <div className="row">
          <span data-testid="room-estimated">
            {status.estimated.length} of {status.participants.length} estimated{status.estimated.length > 0 ? `: ${status.estimated.join(', ')}` : ''}
          </span>
          <button className="primary" onClick={() => void revealEstimates()} disabled={status.estimated.length === 0} data-testid="room-reveal">
            Reveal
          </button>
        </div>
      ) : (
        <>
          <table className="estimates" data-testid="room-estimates">
            <thead>
              <tr>
                <th>Who</th>
                <th>Likelihood</th>
                <th>Impact</th>
                <th>Score</th>
              </tr>
            </thead>
            <tbody>
              {status.estimates.map((e) => (
                <tr key={e.by} className={spread?.outliers.includes(e.by) ? 'outlier' : undefined}>
                  <td>
                    {e.by}
                    {spread?.outliers.includes(e.by) && <span className="outlier-tag"> outlier</span>}
                  </td>
                  <td>{e.likelihood}</td>
                  <td>{e.impact}</td>
                  <td>{e.likelihood * e.impact}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {spread && <p data-testid="room-spread">Spread: {describeSpread(spread)}</p>}
        </>
      )}
      {comments.length > 0 && (
        <ul className="room-comments" data-testid="room-comments">
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author}:</strong> {c.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
