// The workshop room's participant page: join with a display name and the code, then follow the
// finding under discussion on a read-only diagram, give a blind likelihood × impact estimate and
// comment. Everything else stays with the facilitator.
import { useEffect, useMemo, useState } from 'react';
import { describeSpread, estimateSpread } from '../../../core/room/spread';
import { ModelDiagram } from './ModelDiagram';
import { joinRoom, roomCall, roomToken, type ParticipantView } from './participant-client';

function codeFromHash(): string {
  const match = /(?:^#|&)code=([A-Za-z0-9-]{1,32})/.exec(window.location.hash);
  if (match) history.replaceState(null, '', window.location.pathname);
  return match?.[1] ?? '';
}

function JoinForm({ onJoined }: { onJoined: () => void }) {
  const [name, setName] = useState('');
  const [code, setCode] = useState(codeFromHash);
  const [error, setError] = useState<string | null>(null);
  const join = async () => {
    const answer = await joinRoom(code, name);
    if (!answer.ok) return setError(answer.error.message);
    roomToken.set(answer.value.token);
    onJoined();
  };
  return (
    <form
      className="join-form"
      onSubmit={(e) => {
        e.preventDefault();
        void join();
      }}
    >
      <h1>Join the review workshop</h1>
      <label>
        Your name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} required data-testid="join-name" autoFocus />
      </label>
      <label>
        Join code
        <input value={code} onChange={(e) => setCode(e.target.value)} maxLength={32} required data-testid="join-code" autoCapitalize="characters" />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="join-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" data-testid="join-submit">
        Join
      </button>
    </form>
  );
}

function Scale({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  return (
    <fieldset className="scale">
      <legend>{label}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={value === n ? 'choice on' : 'choice'}>
          <input type="radio" name={label} checked={value === n} onChange={() => onChange(n)} aria-label={`${label} ${n}`} />
          {n}
        </label>
      ))}
    </fieldset>
  );
}

function Estimate({ view }: { view: ParticipantView }) {
  const [likelihood, setLikelihood] = useState(0);
  const [impact, setImpact] = useState(0);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = view.focus?.key;
  useEffect(() => {
    setLikelihood(0);
    setImpact(0);
    setSent(null);
  }, [key]);
  if (view.phase === 'revealed') {
    const spread = estimateSpread(view.estimates);
    return (
      <section className="estimate revealed" data-testid="room-revealed">
        <h3>Estimates revealed</h3>
        <ul>
          {view.estimates.map((e) => (
            <li key={e.by} className={spread?.outliers.includes(e.by) ? 'outlier' : undefined}>
              {e.by}: likelihood {e.likelihood} × impact {e.impact} = {e.likelihood * e.impact}
              {spread?.outliers.includes(e.by) ? ' (outlier)' : ''}
            </li>
          ))}
        </ul>
        {spread && <p>Spread: {describeSpread(spread)}</p>}
      </section>
    );
  }
  const send = async () => {
    const answer = await roomCall('estimate', { likelihood, impact });
    if (!answer.ok) return setError(answer.error.message);
    setError(null);
    setSent(`${likelihood} × ${impact}`);
  };
  return (
    <section className="estimate" aria-label="Your estimate" data-testid="room-estimate">
      <h3>Your estimate (hidden until the facilitator reveals)</h3>
      <Scale label="Likelihood" value={likelihood} onChange={setLikelihood} />
      <Scale label="Impact" value={impact} onChange={setImpact} />
      <button className="primary" disabled={!likelihood || !impact} onClick={() => void send()} data-testid="estimate-submit">
        {sent ? 'Change my estimate' : 'Submit estimate'}
      </button>
      {sent && <p data-testid="estimate-sent">You estimated {sent}.</p>}
      {error && <p role="alert">{error}</p>}
      <p className="muted" data-testid="estimate-count">
        {view.estimated.length} of {view.participants.length} have estimated
      </p>
    </section>
  );
}

function Comments({ view }: { view: ParticipantView }) {
  const [text, setText] = useState('');
  const send = async () => {
    const answer = await roomCall('comment', { text });
    if (answer.ok) setText('');
  };
  return (
    <section className="comments" aria-label="Comments">
      <h3>Comments</h3>
      <ul data-testid="participant-comments">
        {view.comments.map((c) => (
          <li key={c.id}>
            <strong>{c.author}:</strong> {c.text}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void send();
        }}
      >
        <textarea value={text} onChange={(e) => setText(e.target.value)} aria-label="Your comment" rows={2} maxLength={4000} data-testid="comment-text" />
        <button type="submit" data-testid="comment-submit">
          Comment
        </button>
      </form>
    </section>
  );
}

function Room({ view }: { view: ParticipantView }) {
  const f = view.focus;
  const highlight = useMemo(() => {
    if (!f) return new Set<string>();
    const ids = new Set([f.subject.id, ...(f.path ?? [])]);
    const flow = view.model?.flows.find((x) => x.id === f.subject.id);
    if (flow) [flow.source, flow.target].forEach((id) => ids.add(id));
    return ids;
  }, [f, view.model]);
  return (
    <div className="participant">
      <header>
        <strong>{view.title || view.model?.title || 'Review workshop'}</strong>
        <span className="muted" data-testid="participant-you">
          You are {view.you} · {view.participants.length} in the room
        </span>
      </header>
      <main>
        <div className="diagram-pane">{view.model ? <ModelDiagram model={view.model} highlight={highlight} /> : <p className="muted">Waiting for the model…</p>}</div>
        <aside className="finding-pane">
          {f ? (
            <>
              <article data-testid="participant-finding" data-key={f.key}>
                <h2>
                  <span className={`sev sev-${f.severity}`}>{f.severity}</span> {f.title}
                </h2>
                <p>
                  on <strong>{f.subject.label}</strong> · the analysis says likelihood {f.likelihood} × impact {f.impact}
                </p>
                <ul>
                  {f.reasons.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ul>
                {f.mitigations.filter((m) => !m.present).length > 0 && (
                  <p className="muted">Would close or lower it: {f.mitigations.filter((m) => !m.present).map((m) => `${m.label} (${m.effect ?? 'lowers'})`).join(', ')}</p>
                )}
              </article>
              <Estimate view={view} />
              <Comments view={view} />
            </>
          ) : (
            <p data-testid="participant-waiting">Waiting for the facilitator to put a finding up for discussion.</p>
          )}
        </aside>
      </main>
    </div>
  );
}

export function ParticipantApp() {
  const [joined, setJoined] = useState(() => !!roomToken.get());
  const [view, setView] = useState<ParticipantView | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  useEffect(() => {
    if (!joined) return;
    let stop = false;
    void (async () => {
      let since = -1;
      while (!stop) {
        const answer = await roomCall<ParticipantView>('view', { since });
        if (stop) return;
        if (!answer.ok) {
          if (['E_ROOM_CLOSED', 'E_BAD_TOKEN'].includes(answer.error.code)) {
            roomToken.clear();
            setClosed(answer.error.code === 'E_ROOM_CLOSED' ? 'The facilitator has closed the room. Thank you!' : 'You are no longer in the room; join again.');
            return;
          }
          await new Promise((r) => setTimeout(r, 2000));
          continue;
        }
        setView(answer.value);
        since = answer.value.version;
      }
    })();
    return () => {
      stop = true;
    };
  }, [joined]);
  if (closed) {
    return (
      <p className="closed" data-testid="room-closed">
        {closed}
      </p>
    );
  }
  if (!joined) return <JoinForm onJoined={() => setJoined(true)} />;
  return view ? <Room view={view} /> : <p className="muted">Joining…</p>;
}
