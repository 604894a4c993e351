// The rule-pack format (docs/rules.md): rules are data read by typed matchers, never code. A bad
// pack gets errors that name the file, the rule and the field.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { checkPackShape, checkPackSize } from './rule-pack-guard';
import { COMPONENT_KIND_IDS, isComponentKindId, isZoneKindId } from '../kinds/ids';
import { kindDeclaresFact } from '../kinds/registry';
import { COMPONENT_FACTS } from '../kinds/facts';
import { CONTROLS } from '../kinds/controls';
import { FLOW_FACTS } from '../kinds/flow-facts';
import type { FieldDef } from '../kinds/fields';

export const RULE_TYPES = ['component', 'flow', 'boundary', 'path'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

const ATLAS_TECHNIQUE = /^AML\.T\d{4}(\.\d{3})?$/;
const ATLAS_MITIGATION = /^AML\.M\d{4}$/;
const OWASP_ID = /^(LLM(0[1-9]|10):2025|ML(0[1-9]|10):2023)$/;

/** One id or a list of ids, each checked by `problem` (a message, or null when fine); always a list after parsing. */
function oneOrMany(problem: (value: string) => string | null) {
  return z
    .union([z.string(), z.array(z.string()).min(1)])
    .check((ctx) => {
      const list = Array.isArray(ctx.value) ? ctx.value : [ctx.value];
      list.forEach((v, i) => {
        const message = problem(v);
        if (message) ctx.issues.push({ code: 'custom', input: v, path: Array.isArray(ctx.value) ? [i] : [], message });
      });
    })
    .transform((v) => (Array.isArray(v) ? v : [v]));
}
const KindId = oneOrMany((v) => (isComponentKindId(v) ? null : `"${v}" is not a component kind`));
const ZoneKind = oneOrMany((v) => (isZoneKindId(v) ? null : `"${v}" is not a zone kind`));
const ControlIdSchema = z.string().check((ctx) => {
  if (!Object.hasOwn(CONTROLS, ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: `"${ctx.value}" is not a control Mercator knows` });
});

const Condition = z.union([z.boolean(), z.string().min(1), z.array(z.string().min(1)).min(1)]);
export type Condition = z.infer<typeof Condition>;

/** fact id → condition, checked against the field definitions (ids, option values, types). */
function factConditions(fields: Record<string, FieldDef>, what: string) {
  return z.record(z.string(), Condition).check((ctx) => {
    for (const [id, wanted] of Object.entries(ctx.value)) {
      const def = Object.hasOwn(fields, id) ? fields[id] : undefined;
      if (!def) {
        ctx.issues.push({ code: 'custom', input: id, path: [id], message: `"${id}" is not a ${what} fact` });
        continue;
      }
      if (def.type === 'boolean') {
        if (typeof wanted !== 'boolean') ctx.issues.push({ code: 'custom', input: wanted, path: [id], message: 'expected true or false' });
        continue;
      }
      const values = typeof wanted === 'boolean' ? null : Array.isArray(wanted) ? wanted : [wanted];
      if (values === null) {
        ctx.issues.push({ code: 'custom', input: wanted, path: [id], message: 'expected an option or a list of options' });
        continue;
      }
      const allowed = def.options.map((o) => o.value);
      for (const v of values) {
        if (!allowed.includes(v)) ctx.issues.push({ code: 'custom', input: v, path: [id], message: `"${v}" is not an option (${allowed.join(', ')})` });
      }
    }
  });
}

export const ComponentMatchSchema = z.strictObject({
  kind: KindId.optional(),
  notKind: KindId.optional(),
  zone: ZoneKind.optional(),
  /** Every condition must hold. */
  facts: factConditions(COMPONENT_FACTS, 'component').optional(),
  /** At least one condition must hold. */
  anyFacts: factConditions(COMPONENT_FACTS, 'component').optional(),
  /** Reachable along flows from an internet-facing component or the internet zone. */
  reachableFromInternet: z.boolean().optional(),
  /** A model is involved: it is an LLM, inference API or agent, or a flow connects it to one. */
  usesModel: z.boolean().optional(),
});
export type ComponentMatch = z.infer<typeof ComponentMatchSchema>;

const FlowMatchFacts = z.strictObject({
  facts: factConditions(FLOW_FACTS as unknown as Record<string, FieldDef>, 'flow').optional(),
  anyFacts: factConditions(FLOW_FACTS as unknown as Record<string, FieldDef>, 'flow').optional(),
});

const FlowMatch = z.strictObject({
  source: ComponentMatchSchema.optional(),
  target: ComponentMatchSchema.optional(),
  flow: FlowMatchFacts.optional(),
});

const BoundaryMatch = FlowMatch.extend({ minTrustGap: z.number().int().min(1).max(4).default(1) });

const PathMatch = z.strictObject({
  /** Untrusted origins: any of these. */
  from: z.array(ComponentMatchSchema).min(1),
  to: ComponentMatchSchema,
  /** Only follow flows that carry one of these (flows that declare nothing are followed). */
  carries: z.array(z.string()).min(1).optional(),
});

const ControlRef = z.strictObject({
  control: ControlIdSchema,
  on: z.enum(['subject', 'flow', 'source', 'target', 'origin', 'sink', 'path']).default('subject'),
  effect: z.enum(['closes', 'lowers']).default('lowers'),
  atlas: z.array(z.string().regex(ATLAS_MITIGATION, 'an ATLAS mitigation id looks like AML.M0015')).optional(),
});
export type ControlRef = z.infer<typeof ControlRef>;

const ALLOWED_ON: Record<RuleType, readonly string[]> = {
  component: ['subject'],
  flow: ['flow', 'source', 'target'],
  boundary: ['flow', 'source', 'target'],
  path: ['origin', 'sink', 'path'],
};
const DEFAULT_ON: Record<RuleType, ControlRef['on']> = { component: 'subject', flow: 'flow', boundary: 'flow', path: 'sink' };

const RuleBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a rule id is kebab-case (a-z, 0-9, -)').max(80),
  title: z.string().min(1).max(200),
  category: z.string().min(1).max(80),
  description: z.string().max(2000).optional(),
  atlas: z.array(z.string().regex(ATLAS_TECHNIQUE, 'an ATLAS technique id looks like AML.T0051 or AML.T0051.001')).default([]),
  owasp: z.array(z.string().regex(OWASP_ID, 'an OWASP id looks like LLM01:2025 or ML01:2023')).default([]),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  controls: z.array(ControlRef).min(1, 'name at least one control that closes or lowers the finding'),
};

