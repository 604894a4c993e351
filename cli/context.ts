// What every CLI command gets: its arguments, where the app's files are, and output streams.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface CliContext extends CliIo {
  args: string[];
  /** The installed app's root folder (package.json, examples/, data/, dist/). */
  appRoot: string;
  cwd: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(ctx: CliContext): Promise<number>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}

export function findAppRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'mercator') return dir;
    } catch {
      // keep looking upward
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the Mercator installation folder');
    dir = parent;
  }
}

export function appVersion(appRoot: string): string {
  return (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Parses `--name value`, `--name=value` and boolean `--flag` options; the rest are positional. */
export function parseOptions(
  args: string[],
  spec: Record<string, 'string' | 'boolean'>,
): { positional: string[]; options: Record<string, string | boolean> } {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') || (arg.startsWith('-') && arg.length === 2)) {
      const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
      const type = spec[rawName];
      if (!type) throw new UsageError(`unknown option ${arg}`);
      if (type === 'boolean') options[rawName] = true;
      else {
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`${arg} needs a value`);
        options[rawName] = value;
      }
    } else positional.push(arg);
  }
  return { positional, options };
}
