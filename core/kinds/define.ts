// The shape of a component kind definition and the helper that builds its schemas.
import type { z } from 'zod';
import type { ComponentKindId, PaletteGroup } from './ids';
import { COMPONENT_FACTS, type ComponentFactId } from './facts';
import { CONTROLS, type ControlId } from './controls';
import { fieldsSchema, type FieldDef } from './fields';

export type ArchitectureLayer = 'ai-usage' | 'ai-application' | 'ai-platform';

export const ARCHITECTURE_LAYERS: Record<ArchitectureLayer, string> = {
  'ai-usage': 'AI usage',
  'ai-application': 'AI application',
  'ai-platform': 'AI platform',
};

export interface KindSpec<Id extends ComponentKindId = ComponentKindId> {
  id: Id;
  version: number;
  label: string;
  /** How a sentence names one component of this kind, where "a <label>" would not read: "training job" for Training. Default: the label. */
  noun?: string;
  group: PaletteGroup;
  /** A short emoji; the UI may map `iconName` to an SVG instead. */
  icon: string;
  iconName: string;
  layer: ArchitectureLayer;
  description: string;
  facts: readonly ComponentFactId[];
  controls: readonly ControlId[];
  /** Kind-specific defaults that differ from the fact's own default. */
  factDefaults?: Partial<Record<ComponentFactId, boolean | string | readonly string[]>>;
  /** Controls a new component of this kind starts with. */
  defaultControls?: readonly ControlId[];
}

export interface ComponentKindDefinition<Id extends ComponentKindId = ComponentKindId> extends KindSpec<Id> {
  /** Fact definitions with this kind's defaults applied. */
  factFields: Record<string, FieldDef>;
  controlFields: Record<string, FieldDef>;
  factsSchema: z.ZodType<Record<string, unknown>>;
  controlsSchema: z.ZodType<Record<string, unknown>>;
}

export function defineKind<Id extends ComponentKindId>(spec: KindSpec<Id>): ComponentKindDefinition<Id> {
  const factFields: Record<string, FieldDef> = {};
  for (const id of spec.facts) {
    const base = COMPONENT_FACTS[id] as FieldDef;
    const override = spec.factDefaults?.[id];
    factFields[id] = override === undefined ? base : ({ ...base, default: override } as FieldDef);
  }
  const controlFields: Record<string, FieldDef> = {};
  for (const id of spec.controls) {
    const c = CONTROLS[id];
    controlFields[id] = { type: 'boolean', label: c.label, help: c.help, default: spec.defaultControls?.includes(id) ?? false };
  }
  return {
    ...spec,
    factFields,
    controlFields,
    factsSchema: fieldsSchema(factFields),
    controlsSchema: fieldsSchema(controlFields),
  };
}
