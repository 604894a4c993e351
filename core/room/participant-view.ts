// What a participant sees of the model: boxes, lines and labels for a read-only diagram. No decisions'
// owners, no file paths, nothing the page could write back.
import type { Model } from '../model/schema';

export interface ParticipantModel {
  title: string;
  zones: Array<{ id: string; label: string; x: number; y: number; width: number; height: number }>;
  components: Array<{ id: string; label: string; kind: string; x: number; y: number; width: number; height: number }>;
  flows: Array<{ id: string; source: string; target: string; label: string }>;
}

export function participantModel(model: Model): ParticipantModel {
  const box = (id: string, w: number, h: number) => {
    const b = model.layout.boxes[id];
    return { x: b?.x ?? 0, y: b?.y ?? 0, width: b?.width ?? w, height: b?.height ?? h };
  };
  return {
    title: model.meta.title,
    zones: model.zones.map((z) => ({ id: z.id, label: z.label, ...box(z.id, 420, 280) })),
    components: model.components.map((c) => ({ id: c.id, label: c.label, kind: c.kind, ...box(c.id, 176, 60) })),
    flows: model.flows.map((f) => ({ id: f.id, source: f.source, target: f.target, label: f.label })),
  };
}
