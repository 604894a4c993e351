// Session state of the editor: what is selected, which finding is highlighted on the canvas, which
// sidebar tab is open and how the findings are filtered. Never saved in the model.
import { create } from 'zustand';
import type { FindingFilter } from './finding-filter';

export type SidebarTab = 'inspector' | 'findings' | 'risk' | 'changes' | 'catalog';

interface SelectionState {
  selected: ReadonlySet<string>;
  /** Ids lit up on the canvas by the focused finding (its component, flow or path). */
  highlighted: ReadonlySet<string>;
  focusedFinding: string | null;
  tab: SidebarTab;
  filter: FindingFilter;
  select(ids: Iterable<string>): void;
  focusFinding(key: string | null, ids?: Iterable<string>): void;
  setTab(tab: SidebarTab): void;
  setFilter(filter: FindingFilter): void;
}

const EMPTY: ReadonlySet<string> = new Set();

export const useSelection = create<SelectionState>((set, get) => ({
  selected: EMPTY,
  highlighted: EMPTY,
  focusedFinding: null,
  tab: 'inspector',
  filter: {},
  select(ids) {
    const next = new Set(ids);
    const current = get().selected;
    if (next.size === current.size && [...next].every((id) => current.has(id))) return;
    set({ selected: next.size ? next : EMPTY });
  },
  focusFinding(key, ids = []) {
    const highlighted = new Set(ids);
    set({ focusedFinding: key, highlighted: highlighted.size ? highlighted : EMPTY });
  },
  setTab: (tab) => set({ tab }),
  setFilter: (filter) => set({ filter }),
}));
