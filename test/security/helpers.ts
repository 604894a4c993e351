// Shared by the test/security suite: real hosts over real folders, the loop counts (small in CI,
// larger under `npm run bench`, which sets MERCATOR_SECURITY_SCALE), and one line per case
// ("security: CASE: N trials, F failures") that the bench reads back.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from '../../core/host/handlers';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { openJournal } from '../../core/host/files/journal';
import { dispatch, type Handlers } from '../../core/host/dispatch';
import { createEmptyModel, type Model } from '../../core/model/schema';
import type { Result } from '../../core/api/result';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** 1 in CI; `npm run bench` runs the suite with a larger factor. */
export const SCALE = Math.max(1, Number(process.env.MERCATOR_SECURITY_SCALE ?? '1') || 1);

export const scaled = (ci: number, full: number) => (SCALE > 1 ? full : ci);

/** The time limit of a scaled test. */
export const LONG = SCALE > 1 ? 900_000 : 120_000;

export function scratch(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `mercator-security-${prefix}-`));
}

export async function workspaceHost(workspace: string, journalDir: string): Promise<Handlers> {
  return createHandlers({
    mode: 'browser',
    name: 'Mercator',
    version: 'test',
    policy: await createWorkspacePolicy(workspace),
    journal: await openJournal(journalDir),
    examplesDir: path.join(ROOT, 'examples'),
    openExternal: async () => false,
  });
}

/** What the calls used here answer (model:open, model:save), loosely. */
export interface CallValue {
  hash: string;
  model: Model;
  [key: string]: unknown;
}

export async function call(handlers: Handlers, name: string, input: unknown): Promise<Result<CallValue>> {
  return (await dispatch(handlers, name, input)) as Result<CallValue>;
}

export function model(title: string, components = 3): Model {
  const m = createEmptyModel(title);
  for (let i = 0; i < components; i++) m.components.push({ id: `c${i}`, kind: 'llm', label: `LLM ${i}`, facts: {}, controls: {} });
  return m;
}

export function report(name: string, trials: number, failures: number, extra = ''): void {
  console.log(`security: ${name}: ${trials} trials, ${failures} failures${extra ? ` (${extra})` : ''}`);
}
