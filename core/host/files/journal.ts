// The autosave journal: unsaved edits are written here every few seconds, so a crash loses nothing.
// One file per open model, keyed by its path (or "untitled:<id>"), removed when the model is saved.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Model } from '../../model/schema';
import { loadModelValue } from '../../model/load';
import { writeFileAtomic, removeStaleTempFiles } from './atomic-file';

const JournalFileSchema = z.object({
  key: z.string(),
  path: z.string().nullable(),
  title: z.string(),
  savedAt: z.string(),
  baseHash: z.string().nullable(),
  model: z.unknown(),
});

export interface JournalEntry {
  key: string;
  path: string | null;
  title: string;
  savedAt: string;
  baseHash: string | null;
}

export interface Journal {
  write(entry: Omit<JournalEntry, 'title' | 'savedAt'>, model: Model, now?: Date): Promise<JournalEntry>;
  list(): Promise<JournalEntry[]>;
  read(key: string): Promise<{ entry: JournalEntry; model: Model } | null>;
  discard(key: string): Promise<boolean>;
}

function fileFor(dir: string, key: string): string {
  return path.join(dir, createHash('sha256').update(key).digest('hex').slice(0, 32) + '.journal.json');
}

export async function openJournal(dir: string): Promise<Journal> {
  await fs.mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir);

  async function readFile(file: string) {
    try {
      const parsed = JournalFileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      if (!parsed.success) return null;
      // The loader, not the bare schema: a journal written before an upgrade holds an older format,
      // and the edits in it are migrated like a file rather than dropped.
      const model = loadModelValue(parsed.data.model);
      if (!model.ok) return null;
      const { model: _ignored, ...entry } = parsed.data;
      return { entry, model: model.model };
    } catch {
      return null;
    }
  }

  return {
    async write(entry, model, now = new Date()) {
      const full: JournalEntry = { ...entry, title: model.meta.title, savedAt: now.toISOString() };
      await writeFileAtomic(fileFor(dir, entry.key), JSON.stringify({ ...full, model }));
      return full;
    },
    async list() {
      const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.journal.json'));
      const entries = await Promise.all(names.map((n) => readFile(path.join(dir, n))));
      return entries
        .flatMap((e) => (e ? [e.entry] : []))
        .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    async read(key) {
      const found = await readFile(fileFor(dir, key));
      return found && found.entry.key === key ? found : null;
    },
    async discard(key) {
      try {
        await fs.rm(fileFor(dir, key));
        return true;
      } catch {
        return false;
      }
    },
  };
}
