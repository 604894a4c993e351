// Presentation mode for the projector: panels folded, minimap hidden, large type. A top bar with the
// agenda, its timer and the queue; the finding under discussion on the right, the canvas zoomed to
// its subject on the left. Arrow keys (or PageUp/PageDown, N/P) walk the queue; Escape leaves.
import { useEffect, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Finding } from '../../../core/engine/types';
import { useDocument } from '../state/document-store';
import { useSelection } from '../state/selection-store';
import { useFindings } from '../state/findings-store';
import { RoomPanel } from '../room/RoomPanel';
import { applyRoomComments } from '../room/room-comments';
import { focusOf, focusRoom, refreshRoom, shareModel, useRoom } from '../room/room-store';
import { AgendaEditor } from './AgendaEditor';
import { CardsPanel } from './CardsPanel';
import { FindingStage } from './FindingStage';
import { MinutesButton } from './MinutesButton';
import { Timer } from './Timer';
import { usePresentation } from './presentation-store';
import { buildQueue, subjectNodeIds, type QueueMode } from './queue';
import './presentation.css';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Enters presentation mode with a fresh queue (full screen where the browser allows it). */
export function enterPresentation(mode: QueueMode = 'undecided') {
  const model = useDocument.getState().model;
  const findings = useFindings.getState().result?.findings ?? [];
  if (!model) return;
  const useNew = mode === 'new' && model.baselines.length > 0;
  usePresentation.getState().start(buildQueue(findings, model, useNew ? 'new' : 'undecided'), useNew ? 'new' : 'undecided');
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
  void refreshRoom();
}

export function leavePresentation() {
  usePresentation.getState().stop();
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

function useWalkKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const p = usePresentation.getState();
      let handled = true;
      if (['ArrowRight', 'PageDown', 'n', 'N'].includes(e.key)) p.go(1);
      else if (['ArrowLeft', 'PageUp', 'p', 'P'].includes(e.key)) p.go(-1);
      else if (e.key === 'Escape' && !document.querySelector('.modal')) leavePresentation();
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}

/** Zooms the canvas to the current finding's subject, and puts it before the room. */
function useFollowFinding() {
  const flow = useReactFlow();
  const finding = usePresentation((s) => s.queue[s.index]);
  const roomOpen = useRoom((s) => !!s.status?.open);
  useEffect(() => {
    const model = useDocument.getState().model;
    if (!finding || !model) return;
    const ids = subjectNodeIds(finding, model);
    useSelection.getState().select(finding.subject.type === 'flow' ? [finding.subject.id] : ids);
    const timer = setTimeout(() => void flow.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.6, maxZoom: 1.4, duration: 300 }), 50);
    usePresentation.getState().noteDiscussed({ key: finding.key, title: finding.title, severity: finding.residual.severity, subject: finding.subject.label || finding.subject.id });
    if (roomOpen) void focusRoom(focusOf(finding, model));
    return () => clearTimeout(timer);
  }, [finding, flow, roomOpen]);
}

/** Keeps the room's read-only model in step with the document (a second after the last edit). */
function useShareModel() {
  const revision = useDocument((s) => s.revision);
  const roomOpen = useRoom((s) => !!s.status?.open);
  useEffect(() => {
    if (!roomOpen) return;
    const timer = setTimeout(() => {
      const model = useDocument.getState().model;
      if (model) void shareModel(model);
    }, 1000);
    return () => clearTimeout(timer);
  }, [revision, roomOpen]);
}

/** Remembers who was in the room, and keeps each discussed finding's revealed estimates, for the minutes. */
function useSessionRecord() {
  const status = useRoom((s) => s.status);
  useEffect(() => {
    if (!status?.open) return;
    usePresentation.getState().noteAttendees(status.participants.map((p) => p.name));
    applyRoomComments(status.comments);
    if (status.focus && status.phase === 'revealed') usePresentation.getState().noteDiscussed({ key: status.focus.key, estimates: status.estimates });
  }, [status]);
}

