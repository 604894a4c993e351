// A workshop room's state, held in the facilitator's process only: who joined (each with a
// capability token of their own), the model they see, the finding under discussion, the blind
// estimates of the current round and the comments. Every change bumps `version`; long-polls wait
// for the next one.
import { randomBytes, randomInt } from 'node:crypto';
import type { Model } from '../../model/schema';
import { participantModel, type ParticipantModel } from '../../room/participant-view';
import { sameSecret } from '../../security/http-guard';
import type { z } from 'zod';
import type { RoomFocusSchema } from '../../api/calls/room';

export type RoomFocus = z.infer<typeof RoomFocusSchema>;

/** Letters and digits that cannot be mistaken for one another on a projector (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
/** Upper bounds that keep one room's memory small whatever its participants send. */
export const ROOM_LIMITS = { participants: 100, comments: 2000 };

export interface Participant {
  id: string;
  name: string;
  token: string;
  joinedAt: string;
}

export interface RoomComment {
  id: string;
  author: string;
  at: string;
  text: string;
  findingKey: string | null;
}

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Upper-cases and drops spaces and dashes, so "abc-def" matches "ABCDEF". */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export class Room {
  readonly code = newJoinCode();
  version = 1;
  open = true;
  title: string;
  model: ParticipantModel | null = null;
  focus: RoomFocus | null = null;
  phase: 'estimating' | 'revealed' = 'estimating';
  private readonly participants: Participant[] = [];
  /** The current round's estimates by participant id. */
  private readonly estimates = new Map<string, { likelihood: number; impact: number }>();
  readonly comments: RoomComment[] = [];
  private waiters: Array<() => void> = [];
  private commentCounter = 0;

  constructor(title = '') {
    this.title = title;
  }

  private changed() {
    this.version++;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Resolves when the room changes past `since`, or after `timeoutMs`. */
  waitFor(since: number, timeoutMs: number): Promise<void> {
    if (this.version > since || !this.open) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(wake);
    });
  }

  codeMatches(code: string): boolean {
    return sameSecret(normalizeCode(code), this.code);
  }

  join(name: string): Participant {
    if (this.participants.length >= ROOM_LIMITS.participants) throw new Error(`The room is full (${ROOM_LIMITS.participants} participants).`);
    const participant: Participant = {
      id: `p${this.participants.length + 1}`,
      name: this.uniqueName(name),
      token: randomBytes(24).toString('hex'),
      joinedAt: new Date().toISOString(),
    };
    this.participants.push(participant);
    this.changed();
    return participant;
  }

  private uniqueName(name: string): string {
    const taken = new Set(this.participants.map((p) => p.name));
    if (!taken.has(name)) return name;
    for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`)) return `${name} (${i})`;
  }

  /** The participant holding this capability token, if the room is open. */
  byToken(token: string | undefined): Participant | undefined {
    if (!this.open || !token) return undefined;
    return this.participants.find((p) => sameSecret(p.token, token));
  }

  share(model: Model) {
    this.model = participantModel(model);
    this.changed();
  }

  setFocus(focus: RoomFocus | null) {
    this.focus = focus;
    this.phase = 'estimating';
    this.estimates.clear();
    this.changed();
  }

  estimate(participant: Participant, likelihood: number, impact: number) {
    if (!this.focus) throw new Error('There is no finding under discussion to estimate.');
    if (this.phase === 'revealed') throw new Error('The estimates of this round are already revealed.');
    this.estimates.set(participant.id, { likelihood, impact });
    this.changed();
  }

  comment(author: string, text: string): RoomComment {
    if (this.comments.length >= ROOM_LIMITS.comments) throw new Error(`The room has taken its ${ROOM_LIMITS.comments} comments.`);
    const comment = { id: `rc${++this.commentCounter}`, author, at: new Date().toISOString(), text, findingKey: this.focus?.key ?? null };
    this.comments.push(comment);
    this.changed();
    return comment;
  }

  reveal() {
    this.phase = 'revealed';
    this.changed();
    return this.revealedEstimates();
  }

  end() {
    this.open = false;
    this.changed();
  }

  estimatedBy(): string[] {
    return this.participants.filter((p) => this.estimates.has(p.id)).map((p) => p.name);
  }

  revealedEstimates() {
    if (this.phase !== 'revealed') return [];
    return this.participants.flatMap((p) => {
      const e = this.estimates.get(p.id);
      return e ? [{ by: p.name, likelihood: e.likelihood, impact: e.impact }] : [];
    });
  }

  ownEstimate(participant: Participant) {
    return this.estimates.get(participant.id) ?? null;
  }

  participantList() {
    return this.participants.map((p) => ({ id: p.id, name: p.name }));
  }
}
