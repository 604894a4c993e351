import { useState } from 'react';
import type { Minutes } from '../../../core/room/minutes';
import { callOrThrow } from '../api/client';
import { downloadExport } from '../reports/download';
import { useDocument } from '../state/document-store';
import { useSession } from '../state/session-store';
import { useRoom } from '../room/room-store';
import { usePresentation } from './presentation-store';

/** The session so far, as the minutes record it. */
export function sessionMinutes(): Minutes {
  const p = usePresentation.getState();
  const model = useDocument.getState().model;
  const room = useRoom.getState().status;
  const spent = [...p.spent];
  spent[p.agendaIndex] = (spent[p.agendaIndex] ?? 0) + Math.round((Date.now() - p.itemStartedAt) / 1000);
  const discussedKeys = new Set(p.discussed.map((d) => d.key));
  const threadComments = (model?.comments ?? [])
    .filter((t) => t.subject.type === 'finding' && discussedKeys.has(t.subject.id))
    .flatMap((t) => t.messages.filter((msg) => msg.at >= p.startedAt).map((msg) => ({ author: msg.author, at: msg.at, text: msg.text, finding: t.subject.id })));
  const roomComments = (room?.comments ?? []).map((c) => ({ author: c.author, at: c.at, text: c.text, finding: c.findingKey ?? '' }));
  const seen = new Set<string>();
  const comments = [...roomComments, ...threadComments].filter((c) => {
    const id = `${c.author}\u0000${c.at}\u0000${c.text}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return {
    title: model?.meta.title ?? 'Workshop',
    date: p.startedAt,
    facilitator: p.facilitator,
    attendees: [p.facilitator, ...p.attendees.filter((a) => a !== p.facilitator)],
    agenda: p.agenda.map((a, i) => ({ title: a.title, minutes: a.minutes, spentSeconds: spent[i] ?? 0 })),
    findings: p.discussed.map((d) => ({ key: d.key, title: d.title, severity: d.severity, subject: d.subject, estimates: d.estimates, ...(d.decision ? { decision: d.decision } : {}) })),
    comments,
  };
}

export function MinutesButton() {
  const [busy, setBusy] = useState(false);
  const save = async (format: 'md' | 'pdf') => {
    setBusy(true);
    try {
      downloadExport(await callOrThrow('minutes:export', { minutes: sessionMinutes(), format }));
    } catch (error) {
      useSession.getState().notify('error', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button onClick={() => void save('md')} disabled={busy} data-testid="minutes-md" title="Save the minutes as Markdown">
        Minutes .md
      </button>
      <button onClick={() => void save('pdf')} disabled={busy} data-testid="minutes-pdf" title="Save the minutes as PDF">
        Minutes .pdf
      </button>
    </>
  );
}