function AgendaBar({ onEdit }: { onEdit: () => void }) {
  const agenda = usePresentation((s) => s.agenda);
  const index = usePresentation((s) => s.agendaIndex);
  return (
    <nav className="agenda" aria-label="Agenda" data-testid="presentation-agenda">
      <button onClick={() => usePresentation.getState().goAgenda(index - 1)} disabled={index === 0} aria-label="Previous agenda item">
        ‹
      </button>
      <span className="agenda-item" data-testid="agenda-current">
        {index + 1}/{agenda.length} · {agenda[index]?.title}
      </span>
      <button onClick={() => usePresentation.getState().goAgenda(index + 1)} disabled={index >= agenda.length - 1} aria-label="Next agenda item">
        ›
      </button>
      <Timer />
      <button onClick={onEdit} data-testid="agenda-edit">
        Agenda…
      </button>
    </nav>
  );
}

export function PresentationMode() {
  const queue = usePresentation((s) => s.queue);
  const index = usePresentation((s) => s.index);
  const mode = usePresentation((s) => s.mode);
  const facilitator = usePresentation((s) => s.facilitator);
  const hasBaseline = useDocument((s) => (s.model?.baselines.length ?? 0) > 0);
  const [editAgenda, setEditAgenda] = useState(false);
  const [showRoom, setShowRoom] = useState(false);
  const [showSession, setShowSession] = useState(false);
  const [showCards, setShowCards] = useState(false);
  useWalkKeys();
  useFollowFinding();
  useShareModel();
  useSessionRecord();
  const switchQueue = (next: QueueMode) => {
    const model = useDocument.getState().model;
    if (model) usePresentation.getState().setQueue(buildQueue(useFindings.getState().result?.findings ?? [], model, next), next);
  };
  return (
    <>
      <header className="presentation-bar" data-testid="presentation-bar">
        <AgendaBar onEdit={() => setEditAgenda(true)} />
        <span className="spacer" />
        <label className="queue-mode">
          Queue{' '}
          <select value={mode} onChange={(e) => switchQueue(e.target.value as QueueMode)} aria-label="Walk-through queue">
            <option value="undecided">Undecided findings</option>
            <option value="new" disabled={!hasBaseline}>
              New since baseline
            </option>
          </select>
        </label>
        <button onClick={() => usePresentation.getState().go(-1)} disabled={index === 0} aria-label="Previous finding" data-testid="presentation-prev">
          ◀
        </button>
        <button onClick={() => usePresentation.getState().go(1)} disabled={index >= queue.length - 1} aria-label="Next finding" data-testid="presentation-next">
          ▶
        </button>
        <button aria-pressed={showRoom} onClick={() => setShowRoom(!showRoom)} data-testid="presentation-room">
          Room
        </button>
        <button aria-pressed={showCards} onClick={() => setShowCards(!showCards)} data-testid="presentation-cards">
          Cards
        </button>
        <button aria-pressed={showSession} onClick={() => setShowSession(!showSession)} data-testid="presentation-session">
          Session
        </button>
        <button onClick={leavePresentation} data-testid="presentation-exit" title="Leave presentation mode (Escape)">
          Exit
        </button>
      </header>
      <aside className="presentation-stage" aria-label="Finding under discussion">
        {showSession && (
          <section className="session-panel" aria-label="Session" data-testid="session-panel">
            <label>
              Facilitator <input value={facilitator} onChange={(e) => usePresentation.getState().setFacilitator(e.target.value.slice(0, 200))} aria-label="Facilitator name" size={16} />
            </label>
            <span className="muted">Minutes of this session:</span>
            <MinutesButton />
          </section>
        )}
        {showRoom && <RoomPanel />}
        {showCards && <CardsPanel componentId={subjectComponent(queue[index])} />}
        <FindingStage finding={queue[index]} position={index} total={queue.length} />
      </aside>
      {editAgenda && <AgendaEditor onClose={() => setEditAgenda(false)} />}
    </>
  );
}

/** The component a finding's cards are about: its subject, a flow's target, a path's last step. */
function subjectComponent(finding: Finding | undefined): string | null {
  if (!finding) return null;
  if (finding.subject.type === 'component') return finding.subject.id;
  if (finding.subject.type === 'path') return finding.path?.at(-1) ?? null;
  return useDocument.getState().model?.flows.find((f) => f.id === finding.subject.id)?.target ?? null;
}

/** The toolbar's way in. */
export function PresentButton({ disabled }: { disabled: boolean }) {
  return (
    <button onClick={() => enterPresentation('undecided')} disabled={disabled} data-testid="toolbar-present" title="Presentation mode for a review workshop">
      Present
    </button>
  );
}
