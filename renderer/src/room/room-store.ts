// The facilitator's view of the workshop room: its status, kept fresh by a long-poll while a room
// is open, and the calls that drive it (start, share, focus, reveal, end).
import { create } from 'zustand';
import type { z } from 'zod';
import type { Finding } from '../../../core/engine/types';
import type { Model } from '../../../core/model/schema';
import type { RoomFocusSchema, RoomStatusSchema } from '../../../core/api/calls/room';
import { call, callOrThrow } from '../api/client';
import { useSession } from '../state/session-store';

export type RoomStatus = z.infer<typeof RoomStatusSchema>;
export type RoomFocus = z.infer<typeof RoomFocusSchema>;

interface RoomState {
  status: RoomStatus | null;
  setStatus(status: RoomStatus): void;
}

export const useRoom = create<RoomState>((set) => ({
  status: null,
  setStatus: (status) => set({ status }),
}));

let polling = false;

async function pollLoop() {
  if (polling) return;
  polling = true;
  try {
    let since = useRoom.getState().status?.version ?? -1;
    while (useRoom.getState().status?.open) {
      const result = await call('room:status', { since });
      if (!result.ok) {
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      useRoom.getState().setStatus(result.value);
      since = result.value.version;
    }
  } finally {
    polling = false;
  }
}

function report(error: unknown) {
  useSession.getState().notify('error', error instanceof Error ? error.message : String(error));
}

/** Picks up a room started with `mercator web --room`. */
export async function refreshRoom() {
  const result = await call('room:status', {});
  if (result.ok) {
    useRoom.getState().setStatus(result.value);
    if (result.value.open) void pollLoop();
  }
}

export async function startRoom(host: string, title: string, model: Model | null) {
  try {
    const status = await callOrThrow('room:start', { host, title });
    useRoom.getState().setStatus(status);
    if (model) await callOrThrow('room:share', { model });
    void pollLoop();
  } catch (error) {
    report(error);
  }
}

export async function endRoom() {
  try {
    await callOrThrow('room:end', {});
    await refreshRoom();
  } catch (error) {
    report(error);
  }
}

export async function revealEstimates() {
  try {
    await callOrThrow('room:reveal', {});
  } catch (error) {
    report(error);
  }
}

export function focusOf(finding: Finding, model: Model): RoomFocus {
  const label = (type: 'component' | 'flow', id: string) =>
    (type === 'component' ? model.components.find((c) => c.id === id)?.label : model.flows.find((f) => f.id === id)?.label) || id;
  return {
    key: finding.key,
    title: finding.title.slice(0, 300),
    severity: finding.residual.severity,
    subject: { type: finding.subject.type, id: finding.subject.id.slice(0, 300), label: finding.subject.label.slice(0, 300) },
    ...(finding.path ? { path: finding.path.slice(0, 200) } : {}),
    reasons: finding.reasons.slice(0, 50).map((r) => r.slice(0, 2000)),
    mitigations: finding.mitigations.slice(0, 50).map((m) => ({
      label: (m.label ?? m.control).slice(0, 300),
      target: label(m.target.type, m.target.id).slice(0, 300),
      ...(m.effect ? { effect: m.effect } : {}),
      present: m.present,
    })),
    likelihood: finding.residual.likelihood,
    impact: finding.residual.impact,
  };
}

export async function focusRoom(focus: RoomFocus | null) {
  if (!useRoom.getState().status?.open) return;
  const result = await call('room:focus', { focus });
  if (!result.ok) report(result.error.message);
}

export async function shareModel(model: Model) {
  if (!useRoom.getState().status?.open) return;
  const result = await call('room:share', { model });
  if (!result.ok) report(result.error.message);
}
