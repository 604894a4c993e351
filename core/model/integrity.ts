// Cross-reference checks the schema cannot express: unique ids, known kinds, flows and zones that
// point at existing elements, no zone cycles.
import type { Model } from './schema';
import type { ModelError, ModelWarning } from './errors';
import { toPointer } from './errors';
import { isComponentKindId, isZoneKindId } from '../kinds/ids';

export interface IntegrityOptions {
  isKnownComponentKind?: (kind: string) => boolean;
  isKnownZoneKind?: (kind: string) => boolean;
}

export function checkIntegrity(
  model: Model,
  options: IntegrityOptions = {},
): { errors: ModelError[]; warnings: ModelWarning[] } {
  const knownKind = options.isKnownComponentKind ?? isComponentKindId;
  const knownZoneKind = options.isKnownZoneKind ?? isZoneKindId;
  const errors: ModelError[] = [];
  const warnings: ModelWarning[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, pointer: string) => {
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({
        code: 'E_DUPLICATE_ID',
        pointer,
        message: `the id "${id}" is already used at ${first}; every component, flow and zone needs its own id`,
      });
    } else seen.set(id, pointer);
  };

  const zoneIds = new Set(model.zones.map((z) => z.id));
  const componentIds = new Set(model.components.map((c) => c.id));
  const flowIds = new Set(model.flows.map((f) => f.id));

  model.zones.forEach((zone, i) => {
    claim(zone.id, toPointer(['zones', i, 'id']));
    if (!knownZoneKind(zone.kind)) {
      errors.push({
        code: 'E_UNKNOWN_KIND',
        pointer: toPointer(['zones', i, 'kind']),
        message: `"${zone.kind}" is not a trust-boundary kind Mercator knows`,
      });
    }
    if (zone.parent !== undefined && !zoneIds.has(zone.parent)) {
      errors.push({
        code: 'E_DANGLING_ZONE',
        pointer: toPointer(['zones', i, 'parent']),
        message: `zone "${zone.id}" is inside "${zone.parent}", which does not exist`,
      });
    }
  });
  model.components.forEach((component, i) => {
    claim(component.id, toPointer(['components', i, 'id']));
    if (!knownKind(component.kind)) {
      errors.push({
        code: 'E_UNKNOWN_KIND',
        pointer: toPointer(['components', i, 'kind']),
        message: `"${component.kind}" is not a component kind Mercator knows (component "${component.id}")`,
      });
    }
    if (component.zone !== undefined && !zoneIds.has(component.zone)) {
      errors.push({
        code: 'E_DANGLING_ZONE',
        pointer: toPointer(['components', i, 'zone']),
        message: `component "${component.id}" is in zone "${component.zone}", which does not exist`,
      });
    }
  });
  model.flows.forEach((flow, i) => {
    claim(flow.id, toPointer(['flows', i, 'id']));
    for (const end of ['source', 'target'] as const) {
      if (!componentIds.has(flow[end])) {
        errors.push({
          code: 'E_DANGLING_FLOW',
          pointer: toPointer(['flows', i, end]),
          message: `flow "${flow.id}" ${end === 'source' ? 'starts at' : 'ends at'} "${flow[end]}", which is not a component in this model`,
        });
      }
    }
  });

  // Zone cycles (a zone that is, through parents, inside itself).
  const parentOf = new Map(model.zones.map((z) => [z.id, z.parent]));
  model.zones.forEach((zone, i) => {
    const visited = new Set<string>();
    let cursor: string | undefined = zone.id;
    while (cursor !== undefined) {
      if (visited.has(cursor)) {
        errors.push({
          code: 'E_ZONE_CYCLE',
          pointer: toPointer(['zones', i, 'parent']),
          message: `zone "${zone.id}" ends up inside itself through its parents`,
        });
        break;
      }
      visited.add(cursor);
      cursor = parentOf.get(cursor);
    }
  });

  for (const id of Object.keys(model.layout.boxes)) {
    if (!componentIds.has(id) && !zoneIds.has(id)) {
      warnings.push({
        code: 'W_LAYOUT_ORPHAN',
        pointer: toPointer(['layout', 'boxes', id]),
        message: `layout for "${id}" was dropped: no component or zone has that id`,
      });
    }
  }
  for (const id of Object.keys(model.layout.flowPoints)) {
    if (!flowIds.has(id)) {
      warnings.push({
        code: 'W_LAYOUT_ORPHAN',
        pointer: toPointer(['layout', 'flowPoints', id]),
        message: `bend points for "${id}" were dropped: no flow has that id`,
      });
    }
  }
  return { errors, warnings };
}
