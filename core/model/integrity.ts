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
  checkReviewAndEditorRecords(model, { zoneIds, componentIds, flowIds }, errors, warnings);
  return { errors, warnings };
}

/** Threats, views and comments (formats 4 and 6) point at elements that exist; their ids are unique in their list. */
function checkReviewAndEditorRecords(
  model: Model,
  ids: { zoneIds: ReadonlySet<string>; componentIds: ReadonlySet<string>; flowIds: ReadonlySet<string> },
  errors: ModelError[],
  warnings: ModelWarning[],
): void {
  const exists = (type: string, id: string) =>
    type === 'component' ? ids.componentIds.has(id) : type === 'flow' ? ids.flowIds.has(id) : type === 'zone' ? ids.zoneIds.has(id) : true;
  const uniqueIn = (list: ReadonlyArray<{ id: string }>, name: string, what: string) => {
    const first = new Map<string, number>();
    list.forEach((item, i) => {
      const at = first.get(item.id);
      if (at === undefined) first.set(item.id, i);
      else errors.push({ code: 'E_DUPLICATE_ID', pointer: toPointer([name, i, 'id']), message: `the ${what} id "${item.id}" is already used at /${name}/${at}` });
    });
  };
  uniqueIn(model.threats, 'threats', 'threat');
  uniqueIn(model.comments, 'comments', 'comment');
  uniqueIn(model.views, 'views', 'view');
  uniqueIn(model.baselines, 'baselines', 'baseline');
  model.threats.forEach((threat, i) => {
    if (!exists(threat.subject.type, threat.subject.id)) {
      errors.push({
        code: 'E_DANGLING_SUBJECT',
        pointer: toPointer(['threats', i, 'subject', 'id']),
        message: `threat "${threat.id}" is on ${threat.subject.type} "${threat.subject.id}", which does not exist`,
      });
    }
  });
  model.views.forEach((view, i) => {
    view.members.forEach((member, j) => {
      if (!ids.componentIds.has(member) && !ids.zoneIds.has(member)) {
        errors.push({
          code: 'E_DANGLING_SUBJECT',
          pointer: toPointer(['views', i, 'members', j]),
          message: `view "${view.name}" shows "${member}", which is not a component or zone in this model`,
        });
      }
    });
  });
  model.comments.forEach((thread, i) => {
    if (!exists(thread.subject.type, thread.subject.id)) {
      warnings.push({
        code: 'W_COMMENT_ORPHAN',
        pointer: toPointer(['comments', i, 'subject', 'id']),
        message: `comment thread "${thread.id}" is about ${thread.subject.type} "${thread.subject.id}", which no longer exists; it is kept`,
      });
    }
  });
}
