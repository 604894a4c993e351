// A generated model for the editor's benchmark and its 1,000-component end-to-end test: zones of 50
// components laid out in grids, a chain of flows through each zone and a few between zones.
import { COMPONENT_KIND_IDS, ZONE_KIND_IDS } from '../core/kinds/ids';
import { CURRENT_SCHEMA_VERSION, type ModelInput } from '../core/model/schema';

export function generateEditorModel(components: number, perZone = 50): ModelInput {
  const zones: NonNullable<ModelInput['zones']> = [];
  const list: NonNullable<ModelInput['components']> = [];
  const flows: NonNullable<ModelInput['flows']> = [];
  const boxes: Record<string, { x: number; y: number; width?: number; height?: number }> = {};
  const zoneCount = Math.ceil(components / perZone);
  const zonesPerRow = Math.ceil(Math.sqrt(zoneCount));
  const cols = 10;
  const zoneWidth = cols * 220 + 40;
  const zoneHeight = Math.ceil(perZone / cols) * 110 + 60;
  for (let z = 0; z < zoneCount; z++) {
    const id = `zone-${z}`;
    zones.push({ id, kind: ZONE_KIND_IDS[z % ZONE_KIND_IDS.length]!, label: `Zone ${z}` });
    const zx = (z % zonesPerRow) * (zoneWidth + 120);
    const zy = Math.floor(z / zonesPerRow) * (zoneHeight + 120);
    boxes[id] = { x: zx, y: zy, width: zoneWidth, height: zoneHeight };
    for (let i = 0; i < perZone && list.length < components; i++) {
      const n = list.length;
      const cid = `c${n}`;
      list.push({ id: cid, kind: COMPONENT_KIND_IDS[n % COMPONENT_KIND_IDS.length]!, label: `Component ${n}`, zone: id, facts: {}, controls: {} });
      boxes[cid] = { x: zx + 20 + (i % cols) * 220, y: zy + 50 + Math.floor(i / cols) * 110 };
      if (i > 0) flows.push({ id: `f${flows.length}`, source: `c${n - 1}`, target: cid, label: '', facts: { carries: ['prompts'] }, controls: {} });
    }
    if (z > 0) flows.push({ id: `f${flows.length}`, source: `c${(z - 1) * perZone}`, target: `c${z * perZone}`, label: 'cross-zone', facts: {}, controls: {} });
  }
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { title: `Generated model with ${components} components` },
    zones,
    components: list,
    flows,
    layout: { boxes, flowPoints: {} },
  };
}