export const RuleSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...RuleBase, type: z.literal('component'), match: ComponentMatchSchema }),
  z.strictObject({ ...RuleBase, type: z.literal('flow'), match: FlowMatch }),
  z.strictObject({ ...RuleBase, type: z.literal('boundary'), match: BoundaryMatch }),
  z.strictObject({ ...RuleBase, type: z.literal('path'), match: PathMatch }),
]);
export type Rule = z.infer<typeof RuleSchema>;
export type ComponentRule = Extract<Rule, { type: 'component' }>;
export type FlowRule = Extract<Rule, { type: 'flow' }>;
export type BoundaryRule = Extract<Rule, { type: 'boundary' }>;
export type PathRule = Extract<Rule, { type: 'path' }>;

export const RulePackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a pack id is kebab-case'),
  name: z.string().min(1).max(200),
  version: z.number().int().min(1),
  description: z.string().max(2000).optional(),
  rules: z.array(RuleSchema),
});
export type RulePack = z.infer<typeof RulePackSchema>;

export type ParseResult = { ok: true; pack: RulePack } | { ok: false; errors: string[] };

function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
}

function issueMessages(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => {
    const where = describePath(issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_union' && where.endsWith('type')) message = `type must be one of ${RULE_TYPES.join(', ')}`;
    return `${prefix}${where ? where + ': ' : ''}${message}`;
  });
}

/** Validates a pack object; `fileName` prefixes every error. */
export function validateRulePack(value: unknown, fileName: string): ParseResult {
  const top = z.looseObject({ rules: z.array(z.unknown()) }).safeParse(value);
  if (!top.success) return { ok: false, errors: issueMessages(top.error, `${fileName}: `) };
  const errors: string[] = [];
  const seen = new Set<string>();
  top.data.rules.forEach((raw, i) => {
    const id = raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : `#${i + 1}`;
    const prefix = `${fileName}: rule "${id}": `;
    if (raw !== null && typeof raw === 'object' && !RULE_TYPES.includes((raw as { type?: never }).type ?? ('' as never))) {
      errors.push(`${prefix}type: must be one of ${RULE_TYPES.join(', ')}`);
      return;
    }
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...issueMessages(parsed.error, prefix));
      return;
    }
    if (seen.has(parsed.data.id)) errors.push(`${prefix}id: used by another rule in this pack`);
    seen.add(parsed.data.id);
    parsed.data.controls.forEach((c, j) => {
      if (!ALLOWED_ON[parsed.data.type].includes(c.on) && !(c.on === 'subject' && isDefaultOn(raw, j))) {
        errors.push(`${prefix}controls[${j}].on: "${c.on}" does not apply to a ${parsed.data.type} rule (use ${ALLOWED_ON[parsed.data.type].join(', ')})`);
      }
    });
  });
  if (errors.length > 0) return { ok: false, errors };
  const pack = RulePackSchema.safeParse(value);
  if (!pack.success) return { ok: false, errors: issueMessages(pack.error, `${fileName}: `) };
  for (const rule of pack.data.rules) for (const c of rule.controls) if (c.on === 'subject') c.on = DEFAULT_ON[rule.type];
  return { ok: true, pack: pack.data };
}

function isDefaultOn(raw: unknown, index: number): boolean {
  const controls = (raw as { controls?: Array<{ on?: unknown }> }).controls;
  return controls?.[index]?.on === undefined;
}

