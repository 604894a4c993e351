// The facilitator's room calls. The room lives in this process; participants reach it only through
// the room's own endpoints (routes.ts). A host without a room host answers E_UNAVAILABLE.
import path from 'node:path';
import type { Handlers } from '../dispatch';
import type { HostContext } from '../context';
import { ApiFailure } from '../../api/result';
import type { RoomHost } from './host';
import { minutesMarkdown } from '../../room/minutes';
import { writeMinutesPdf } from '../pdf/minutes';

type RoomHandlers = Pick<Handlers, 'room:interfaces' | 'room:start' | 'room:status' | 'room:share' | 'room:focus' | 'room:reveal' | 'room:end' | 'minutes:export'>;

const STATUS_POLL_MS = 20_000;

function status(host: RoomHost) {
  const room = host.current();
  if (!room) {
    return { open: false, version: 0, code: null, joinUrl: null, host: null, participants: [], focus: null, phase: 'estimating' as const, estimated: [], estimates: [], comments: [] };
  }
  return {
    open: room.open,
    version: room.version,
    code: room.open ? room.code : null,
    joinUrl: host.joinUrl(),
    host: host.host(),
    participants: room.participantList(),
    focus: room.focus,
    phase: room.phase,
    estimated: room.estimatedBy(),
    estimates: room.revealedEstimates(),
    comments: [...room.comments],
  };
}

export function createRoomHandlers(ctx: HostContext): RoomHandlers {
  const need = (): RoomHost => {
    if (!ctx.room) throw new ApiFailure('E_UNAVAILABLE', 'This host runs no workshop rooms.');
    return ctx.room;
  };
  const openRoom = () => {
    const room = need().current();
    if (!room?.open) throw new ApiFailure('E_ROOM_CLOSED', 'No room is open: start one first.');
    return room;
  };
  return {
    async 'room:interfaces'() {
      return { interfaces: need().interfaces() };
    },
    async 'room:start'(input) {
      const host = need();
      await host.start(input.host, input.title);
      return status(host);
    },
    async 'room:status'(input) {
      const host = need();
      const room = host.current();
      if (room && input.since !== undefined) await room.waitFor(input.since, STATUS_POLL_MS);
      return status(host);
    },
    async 'room:share'(input) {
      const room = openRoom();
      room.share(input.model);
      return { version: room.version };
    },
    async 'room:focus'(input) {
      const room = openRoom();
      room.setFocus(input.focus);
      return { version: room.version };
    },
    async 'room:reveal'() {
      return { estimates: openRoom().reveal() };
    },
    async 'minutes:export'({ minutes, format }) {
      const base = `minutes-${(minutes.title || 'workshop').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'workshop'}-${minutes.date.slice(0, 10)}`;
      if (format === 'md') {
        const data = minutesMarkdown(minutes);
        return { fileName: `${base}.md`, mimeType: 'text/markdown', encoding: 'text' as const, data, bytes: Buffer.byteLength(data) };
      }
      // The fonts sit in the built renderer beside examples/ (dist/renderer/fonts).
      const pdf = await writeMinutesPdf(minutes, path.join(path.dirname(ctx.examplesDir), 'dist', 'renderer', 'fonts'));
      return { fileName: `${base}.pdf`, mimeType: 'application/pdf', encoding: 'base64' as const, data: pdf.toString('base64'), bytes: pdf.length };
    },
    async 'room:end'() {
      const host = need();
      const wasOpen = !!host.current()?.open;
      await host.end();
      return { closed: wasOpen };
    },
  };
}
