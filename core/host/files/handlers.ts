// The model-file, journal, example and external-link handlers: everything that reads or writes files in the workspace.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../api/result';
import { loadModelBytes, loadModelText } from '../../model/load';
import { serializeModel } from '../../model/canonical';
import { checkExternalUrl } from '../../security/external-url';
import { describeWriteError, hashBytes, hashFile, hashFileSync, removeStaleTempFiles, writeFileAtomic } from './atomic-file';
import { withFileLock } from './file-lock';
import { MODEL_EXTENSION } from './path-policy';
import { readFileChecked } from './safe-open';
import type { ModelError } from '../../model/errors';
import type { Handlers } from '../dispatch';
import type { HostContext } from '../context';

/**
 * A load error as shown to the UI: never a piece of the file itself (a JSON syntax error from the
 * parser quotes the text around the fault; the line and column say where without repeating it).
 */
export function withoutFileContent(error: ModelError): ModelError {
  if (error.code !== 'E_JSON_SYNTAX') return error;
  const place = error.line !== undefined ? ` at line ${error.line}, column ${error.column ?? 1}` : '';
  return { ...error, message: error.message === 'the file is empty' ? error.message : `malformed JSON${place}` };
}

async function readModelFile(file: string, shown: string, root: string | null = null) {
  let bytes: Buffer;
  try {
    bytes = await readFileChecked(file, shown, root);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw new ApiFailure('E_NOT_FOUND', `"${shown}" could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const loaded = loadModelBytes(bytes);
  if (!loaded.ok) {
    const errors = loaded.errors.map(withoutFileContent);
    const first = errors[0]!;
    throw new ApiFailure(
      'E_INVALID_MODEL',
      `"${shown}" is not a valid model: ${first.code} at ${first.pointer || 'the document'}: ${first.message}` +
        (errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''),
      errors,
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

function conflict(shown: string, diskHash: string | null): ApiFailure {
  return new ApiFailure(
    'E_CONFLICT',
    `"${shown}" was changed on disk since you opened it. Reload it, save under another name, or overwrite it.`,
    { diskHash },
  );
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
      const { model, warnings, hash } = await readModelFile(file, shown, ctx.policy.root);
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
      // One writer per file from the conflict check through the rename (in this process and across
      // processes), and the file's hash checked again right before the rename: of several saves from
      // the same base exactly one wins, and a write by another program mid-save is never overwritten.
      try {
        await withFileLock(file, shown, async () => {
          const onDisk = await hashFile(file);
          if (!force && onDisk !== null && onDisk !== baseHash) throw conflict(shown, onDisk);
          await writeFileAtomic(file, text, {
            root: ctx.policy.root,
            shown,
            beforeRename: () => {
              const now = hashFileSync(file);
              if (now !== onDisk) throw conflict(shown, now);
            },
          });
        });
      } catch (error) {
        if (error instanceof ApiFailure) throw error;
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
      try {
        const entry = await ctx.journal.write({ key, path: modelPath, baseHash }, model);
        return { savedAt: entry.savedAt };
      } catch (error) {
        // Said in words the UI shows in its autosave banner (disk full, read-only), not E_INTERNAL.
        const described = describeWriteError(error, 'the autosave journal');
        const code = described.code === 'E_WRITE_FAILED' || described.code === 'E_NOT_FOUND' ? 'E_AUTOSAVE_FAILED' : described.code;
        const why =
          described.code === 'E_DISK_FULL'
            ? 'the disk is full'
            : described.code === 'E_READ_ONLY'
              ? 'the autosave folder is read-only or not yours to write'
              : `the autosave journal could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
        throw new ApiFailure(code, `Your latest edits were not autosaved: ${why}.`);
      }
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
