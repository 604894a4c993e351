// Session state of the catalog browser: which entry is shown, the way back, and which list the home
// view shows. Never saved. The findings panel opens entries with openCatalogEntry('AML.T0051.001').
import { create } from 'zustand';

export type CatalogHome = 'matrix' | 'llm-2025' | 'ml-2023';

export interface CatalogNavState {
  open: boolean;
  /** The entry shown, or null for the home view (matrix or an OWASP list). */
  entryId: string | null;
  /** Entries shown before this one, oldest first ('' stands for the home view). */
  history: string[];
  home: CatalogHome;
  /** Bumped after a catalog update so views fetch again. */
  revision: number;
  openCatalogEntry(id: string): void;
  back(): void;
  closeCatalog(): void;
  openCatalog(): void;
  showHome(home: CatalogHome): void;
  catalogChanged(): void;
}

const HISTORY_LIMIT = 200;

function pushed(history: string[], current: string | null): string[] {
  const next = [...history, current ?? ''];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

export const useCatalogNav = create<CatalogNavState>()((set, get) => ({
  open: false,
  entryId: null,
  history: [],
  home: 'matrix',
  revision: 0,
  openCatalogEntry(id) {
    const { entryId, history, open } = get();
    if (open && entryId === id) return;
    // Opening from outside (a closed browser) starts a fresh trail.
    set({ open: true, entryId: id, history: open ? pushed(history, entryId) : [] });
  },
  back() {
    const { history } = get();
    if (history.length === 0) {
      set({ entryId: null });
      return;
    }
    const previous = history[history.length - 1]!;
    set({ entryId: previous === '' ? null : previous, history: history.slice(0, -1) });
  },
  closeCatalog() {
    set({ open: false });
  },
  openCatalog() {
    set({ open: true });
  },
  showHome(home) {
    const { entryId, history } = get();
    set({ home, entryId: null, history: entryId === null ? history : pushed(history, entryId) });
  },
  catalogChanged() {
    set((s) => ({ revision: s.revision + 1 }));
  },
}));
