// Presentation mode's state: the queue and where we are in it, the agenda with its timeboxes and
// timer, and the session record the minutes are written from. Kept apart from the document: only
// decisions and comments go into the model.
import { create } from 'zustand';
import type { Finding } from '../../../core/engine/types';
import type { DecisionStatus } from '../../../core/model/schema';
import type { Estimate } from '../../../core/room/spread';
import type { QueueMode } from './queue';

export interface AgendaItem {
  title: string;
  minutes: number;
}

export const DEFAULT_AGENDA: AgendaItem[] = [
  { title: 'What are we working on?', minutes: 10 },
  { title: 'What can go wrong?', minutes: 25 },
  { title: 'What are we going to do about it?', minutes: 20 },
  { title: 'Did we do a good job?', minutes: 5 },
];

export interface DiscussedFinding {
  key: string;
  title: string;
  severity: string;
  subject: string;
  estimates: Estimate[];
  decision?: { status: DecisionStatus; rationale: string; by: string; at: string; owner: string; due: string };
}

interface PresentationState {
  active: boolean;
  mode: QueueMode;
  queue: Finding[];
  index: number;
  facilitator: string;
  agenda: AgendaItem[];
  agendaIndex: number;
  /** When the current agenda item started (ms), and the seconds spent on each item so far. */
  itemStartedAt: number;
  spent: number[];
  startedAt: string;
  discussed: DiscussedFinding[];
  attendees: string[];
  start(queue: Finding[], mode: QueueMode): void;
  stop(): void;
  setQueue(queue: Finding[], mode: QueueMode): void;
  go(delta: number): void;
  setFacilitator(name: string): void;
  setAgenda(agenda: AgendaItem[]): void;
  goAgenda(index: number): void;
  noteDiscussed(entry: Partial<DiscussedFinding> & { key: string }): void;
  noteAttendees(names: readonly string[]): void;
}

export const usePresentation = create<PresentationState>((set, get) => ({
  active: false,
  mode: 'undecided',
  queue: [],
  index: 0,
  facilitator: 'Facilitator',
  agenda: DEFAULT_AGENDA,
  agendaIndex: 0,
  itemStartedAt: Date.now(),
  spent: DEFAULT_AGENDA.map(() => 0),
  startedAt: new Date().toISOString(),
  discussed: [],
  attendees: [],
  start(queue, mode) {
    const fresh = get().discussed.length === 0;
    set({
      active: true,
      queue,
      mode,
      index: 0,
      itemStartedAt: Date.now(),
      ...(fresh ? { startedAt: new Date().toISOString(), spent: get().agenda.map(() => 0) } : {}),
    });
  },
  stop: () => set({ active: false }),
  setQueue: (queue, mode) => set({ queue, mode, index: 0 }),
  go(delta) {
    const { index, queue } = get();
    set({ index: Math.max(0, Math.min(queue.length - 1, index + delta)) });
  },
  setFacilitator: (facilitator) => set({ facilitator }),
  setAgenda(agenda) {
    const spent = agenda.map((_, i) => get().spent[i] ?? 0);
    set({ agenda, spent, agendaIndex: Math.min(get().agendaIndex, Math.max(0, agenda.length - 1)) });
  },
  goAgenda(index) {
    const { agendaIndex, itemStartedAt, spent, agenda } = get();
    if (index < 0 || index >= agenda.length || index === agendaIndex) return;
    const next = [...spent];
    next[agendaIndex] = (next[agendaIndex] ?? 0) + Math.round((Date.now() - itemStartedAt) / 1000);
    set({ agendaIndex: index, itemStartedAt: Date.now(), spent: next });
  },
  noteDiscussed(entry) {
    const discussed = [...get().discussed];
    const at = discussed.findIndex((d) => d.key === entry.key);
    if (at < 0) discussed.push({ title: '', severity: '', subject: '', estimates: [], ...entry });
    else discussed[at] = { ...discussed[at]!, ...entry };
    set({ discussed });
  },
  noteAttendees(names) {
    const attendees = [...get().attendees];
    for (const n of names) if (!attendees.includes(n)) attendees.push(n);
    if (attendees.length !== get().attendees.length) set({ attendees });
  },
}));
