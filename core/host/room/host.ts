// Runs the workshop room for browser mode: one room at a time, opt-in. On 127.0.0.1 the room's
// endpoints share the app's listener; on another interface the facilitator chose, a second listener
// on that address serves only the participant page and /room/… (never /api/…, never the editor).
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { ApiFailure } from '../../api/result';
import { Room } from './room';
import { createRateLimit, type RateLimit } from './rate-limit';
import { handleRoomRequest } from './routes';

export const PARTICIPANT_PAGE = '/room.html';

export interface RoomInterface {
  name: string;
  address: string;
}

export interface RoomHost {
  interfaces(): RoomInterface[];
  start(host: string, title?: string): Promise<Room>;
  current(): Room | null;
  joinUrl(): string | null;
  host(): string | null;
  end(): Promise<void>;
  /** Answers a /room/… request that reached the app's own listener (127.0.0.1). */
  handleMain(req: http.IncomingMessage, res: http.ServerResponse, headers: Record<string, string>): Promise<void>;
}

export interface RoomHostOptions {
  /** The app listener's port (127.0.0.1), or null when the app has none (Electron): then every room gets a listener of its own. */
  mainPort: (() => number) | null;
  /** Serves one of the built page's files (the participant page and its assets); false when not found. */
  serveStatic: (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => Promise<boolean>;
  headers: () => Record<string, string>;
  log?: (line: string) => void;
}

export function listInterfaces(): RoomInterface[] {
  const found: RoomInterface[] = [{ name: 'loopback (this machine only)', address: '127.0.0.1' }];
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) found.push({ name, address: a.address });
  }
  return found;
}

/** Throws unless `address` is one of this machine's IPv4 addresses (the message lists them). */
export function checkRoomAddress(address: string): void {
  const known = listInterfaces().map((i) => i.address);
  if (!known.includes(address)) {
    throw new ApiFailure('E_INVALID_INPUT', `${address} is not an IPv4 address of this machine; the room can listen on ${known.join(', ')}.`);
  }
}

export function createRoomHost(options: RoomHostOptions): RoomHost {
  let room: Room | null = null;
  let bound: { host: string; port: number; server: http.Server | null } | null = null;
  let limiter: RateLimit = createRateLimit({ perKey: 5, total: 30, windowMs: 60_000 });
  const mainHosts = () => (options.mainPort ? [`127.0.0.1:${options.mainPort()}`, `localhost:${options.mainPort()}`] : []);

  async function listenOn(address: string): Promise<{ server: http.Server; port: number }> {
    let port = 0;
    const ownHosts = () => (address === '127.0.0.1' ? [`127.0.0.1:${port}`, `localhost:${port}`] : [`${address}:${port}`]);
    const server = http.createServer(async (req, res) => {
      try {
        const url = new URL(req.url ?? '/', 'http://room');
        if (url.pathname.startsWith('/room/')) {
          await handleRoomRequest(req, res, { room, hosts: ownHosts(), limiter }, options.headers());
          return;
        }
        const hostOk = ownHosts().includes(req.headers.host?.toLowerCase() ?? '');
        const isPage = url.pathname === PARTICIPANT_PAGE || url.pathname === '/favicon.svg' || url.pathname.startsWith('/assets/');
        if (hostOk && isPage && (req.method === 'GET' || req.method === 'HEAD') && (await options.serveStatic(req, res, url.pathname))) return;
        res.writeHead(404, { ...options.headers(), 'Content-Type': 'text/plain' });
        res.end('Not found');
      } catch (error) {
        options.log?.(`room request failed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    });
    server.requestTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, address, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    return { server, port };
  }

  const host: RoomHost = {
    interfaces: listInterfaces,
    async start(address, title) {
      if (room?.open) return room;
      checkRoomAddress(address);
      if (address === '127.0.0.1' && options.mainPort) bound = { host: address, port: options.mainPort(), server: null };
      else {
        const { server, port } = await listenOn(address);
        bound = { host: address, port, server };
      }
      limiter = createRateLimit({ perKey: 5, total: 30, windowMs: 60_000 });
      room = new Room(title ?? '');
      options.log?.(`Workshop room open at ${host.joinUrl()} (join code ${room.code})`);
      return room;
    },
    current: () => room,
    joinUrl: () => (bound && room?.open ? `http://${bound.host}:${bound.port}${PARTICIPANT_PAGE}` : null),
    host: () => (room?.open ? (bound?.host ?? null) : null),
    async end() {
      room?.end();
      const server = bound?.server;
      bound = null;
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      options.log?.('Workshop room closed.');
    },
    handleMain: (req, res, headers) => handleRoomRequest(req, res, { room, hosts: mainHosts(), limiter }, headers),
  };
  return host;
}
