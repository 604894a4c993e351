// The participant page's only way to the room: /room/join with the join code, then /room/api/<call>
// with the capability token it returned (view, comment, estimate; nothing else is allowed).
import type { ParticipantModel } from '../../../core/room/participant-view';
import type { RoomFocus } from './room-store';

export interface ParticipantView {
  open: boolean;
  version: number;
  title: string;
  you: string;
  participants: string[];
  model: ParticipantModel | null;
  focus: RoomFocus | null;
  phase: 'estimating' | 'revealed';
  estimated: string[];
  estimates: Array<{ by: string; likelihood: number; impact: number }>;
  comments: Array<{ id: string; author: string; at: string; text: string }>;
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const TOKEN_KEY = 'mercator.room';

export const roomToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

async function post<T>(path: string, body: unknown): Promise<Answer<T>> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Mercator-Room': roomToken.get() ?? '' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Answer<T>;
  } catch (error) {
    return { ok: false, error: { code: 'E_OFFLINE', message: `The room did not answer (${String(error)}).` } };
  }
}

export const joinRoom = (code: string, name: string) => post<{ token: string; name: string }>('/room/join', { code, name });
export const roomCall = <T>(name: string, input: unknown) => post<T>(`/room/api/${encodeURIComponent(name)}`, input);
