// The participant side of a workshop room: POST /room/join (join code + display name → a
// capability token) and POST /room/api/<call> with that token. The capability allows exactly
// three calls: view, comment, estimate. Everything else is refused, whatever the token.
import type http from 'node:http';
import { z } from 'zod';
import type { Room } from './room';
import type { RateLimit } from './rate-limit';

export const PARTICIPANT_CALLS = ['view', 'comment', 'estimate'] as const;
const MAX_BODY = 64 * 1024;
const POLL_MS = 20_000;

const Score = z.number().int().min(1).max(5);
const JoinInput = z.strictObject({ code: z.string().max(32), name: z.string().trim().min(1, 'enter a display name').max(60) });
const ViewInput = z.strictObject({ since: z.number().int().min(-1).default(-1) });
const EstimateInput = z.strictObject({ likelihood: Score, impact: Score });
const CommentInput = z.strictObject({ text: z.string().trim().min(1, 'a comment is not empty').max(4000) });

export interface RoomRequestContext {
  room: Room | null;
  /** host:port values this listener answers to. */
  hosts: readonly string[];
  limiter: RateLimit;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>) {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const refuse = (code: string, message: string) => ({ ok: false, error: { code, message } });

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Host, Origin, method and media type: the same rules as the facilitator's API, for this listener's hosts. */
export function checkRoomRequest(req: http.IncomingMessage, hosts: readonly string[]): { status: number; code: string; message: string } | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.includes(host)) return { status: 421, code: 'E_BAD_HOST', message: 'This room answers only to its own address.' };
  if (req.method !== 'POST') return { status: 405, code: 'E_METHOD', message: 'Room calls are POST requests.' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
    return { status: 403, code: 'E_BAD_ORIGIN', message: 'Requests from other sites are refused.' };
  }
  const mediaType = req.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') return { status: 415, code: 'E_CONTENT_TYPE', message: 'Room calls send application/json.' };
  return null;
}

function participantView(room: Room, participantId: string) {
  const me = room.participantList().find((p) => p.id === participantId)!;
  const focusKey = room.focus?.key ?? null;
  return {
    open: room.open,
    version: room.version,
    title: room.title,
    you: me.name,
    participants: room.participantList().map((p) => p.name),
    model: room.model,
    focus: room.focus,
    phase: room.phase,
    estimated: room.estimatedBy(),
    estimates: room.revealedEstimates(),
    comments: room.comments.filter((c) => c.findingKey === focusKey),
  };
}

/** Answers a /room/… request. */
export async function handleRoomRequest(req: http.IncomingMessage, res: http.ServerResponse, ctx: RoomRequestContext, headers: Record<string, string>) {
  const url = new URL(req.url ?? '/', 'http://room');
  const problem = checkRoomRequest(req, ctx.hosts);
  if (problem) return send(res, problem.status, refuse(problem.code, problem.message), headers);
  const room = ctx.room;
  if (!room || !room.open) return send(res, 410, refuse('E_ROOM_CLOSED', 'This room is closed.'), headers);
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body === '' ? {} : JSON.parse(body);
  } catch {
    return send(res, 400, refuse('E_BAD_REQUEST', 'The request body is not JSON or is too large.'), headers);
  }
  const invalid = (error: z.ZodError) => send(res, 400, refuse('E_INVALID_INPUT', error.issues[0]?.message ?? 'invalid input'), headers);

  if (url.pathname === '/room/join') {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (!ctx.limiter.allowed(address)) {
      return send(res, 429, refuse('E_RATE_LIMITED', 'Too many wrong join codes; wait a minute and try again.'), headers);
    }
    const parsed = JoinInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    if (!room.codeMatches(parsed.data.code)) {
      ctx.limiter.fail(address);
      return send(res, 403, refuse('E_BAD_CODE', 'That join code is not this room’s.'), headers);
    }
    let participant;
    try {
      participant = room.join(parsed.data.name);
    } catch (error) {
      return send(res, 429, refuse('E_ROOM_FULL', (error as Error).message), headers);
    }
    return send(res, 200, { ok: true, value: { token: participant.token, name: participant.name } }, headers);
  }

  const match = /^\/room\/api\/([^/]+)$/.exec(url.pathname);
  const participant = room.byToken(req.headers['x-mercator-room'] as string | undefined);
  if (!participant) return send(res, 401, refuse('E_BAD_TOKEN', 'Missing or unknown participant token; join the room again.'), headers);
  const call = match?.[1] ?? '';
  if (!(PARTICIPANT_CALLS as readonly string[]).includes(call)) {
    return send(res, 403, refuse('E_FORBIDDEN', `A participant may only view, comment and estimate; "${call.slice(0, 60)}" is refused.`), headers);
  }
  if (call === 'view') {
    const parsed = ViewInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    await room.waitFor(parsed.data.since, POLL_MS);
    return send(res, 200, { ok: true, value: participantView(room, participant.id) }, headers);
  }
  if (call === 'estimate') {
    const parsed = EstimateInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    try {
      room.estimate(participant, parsed.data.likelihood, parsed.data.impact);
    } catch (error) {
      return send(res, 409, refuse('E_ROUND', (error as Error).message), headers);
    }
    return send(res, 200, { ok: true, value: { estimated: true } }, headers);
  }
  const parsed = CommentInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let comment;
  try {
    comment = room.comment(participant.name, parsed.data.text);
  } catch (error) {
    return send(res, 429, refuse('E_ROOM_FULL', (error as Error).message), headers);
  }
  return send(res, 200, { ok: true, value: { id: comment.id } }, headers);
}

