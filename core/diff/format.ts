// A ModelDiff as plain text (terminals, git) and as Markdown (reports, pull requests).
import type { ElementChange, FieldChange, FindingRef, ModelDiff } from './types';
import { isEmptyDiff } from './diff';

/** Fields whose values are words of the product (kinds, ids, states), printed without quotes. */
const BARE = /^(controls\.|kind$|zone$|parent$|source$|target$|reviewStatus$)/;

function value(field: string, v: unknown): string {
  if (v === undefined) return field.startsWith('controls.') ? 'not recorded' : '(none)';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.join(', ');
  if (typeof v === 'string' && BARE.test(field)) return v;
  if (typeof v === 'string') return v === '' ? '(empty)' : JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}…` : v);
  return String(v);
}

export function describeField(c: FieldChange): string {
  if (c.field === 'description' || c.field === 'methodology' || c.field === 'scope' || c.field === 'assumptions' || c.field === 'exclusions') {
    return `${c.field} edited`;
  }
  return `${c.field}: ${value(c.field, c.before)} → ${value(c.field, c.after)}`;
}

const elementLine = (e: ElementChange) => `${e.type} ${e.id} "${e.label}"`;
const findingLine = (f: FindingRef) => `${f.severity.padEnd(8)} ${f.title} — ${f.subject} [${f.key}]`;

/** Sections of the diff as lines, shared by the text, Markdown and report writers. */
export function diffSections(diff: ModelDiff): Array<{ title: string; lines: string[] }> {
  const out: Array<{ title: string; lines: string[] }> = [];
  const add = (title: string, lines: string[]) => lines.length > 0 && out.push({ title, lines });
  add('Model', diff.meta.map((c) => `~ ${describeField(c)}`));
  add(
    'Architecture',
    diff.elements.map((e) =>
      e.change === 'added' ? `+ added ${elementLine(e)}` : e.change === 'removed' ? `- removed ${elementLine(e)}` : `~ changed ${elementLine(e)}: ${e.fields.map(describeField).join('; ')}`,
    ),
  );
  const f = diff.findings;
  add('Findings', [
    ...f.new.map((x) => `+ new       ${findingLine(x)}`),
    ...f.resolved.map((x) => `- resolved  ${findingLine(x)}`),
    ...f.closed.map((x) => `✓ closed    ${findingLine(x)} by ${x.by.map((b) => `${b.label} on ${b.targetLabel}`).join(', ')}`),
    ...f.reopened.map((x) => `! reopened  ${findingLine(x)}`),
    ...f.severityChanged.map((x) => `~ severity  ${x.before} → ${findingLine(x)}`),
  ]);
  add('Decisions', [
    ...diff.decisions.changed.map((d) =>
      d.change === 'added'
        ? `+ decided ${d.key}: ${d.after}`
        : d.change === 'removed'
          ? `- removed decision ${d.key} (was ${d.before})`
          : `~ ${d.key}: ${d.before === d.after ? d.after : `${d.before} → ${d.after}`} (${d.fields.join(', ')} changed)`,
    ),
    ...diff.decisions.stale.map((s) => `? stale ${s.key}: its finding is gone (decision ${s.status} kept)`),
  ]);
  add(
    'Catalog and rule packs',
    diff.versions.map((v) => `~ ${v.what} ${v.id}: ${v.before ?? '(none)'} → ${v.after ?? '(none)'}`),
  );
  const c = diff.comments;
  if (c.added + c.resolved + c.replies > 0) add('Comments', [`${c.added} new thread(s), ${c.resolved} resolved, ${c.replies} repl${c.replies === 1 ? 'y' : 'ies'}`]);
  add(
    'Layout only (no change to the threat model)',
    diff.layout.map((l) => `${l.type} ${l.id} "${l.label}" ${l.what}`),
  );
  return out;
}

/** One line per change, grouped by section; "No changes." when there are none. */
export function diffToText(diff: ModelDiff, heading?: string): string {
  const out: string[] = heading ? [heading, ''] : [];
  if (isEmptyDiff(diff)) return [...out, 'No changes.'].join('\n');
  for (const s of diffSections(diff)) out.push(s.title, ...s.lines.map((l) => `  ${l}`), '');
  out.push(summaryLine(diff));
  return out.join('\n');
}

/** "3 architecture changes, 2 new findings (1 high), …" */
export function summaryLine(diff: ModelDiff): string {
  const f = diff.findings;
  const parts = [
    `${diff.elements.length} architecture change(s)`,
    `${f.new.length} new finding(s)`,
    `${f.resolved.length} resolved`,
    `${f.closed.length} closed by a control`,
    `${f.severityChanged.length} severity change(s)`,
    `${diff.decisions.changed.length} decision change(s)`,
    `${diff.decisions.stale.length} stale`,
    `${diff.layout.length} layout-only`,
  ];
  return parts.join(', ') + '.';
}

const md = (s: string) => s.replace(/\\/g, '\\\\').replace(/([|*_`<>[\]#])/g, '\\$1').replace(/[\r\n]+/g, ' ');

/** Markdown: one `###` heading per section with a bullet list (level of the top heading is the caller's). */
export function diffToMarkdown(diff: ModelDiff, headingLevel = 3): string {
  if (isEmptyDiff(diff)) return 'No changes.';
  const hashes = '#'.repeat(headingLevel);
  const out: string[] = [md(summaryLine(diff)), ''];
  for (const s of diffSections(diff)) {
    out.push(`${hashes} ${s.title}`, '');
    for (const line of s.lines) out.push(`- ${md(line.replace(/^[+\-~✓!?] /, '').replace(/ {2,}/g, ' '))}`);
    out.push('');
  }
  return out.join('\n').trimEnd();
}
