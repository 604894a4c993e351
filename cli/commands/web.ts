import path from 'node:path';
import os from 'node:os';
import { promises as fs } from 'node:fs';
import { createHandlers, type HostContext } from '../../core/host/handlers';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { openJournal } from '../../core/host/files/journal';
import { startCatalogWorker } from '../../core/host/catalog/worker-client';
import { appDataDir, catalogFileIn } from '../data-dir';
import { startWebServer } from '../web/server';
import { checkRoomAddress } from '../../core/host/room/host';
import { EXIT, UsageError, appVersion, parseOptions, type CliCommand } from '../context';

export const webCommand: CliCommand = {
  name: 'web',
  summary: 'serve the app to a browser on 127.0.0.1 (browser mode)',
  usage: 'mercator web [--workspace DIR] [--port N] [--room [--room-host ADDRESS]]',
  async run(ctx) {
    const { positional, options } = parseOptions(ctx.args, { workspace: 'string', port: 'string', room: 'boolean', 'room-host': 'string' });
    if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const port = options.port === undefined ? 0 : Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535');
    const workspace = path.resolve(ctx.cwd, (options.workspace as string | undefined) ?? path.join(os.homedir(), 'Mercator'));
    await fs.mkdir(workspace, { recursive: true });
    const rendererDir = path.join(ctx.appRoot, 'dist', 'renderer');
    try {
      await fs.access(path.join(rendererDir, 'index.html'));
    } catch {
      ctx.err(`The app is not built (${rendererDir} is missing): run "npm run build" first.`);
      return EXIT.failed;
    }
    // The catalog lives in the app's data folder, never in the workspace, and runs on its own thread.
    const dbPath = catalogFileIn(appDataDir());
    const catalog = startCatalogWorker({
      script: path.join(ctx.appRoot, 'dist', 'cli', 'catalog-worker.mjs'),
      dataDir: path.join(ctx.appRoot, 'data'),
      dbPath,
      onRebuilt: (reason) => ctx.err(`Catalog rebuilt (${reason}): ${dbPath}`),
    });
    if (options['room-host'] !== undefined && !options.room) throw new UsageError('--room-host goes with --room');
    if (options.room) {
      try {
        checkRoomAddress((options['room-host'] as string | undefined) ?? '127.0.0.1');
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
    }
    const hostContext: HostContext = {
      mode: 'browser',
      name: 'Mercator',
      version: appVersion(ctx.appRoot),
      policy: await createWorkspacePolicy(workspace),
      journal: await openJournal(path.join(workspace, '.mercator', 'journal')),
      examplesDir: path.join(ctx.appRoot, 'examples'),
      catalogWorker: catalog,
      openExternal: async () => false, // the page opens allowed links itself, after showing them
    };
    const handlers = createHandlers(hostContext);
    const server = await startWebServer({ handlers, rendererDir, port, log: ctx.err, serveTestPages: process.env.MERCATOR_TEST_PAGES === '1' });
    hostContext.room = server.room;
    ctx.out(`Mercator is running in browser mode at ${server.url}`);
    if (options.room) {
      const roomHost = (options['room-host'] as string | undefined) ?? '127.0.0.1';
      try {
        const room = await server.room.start(roomHost, 'Workshop');
        ctx.out(`Workshop room: participants open ${server.room.joinUrl()} and enter the code ${room.code}`);
      } catch (error) {
        await server.close();
        catalog.close();
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
    }
    ctx.out(`Workspace: ${workspace}`);
    ctx.out('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await catalog.close();
    return EXIT.ok;
  },
};