/** Parses YAML (or JSON) rule-pack text. */
export function parseRulePack(text: string, fileName: string): ParseResult {
  const tooBig = checkPackSize(text.length, fileName);
  if (tooBig) return { ok: false, errors: [tooBig] };
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 100, prettyErrors: true });
  } catch (error) {
    return { ok: false, errors: [`${fileName}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [`${fileName}: a rule pack is a mapping with id, name, version and rules`] };
  }
  const shape = checkPackShape(value, fileName);
  if (shape.length > 0) return { ok: false, errors: shape };
  return validateRulePack(value, fileName);
}

/** Checks the pack's ATLAS and OWASP ids against a catalog's ids (host side, where the catalog is read). */
export function checkPackIds(pack: RulePack, fileName: string, known: { techniques: ReadonlySet<string>; mitigations: ReadonlySet<string>; owasp: ReadonlySet<string> }): string[] {
  const errors: string[] = [];
  for (const rule of pack.rules) {
    const prefix = `${fileName}: rule "${rule.id}": `;
    rule.atlas.forEach((t, i) => {
      if (!known.techniques.has(t)) errors.push(`${prefix}atlas[${i}]: "${t}" is not an ATLAS technique in the catalog`);
    });
    rule.owasp.forEach((o, i) => {
      if (!known.owasp.has(o)) errors.push(`${prefix}owasp[${i}]: "${o}" is not an OWASP entry in the catalog`);
    });
    rule.controls.forEach((c, i) =>
      (c.atlas ?? []).forEach((m, j) => {
        if (!known.mitigations.has(m)) errors.push(`${prefix}controls[${i}].atlas[${j}]: "${m}" is not an ATLAS mitigation in the catalog`);
      }),
    );
  }
  return errors;
}

/** Every component condition of a rule with the field path it sits at (`match`, `match.source`, `match.from[0]` …). */
export function componentConditions(rule: Rule): Array<{ field: string; match: ComponentMatch }> {
  switch (rule.type) {
    case 'component':
      return [{ field: 'match', match: rule.match }];
    case 'flow':
    case 'boundary': {
      const out: Array<{ field: string; match: ComponentMatch }> = [];
      if (rule.match.source) out.push({ field: 'match.source', match: rule.match.source });
      if (rule.match.target) out.push({ field: 'match.target', match: rule.match.target });
      return out;
    }
    case 'path':
      return [...rule.match.from.map((match, i) => ({ field: `match.from[${i}]`, match })), { field: 'match.to', match: rule.match.to }];
  }
}


/**
 * Conditions on facts that a kind does not declare. The inspector only offers a kind's own facts and
 * the engine gives an undeclared fact no value, so a condition on it never holds (not even `false`):
 * - a condition that lists kinds: each listed kind must declare every fact named in `facts` and
 *   `anyFacts`, or that kind (that branch of `anyFacts`) can never match;
 * - a condition that lists none: its `facts` pick the kinds that declare them, so some kind (outside
 *   `notKind`) must declare them all, and each `anyFacts` fact must be declared by one of those.
 * One message per problem, naming the file, the rule and the field. Loaders report them as warnings.
 */
/** The kinds a condition can match: its `kind` list, or every kind outside `notKind` that declares all its `facts`. */
export function kindsMatching(match: ComponentMatch | undefined): readonly string[] {
  if (match?.kind) return match.kind;
  const facts = Object.keys(match?.facts ?? {});
  return COMPONENT_KIND_IDS.filter((k) => !match?.notKind?.includes(k) && facts.every((fact) => kindDeclaresFact(k, fact)));
}

export function checkPackFacts(pack: RulePack, fileName: string): string[] {
  const problems: string[] = [];
  for (const rule of pack.rules) {
    const prefix = `${fileName}: rule "${rule.id}": `;
    for (const { field, match } of componentConditions(rule)) {
      const facts = Object.keys(match.facts ?? {});
      const anyFacts = Object.keys(match.anyFacts ?? {});
      if (match.kind) {
        for (const [group, ids] of [['facts', facts], ['anyFacts', anyFacts]] as const) {
          for (const fact of ids) {
            const lacking = match.kind.filter((k) => !kindDeclaresFact(k, fact));
            if (lacking.length > 0) {
              const kinds = lacking.map((k) => `"${k}"`).join(', ');
              problems.push(`${prefix}${field}.${group}.${fact}: ${lacking.length === 1 ? `the kind ${kinds} does` : `the kinds ${kinds} do`} not have this fact, so the condition never holds for ${lacking.length === 1 ? 'it' : 'them'}`);
            }
          }
        }
        continue;
      }
      const pool = kindsMatching(match);
      if (pool.length === 0) {
        problems.push(`${prefix}${field}.facts: no component kind${match.notKind ? ' outside notKind' : ''} has all of ${facts.map((f) => `"${f}"`).join(', ')}, so the condition never holds`);
        continue;
      }
      for (const fact of anyFacts) {
        if (!pool.some((k) => kindDeclaresFact(k, fact))) {
          problems.push(`${prefix}${field}.anyFacts.${fact}: no component kind${match.notKind ? ' outside notKind' : ''}${facts.length > 0 ? ` that has ${facts.map((f) => `"${f}"`).join(', ')}` : ''} also has this fact, so it never holds`);
        }
      }
    }
  }
  return problems;
}
