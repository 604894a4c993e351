// Checks a parsed rule pack before its schema is applied: no key that could reach an object's
// prototype (__proto__, constructor, prototype) anywhere, and limits on size, nesting and counts, so
// a pack cannot quietly change what a rule matches or take the app down. Errors name the file, the
// rule and the field.

export const MAX_PACK_BYTES = 1024 * 1024;
export const MAX_RULES_PER_PACK = 1_000;
export const MAX_PACK_FILES = 200;
export const MAX_PACK_DEPTH = 24;
export const MAX_PACK_NODES = 100_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function checkPackSize(bytes: number, fileName: string): string | null {
  return bytes > MAX_PACK_BYTES
    ? `${fileName}: the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a rule pack may be at most ${MAX_PACK_BYTES / 1024 / 1024} MB`
    : null;
}

function ruleLabel(rules: unknown, index: number): string {
  const rule = Array.isArray(rules) ? (rules[index] as { id?: unknown } | undefined) : undefined;
  return rule && typeof rule === 'object' && typeof rule.id === 'string' ? `rule "${rule.id.slice(0, 100)}"` : `rule #${index + 1}`;
}

/** Problems with the shape of a parsed pack, each `file: rule "id": field: message`; empty when none. */
export function checkPackShape(value: unknown, fileName: string): string[] {
  const errors: string[] = [];
  let nodes = 0;
  const rules = value !== null && typeof value === 'object' ? (value as { rules?: unknown }).rules : undefined;
  if (Array.isArray(rules) && rules.length > MAX_RULES_PER_PACK) {
    errors.push(`${fileName}: rules: ${rules.length} rules; a pack may hold at most ${MAX_RULES_PER_PACK}`);
  }
  const where = (path: string[]): string => {
    if (path[0] === 'rules' && path.length >= 2) {
      const field = path.slice(2).join('.');
      return `${ruleLabel(rules, Number(path[1]))}: ${field || '(the rule)'}`;
    }
    return path.join('.') || '(the pack)';
  };
  const walk = (node: unknown, path: string[]): boolean => {
    if (++nodes > MAX_PACK_NODES) {
      errors.push(`${fileName}: the pack has more than ${MAX_PACK_NODES} values`);
      return false;
    }
    if (node === null || typeof node !== 'object') return true;
    if (path.length > MAX_PACK_DEPTH) {
      errors.push(`${fileName}: ${where(path)}: nested more than ${MAX_PACK_DEPTH} levels deep`);
      return false;
    }
    if (!Array.isArray(node)) {
      const proto = Object.getPrototypeOf(node) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        errors.push(`${fileName}: ${where(path)}: a "__proto__" key is not allowed`);
        return true;
      }
    }
    for (const key of Reflect.ownKeys(node)) {
      const name = String(key);
      if (FORBIDDEN_KEYS.has(name)) {
        errors.push(`${fileName}: ${where([...path, name])}: the key "${name}" is not allowed`);
        continue;
      }
      if (!walk((node as Record<string, unknown>)[name], [...path, name])) return false;
    }
    return true;
  };
  walk(value, []);
  return errors;
}
