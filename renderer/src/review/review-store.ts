// Review session state (never saved in the model): the user's display name (a preference kept in
// localStorage, asked for once), the comparison with the latest signed-off baseline, and whether the
// canvas tints what changed since it.
import { create } from 'zustand';
import type { BaselineCheck } from '../../../core/review/baseline';
import type { ModelDiff } from '../../../core/diff/types';

const NAME_KEY = 'mercator.displayName';

function readName(): string {
  try {
    const raw = localStorage.getItem(NAME_KEY);
    const value: unknown = raw === null ? '' : JSON.parse(raw);
    return typeof value === 'string' ? value.slice(0, 200) : '';
  } catch {
    return '';
  }
}

export interface ElementTint {
  change: 'added' | 'changed';
}

export interface RemovedGhost {
  id: string;
  label: string;
  type: 'component' | 'zone';
  box: { x: number; y: number; width: number; height: number };
}

interface ReviewState {
  displayName: string;
  /** Set while the "What is your name?" dialog is open: called with the name once it is given. */
  askingName: ((name: string) => void) | null;
  setDisplayName(name: string): void;
  /** Calls `then` with the user's name, asking for it first when none is set yet. */
  withName(then: (name: string) => void): void;
  cancelAsk(): void;

  /** One result per baseline of the open model, oldest first. */
  checks: BaselineCheck[];
  /** What changed since the latest intact baseline (null when there is none). */
  diff: ModelDiff | null;
  /** Keys of open findings that are new since the latest baseline. */
  newKeys: ReadonlySet<string>;
  tints: Readonly<Record<string, ElementTint['change']>>;
  ghosts: RemovedGhost[];
  tintCanvas: boolean;
  setComparison(next: Pick<ReviewState, 'checks' | 'diff' | 'newKeys' | 'tints' | 'ghosts'>): void;
  setTintCanvas(on: boolean): void;
}

export const useReview = create<ReviewState>((set, get) => ({
  displayName: readName(),
  askingName: null,
  setDisplayName(name) {
    const clean = name.trim().slice(0, 200);
    localStorage.setItem(NAME_KEY, JSON.stringify(clean));
    set({ displayName: clean });
  },
  withName(then) {
    const name = get().displayName;
    if (name) then(name);
    else
      set({
        askingName: (given) => {
          get().setDisplayName(given);
          set({ askingName: null });
          then(get().displayName);
        },
      });
  },
  cancelAsk: () => set({ askingName: null }),

  checks: [],
  diff: null,
  newKeys: new Set(),
  tints: {},
  ghosts: [],
  tintCanvas: false,
  setComparison: (next) => set(next),
  setTintCanvas: (tintCanvas) => set({ tintCanvas }),
}));
