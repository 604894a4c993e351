// Editor session preferences (not saved in the model): snap to grid, shortcut sheet.
import { create } from 'zustand';

interface EditorPrefs {
  snapToGrid: boolean;
  shortcutsOpen: boolean;
  toggleSnap(): void;
  setShortcutsOpen(open: boolean): void;
}

export const useEditorPrefs = create<EditorPrefs>((set) => ({
  snapToGrid: localStorage.getItem('mercator.snap') !== 'false',
  shortcutsOpen: false,
  toggleSnap: () =>
    set((s) => {
      localStorage.setItem('mercator.snap', String(!s.snapToGrid));
      return { snapToGrid: !s.snapToGrid };
    }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
}));
