// Names of catalog entries by id (tactics, techniques and their sub-techniques, OWASP risks), loaded
// once from the local catalog and reloaded after a catalog update, so chips, filters and group
// headings can show "AML.T0051 LLM Prompt Injection" instead of a bare id.
import { useEffect } from 'react';
import { create } from 'zustand';
import { callOrThrow } from '../api/client';
import { useCatalogNav } from './catalog-nav';

interface NamesState {
  names: Readonly<Record<string, string>>;
  loadedFor: number | null;
  load(revision: number): Promise<void>;
}

export const useCatalogNameStore = create<NamesState>((set, get) => ({
  names: {},
  loadedFor: null,
  async load(revision) {
    if (get().loadedFor === revision) return;
    set({ loadedFor: revision });
    const names: Record<string, string> = {};
    try {
      const [matrix, owasp] = await Promise.all([callOrThrow('catalog:matrix', {}), callOrThrow('catalog:list', { type: 'owasp' })]);
      for (const tactic of matrix.tactics) {
        names[tactic.id] = tactic.name;
        for (const t of tactic.techniques) {
          names[t.id] = t.name;
          for (const s of t.subtechniques) names[s.id] = `${t.name}: ${s.name}`;
        }
      }
      for (const o of owasp.entries) names[o.id] = o.name;
      set({ names });
    } catch {
      // Without a catalog the ids are shown alone.
      set({ loadedFor: null });
    }
  },
}));

/** All known names; loads them on first use. */
export function useAllCatalogNames(): Readonly<Record<string, string>> {
  const revision = useCatalogNav((s) => s.revision);
  const names = useCatalogNameStore((s) => s.names);
  useEffect(() => {
    void useCatalogNameStore.getState().load(revision);
  }, [revision]);
  return names;
}

/** "AML.T0051 LLM Prompt Injection", or the id alone when the name is unknown. */
export function withName(id: string, names: Readonly<Record<string, string>>): string {
  const name = Object.hasOwn(names, id) ? names[id] : undefined;
  return name ? `${id} ${name}` : id;
}
