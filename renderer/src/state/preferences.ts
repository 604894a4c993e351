// Session preferences kept in localStorage (never in the model): theme and recent files.
import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const THEME_KEY = 'mercator.theme';
const RECENT_KEY = 'mercator.recent';
const RECENT_LIMIT = 8;

export interface RecentFile {
  path: string;
  title: string;
  openedAt: string;
}

function read<T>(key: string, fallback: T, check: (value: unknown) => value is T): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return check(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

const isTheme = (v: unknown): v is Theme => v === 'light' || v === 'dark';
const isRecentList = (v: unknown): v is RecentFile[] =>
  Array.isArray(v) && v.every((r) => r && typeof r === 'object' && typeof (r as RecentFile).path === 'string' && typeof (r as RecentFile).title === 'string');

function initialTheme(): Theme {
  const stored = read<Theme | null>(THEME_KEY, null, (v): v is Theme | null => isTheme(v));
  if (stored) return stored;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface PreferencesState {
  theme: Theme;
  recent: RecentFile[];
  toggleTheme(): void;
  addRecent(path: string, title: string): void;
  removeRecent(path: string): void;
}

export const usePreferences = create<PreferencesState>((set, get) => ({
  theme: initialTheme(),
  recent: read(RECENT_KEY, [], isRecentList).slice(0, RECENT_LIMIT),
  toggleTheme() {
    const theme = get().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, JSON.stringify(theme));
    set({ theme });
  },
  addRecent(path, title) {
    const recent = [{ path, title, openedAt: new Date().toISOString() }, ...get().recent.filter((r) => r.path !== path)].slice(0, RECENT_LIMIT);
    localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
    set({ recent });
  },
  removeRecent(path) {
    const recent = get().recent.filter((r) => r.path !== path);
    localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
    set({ recent });
  },
}));
