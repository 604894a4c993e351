// What a palette item carries while dragged, and adding it to the model where it lands.
import { getKind, ZONE_KINDS } from '../../../core/kinds';
import { useDocument } from '../state/document-store';
import { useSelection } from '../state/selection-store';
import { COMPONENT_SIZE, ZONE_SIZE, addComponent, addZone } from '../state/model-edits';

export const PALETTE_MIME = 'application/x-mercator-palette';

export type PaletteItem = { type: 'component' | 'zone'; kind: string };

export function encodePaletteItem(item: PaletteItem): string {
  return JSON.stringify(item);
}

/** Adds the item centered on `at` (flow coordinates) as one undoable step and selects it. */
export function addPaletteItem(item: PaletteItem, at: { x: number; y: number }): string | null {
  let created: string | null = null;
  useDocument.getState().edit((m) => {
    if (item.type === 'zone') {
      const label = (ZONE_KINDS as Record<string, { label: string }>)[item.kind]?.label ?? item.kind;
      const result = addZone(m, item.kind, label, {
        x: at.x - ZONE_SIZE.width / 2,
        y: at.y - ZONE_SIZE.height / 2,
      });
      created = result.id;
      return result.model;
    }
    const kind = getKind(item.kind);
    if (!kind) return m;
    const result = addComponent(m, kind.id, kind.label, {
      x: at.x - COMPONENT_SIZE.width / 2,
      y: at.y - COMPONENT_SIZE.height / 2,
    });
    created = result.id;
    return result.model;
  });
  if (created) useSelection.getState().select([created]);
  return created;
}

export function dropPaletteItem(raw: string, at: { x: number; y: number }) {
  try {
    const item = JSON.parse(raw) as PaletteItem;
    if ((item.type === 'component' || item.type === 'zone') && typeof item.kind === 'string')
      addPaletteItem(item, at);
  } catch {
    // Not ours: ignore.
  }
}
