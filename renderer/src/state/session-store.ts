// Session state: what is shown around the document (dialogs, notices, problems). Never saved.
import { create } from 'zustand';

export interface Problem {
  code: string;
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** A button beside the text (Undo after a delete); pressing it runs the action and closes the notice. */
  action?: { label: string; run(): void };
}

export interface RecoveryOffer {
  key: string;
  path: string | null;
  title: string;
  savedAt: string;
}

/** Why the last autosave failed (cleared by the next one that works). */
export interface AutosaveFailure {
  code: string;
  message: string;
  at: string;
}

interface SessionState {
  openDialog: boolean;
  saveAs: boolean;
  newDialog: boolean;
  problems: { title: string; problems: Problem[] } | null;
  notices: Notice[];
  /** Unsaved edits offered back: every journal entry at start-up, or the one of a model just opened. */
  recoveries: RecoveryOffer[];
  autosaveFailure: AutosaveFailure | null;
  setOpenDialog(open: boolean): void;
  setSaveAs(open: boolean): void;
  setNewDialog(open: boolean): void;
  setProblems(problems: { title: string; problems: Problem[] } | null): void;
  setRecovery(offer: RecoveryOffer | null): void;
  setRecoveries(offers: RecoveryOffer[]): void;
  removeRecovery(key: string): void;
  setAutosaveFailure(failure: AutosaveFailure | null): void;
  notify(kind: Notice['kind'], text: string, action?: Notice['action']): void;
  dismiss(id: number): void;
}

let nextNotice = 1;

export const useSession = create<SessionState>((set) => ({
  openDialog: false,
  saveAs: false,
  newDialog: false,
  problems: null,
  notices: [],
  recoveries: [],
  autosaveFailure: null,
  setOpenDialog: (openDialog) => set({ openDialog }),
  setSaveAs: (saveAs) => set({ saveAs }),
  setNewDialog: (newDialog) => set({ newDialog }),
  setProblems: (problems) => set({ problems }),
  setRecovery: (offer) => set((s) => ({ recoveries: offer ? [offer, ...s.recoveries.filter((r) => r.key !== offer.key)] : [] })),
  setRecoveries: (recoveries) => set({ recoveries }),
  removeRecovery: (key) => set((s) => ({ recoveries: s.recoveries.filter((r) => r.key !== key) })),
  setAutosaveFailure: (autosaveFailure) => set({ autosaveFailure }),
  notify(kind, text, action) {
    const id = nextNotice++;
    set((s) => ({ notices: [...s.notices.slice(-3), { id, kind, text, ...(action ? { action } : {}) }] }));
    // A notice with an action stays long enough to use it.
    if (kind === 'info') setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), action ? 12000 : 4000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
