import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { COMPONENT_KIND_GROUPS, ZONE_KINDS, getKind, type PaletteGroup } from '../../../core/kinds';
import { useDocument } from '../state/document-store';
import { KindIcon } from './KindIcon';
import { GROUP_LABELS } from './kind-style';
import { paletteHaystack, paletteMatches } from './palette-search';
import { PALETTE_MIME, addPaletteItem, encodePaletteItem, type PaletteItem } from './palette-drop';

type Entry = PaletteItem & { label: string; description: string };

const ENTRIES: Array<{ group: string; entries: Entry[] }> = [
  ...(Object.keys(COMPONENT_KIND_GROUPS) as PaletteGroup[]).map((group) => ({
    group: GROUP_LABELS[group],
    entries: COMPONENT_KIND_GROUPS[group].map((id) => {
      const kind = getKind(id);
      return {
        type: 'component' as const,
        kind: id,
        label: kind?.label ?? id,
        description: kind?.description ?? '',
      };
    }),
  })),
  {
    group: 'Trust boundaries',
    entries: Object.values(ZONE_KINDS).map((z) => ({
      type: 'zone' as const,
      kind: z.id,
      label: z.label,
      description: z.description,
    })),
  },
];

/** Every component kind and zone kind, grouped and searchable: drag onto the canvas or click to add. */
export function Palette() {
  const [query, setQuery] = useState('');
  const hasModel = useDocument((s) => !!s.model);
  const flow = useReactFlow();
  const groups = useMemo(() => {
    if (!query.trim()) return ENTRIES;
    return ENTRIES.map((g) => ({
      group: g.group,
      entries: g.entries.filter((e) => paletteMatches(query, paletteHaystack(e, g.group))),
    })).filter((g) => g.entries.length > 0);
  }, [query]);

  const addAtCenter = (item: PaletteItem) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return;
    // Stagger a little so repeated clicks do not stack boxes exactly on top of each other.
    const jitter = (useDocument.getState().model?.components.length ?? 0) % 5;
    const at = flow.screenToFlowPosition({
      x: pane.left + pane.width / 2 + jitter * 24,
      y: pane.top + pane.height / 2 + jitter * 24,
    });
    addPaletteItem(item, at);
  };

  return (
    <nav className="palette" aria-label="Palette">
      <input
        type="search"
        className="palette-search"
        placeholder="Search components…"
        aria-label="Search components"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="palette-groups">
        {groups.map((g) => (
          <section key={g.group} aria-label={g.group}>
            <h3>{g.group}</h3>
            <ul>
              {g.entries.map((e) => (
                <li key={`${e.type}:${e.kind}`}>
                  <button
                    type="button"
                    className={`palette-item palette-${e.type}`}
                    draggable={hasModel}
                    disabled={!hasModel}
                    data-testid={`palette-${e.type}-${e.kind}`}
                    aria-label={`Add ${e.type === 'zone' ? 'trust boundary' : 'component'} ${e.label}`}
                    title={e.description}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(PALETTE_MIME, encodePaletteItem(e));
                      event.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => addAtCenter(e)}
                  >
                    {e.type === 'component' ? (
                      <KindIcon kind={e.kind} />
                    ) : (
                      <span className={`zone-swatch zone-${e.kind}`} aria-hidden="true" />
                    )}
                    <span>{e.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
      </div>
    </nav>
  );
}
