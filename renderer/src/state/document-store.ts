// The document: the model being edited, where it lives on disk, and its undo history. Session state
// (selection, panels, zoom) lives elsewhere; only this is saved.
import { create } from 'zustand';
import type { Model } from '../../../core/model/schema';

export const HISTORY_LIMIT = 200;
const COALESCE_MS = 1200;
let lastCoalesce: { key: string; at: number } | null = null;

export interface DocumentState {
  model: Model | null;
  /** Where the model is saved (workspace-relative in browser mode), or null when never saved. */
  path: string | null;
  /** Hash of the file as last read or written, to detect changes made by someone else. */
  hash: string | null;
  /** Key of this document in the autosave journal. */
  journalKey: string;
  dirty: boolean;
  past: Model[];
  future: Model[];
  /** Increases on every edit; the autosave and analysis react to it. */
  revision: number;
  /** Increases each time a model is loaded (opened, created, restored); the canvas fits its view. */
  generation: number;

  load(model: Model, origin: { path: string | null; hash: string | null; dirty?: boolean }): void;
  /**
   * Applies an edit as one undoable step. Edits with the same `coalesce` key that follow each other
   * within a short time (typing in one field, nudging with arrow keys) merge into one step.
   */
  edit(change: (model: Model) => Model, options?: { coalesce?: string }): void;
  undo(): void;
  redo(): void;
  markSaved(path: string, hash: string): void;
  close(): void;
}

let untitledCounter = 0;
const untitledKey = () => `untitled:${Date.now().toString(36)}-${(untitledCounter++).toString(36)}`;

export const useDocument = create<DocumentState>((set, get) => ({
  model: null,
  path: null,
  hash: null,
  journalKey: untitledKey(),
  dirty: false,
  past: [],
  future: [],
  revision: 0,
  generation: 0,

  load(model, origin) {
    lastCoalesce = null;
    set({
      model,
      path: origin.path,
      hash: origin.hash,
      journalKey: origin.path ?? untitledKey(),
      dirty: origin.dirty ?? false,
      past: [],
      future: [],
      revision: get().revision + 1,
      generation: get().generation + 1,
    });
  },
  edit(change, options) {
    const current = get().model;
    if (!current) return;
    const next = change(current);
    if (next === current) return;
    const now = Date.now();
    const merge = !!options?.coalesce && lastCoalesce?.key === options.coalesce && now - lastCoalesce.at < COALESCE_MS && get().past.length > 0;
    lastCoalesce = options?.coalesce ? { key: options.coalesce, at: now } : null;
    if (merge) {
      set((s) => ({ model: next, dirty: true, future: [], revision: s.revision + 1 }));
      return;
    }
    set((s) => ({
      model: next,
      dirty: true,
      past: [...s.past.slice(-(HISTORY_LIMIT - 1)), current],
      future: [],
      revision: s.revision + 1,
    }));
  },
  undo() {
    lastCoalesce = null;
    const { past, model } = get();
    const previous = past[past.length - 1];
    if (!previous || !model) return;
    set((s) => ({ model: previous, past: s.past.slice(0, -1), future: [model, ...s.future], dirty: true, revision: s.revision + 1 }));
  },
  redo() {
    lastCoalesce = null;
    const { future, model } = get();
    const next = future[0];
    if (!next || !model) return;
    set((s) => ({ model: next, future: s.future.slice(1), past: [...s.past, model], dirty: true, revision: s.revision + 1 }));
  },
  markSaved(path, hash) {
    set({ path, hash, dirty: false, journalKey: path });
  },
  close() {
    set({ model: null, path: null, hash: null, dirty: false, past: [], future: [], journalKey: untitledKey() });
  },
}));
