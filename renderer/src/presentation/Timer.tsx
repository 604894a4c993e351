import { useEffect, useState } from 'react';
import { usePresentation } from './presentation-store';

const mmss = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** The current agenda item's elapsed time against its timebox; red once over. */
export function Timer() {
  const startedAt = usePresentation((s) => s.itemStartedAt);
  const item = usePresentation((s) => s.agenda[s.agendaIndex]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, (now - startedAt) / 1000);
  const box = (item?.minutes ?? 0) * 60;
  const over = box > 0 && elapsed > box;
  return (
    <span className={over ? 'timer over' : 'timer'} data-testid="presentation-timer" role="timer" aria-label={`${mmss(elapsed)} of ${item?.minutes ?? 0} minutes`}>
      {mmss(elapsed)} <span className="muted">/ {mmss(box)}</span>
    </span>
  );
}
