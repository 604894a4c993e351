// The model-file, journal, example and external-link handlers: everything that reads or writes files in the workspace.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../api/result';
import { loadModelBytes, loadModelText } from '../../model/load';
import { serializeModel } from '../../model/canonical';
import { checkExternalUrl } from '../../security/external-url';
import { describeWriteError, hashBytes, hashFile, removeStaleTempFiles, writeFileAtomic } from './atomic-file';
import { MODEL_EXTENSION } from './path-policy';
import type { Handlers } from '../dispatch';
import type { HostContext } from '../context';

async function readModelFile(file: string, shown: string) {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new ApiFailure('E_NOT_FOUND', `"${shown}" is not a file.`);
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw new ApiFailure('E_NOT_FOUND', `"${shown}" could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const loaded = loadModelBytes(bytes);
  if (!loaded.ok) {
    const first = loaded.errors[0]!;
    throw new ApiFailure(
      'E_INVALID_MODEL',
      `"${shown}" is not a valid model: ${first.code} at ${first.pointer || 'the document'}: ${first.message}` +
        (loaded.errors.length > 1 ? ` (and ${loaded.errors.length - 1} more)` : ''),
      loaded.errors,
    );
  }
  return { model: loaded.model, warnings: loaded.warnings, hash: hashBytes(bytes), bytes };
}

async function listModels(root: string, present: (p: string) => string) {
  const files: Array<{ path: string; name: string; size: number; modified: string }> = [];
  async function walk(dir: string, depth: number) {
    if (depth > 4 || files.length >= 2000) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, depth + 1);
      else if (entry.isFile() && entry.name.endsWith(MODEL_EXTENSION)) {
        const stat = await fs.stat(full);
        files.push({ path: present(full), name: entry.name, size: stat.size, modified: stat.mtime.toISOString() });
      }
    }
  }
  await walk(root, 0);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

type FileHandlerNames =
  | 'model:validate'
  | 'model:open'
  | 'model:save'
  | 'model:list'
  | 'journal:write'
  | 'journal:list'
  | 'journal:read'
  | 'journal:discard'
  | 'example:list'
  | 'example:open'
  | 'shell:openExternal';

export function createFileHandlers(ctx: HostContext): Pick<Handlers, FileHandlerNames> {
  return {
    async 'model:validate'({ text }) {
      const result = loadModelText(text);
      return result.ok
        ? { valid: true, errors: [], warnings: result.warnings }
        : { valid: false, errors: result.errors, warnings: [] };
    },
    async 'model:open'({ path: requested }) {
      const file = await ctx.policy.resolve(requested, 'read');
      const shown = ctx.policy.present(file);
      await removeStaleTempFiles(path.dirname(file));
      const { model, warnings, hash } = await readModelFile(file, shown);
      const journaled = await ctx.journal.read(shown);
      let recovery = null;
      if (journaled && JSON.stringify(journaled.model) !== JSON.stringify(model)) recovery = journaled.entry;
      return { path: shown, model, hash, warnings, recovery };
    },
    async 'model:save'({ path: requested, model, baseHash, force }) {
      const file = await ctx.policy.resolve(requested, 'write');
      const shown = ctx.policy.present(file);
      const text = serializeModel(model);
      // Never write something we could not read back.
      const check = loadModelText(text);
      if (!check.ok) {
        throw new ApiFailure('E_INVALID_MODEL', `The model was not saved: ${check.errors[0]!.message} at ${check.errors[0]!.pointer}.`, check.errors);
      }
      const onDisk = await hashFile(file);
      if (!force && onDisk !== null && onDisk !== baseHash) {
        throw new ApiFailure(
          'E_CONFLICT',
          `"${shown}" was changed on disk since you opened it. Reload it, save under another name, or overwrite it.`,
          { diskHash: onDisk },
        );
      }
      try {
        await writeFileAtomic(file, text);
      } catch (error) {
        const described = describeWriteError(error, shown);
        throw new ApiFailure(described.code, described.message);
      }
      await ctx.journal.discard(shown);
      const bytes = Buffer.byteLength(text);
      return { path: shown, hash: hashBytes(text), bytes };
    },
    async 'model:list'() {
      if (ctx.policy.root === null) return { files: [] };
      return { files: await listModels(ctx.policy.root, ctx.policy.present) };
    },
    async 'journal:write'({ key, path: modelPath, baseHash, model }) {
      const entry = await ctx.journal.write({ key, path: modelPath, baseHash }, model);
      return { savedAt: entry.savedAt };
    },
    async 'journal:list'() {
      return { entries: await ctx.journal.list() };
    },
    async 'journal:read'({ key }) {
      const found = await ctx.journal.read(key);
      if (!found) throw new ApiFailure('E_NOT_FOUND', 'There are no unsaved edits for that model.');
      return found;
    },
    async 'journal:discard'({ key }) {
      return { discarded: await ctx.journal.discard(key) };
    },
    async 'example:list'() {
      const names = (await fs.readdir(ctx.examplesDir)).filter((n) => n.endsWith(MODEL_EXTENSION)).sort();
      const examples = [];
      for (const name of names) {
        const { model } = await readModelFile(path.join(ctx.examplesDir, name), name);
        examples.push({ id: name.slice(0, -MODEL_EXTENSION.length), title: model.meta.title, description: model.meta.description });
      }
      return { examples };
    },
    async 'example:open'({ id }) {
      const file = path.join(ctx.examplesDir, id + MODEL_EXTENSION);
      const { model } = await readModelFile(file, `example "${id}"`);
      return { id, model };
    },
    async 'shell:openExternal'({ url }) {
      const verdict = checkExternalUrl(url);
      if (!verdict.allowed) throw new ApiFailure('E_NOT_PERMITTED', `That link does not open: ${verdict.reason}.`);
      return { opened: await ctx.openExternal(verdict.url), url: verdict.url };
    },
  };
}
