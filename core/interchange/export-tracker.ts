// Tracker CSV: one row per finding, for importing into an issue tracker. Columns are chosen from a
// fixed set; presets name them and map severity to priority the way Jira, Azure DevOps and GitHub
// issues expect. The finding key is the external id, so a re-export updates the same issues rather
// than creating new ones. Cells are RFC 4180-quoted and formula-safe.
import type { ReportData, RegisterEntry } from '../report/types';
import { csvCell } from '../report/escape';
import type { Severity } from '../engine/types';

export const TRACKER_COLUMNS = ['title', 'description', 'priority', 'severity', 'labels', 'external-id', 'status', 'type', 'subject', 'owner', 'due', 'score'] as const;
export type TrackerColumn = (typeof TRACKER_COLUMNS)[number];

export const TRACKER_PRESETS = ['jira', 'azure-devops', 'github'] as const;
export type TrackerPreset = (typeof TRACKER_PRESETS)[number];

interface Preset {
  headers: Partial<Record<TrackerColumn, string>>;
  columns: TrackerColumn[];
  priority: Record<Severity, string>;
  /** How labels are joined in one cell. */
  labelSeparator: string;
  type: string;
}

const PRESETS: Record<TrackerPreset, Preset> = {
  jira: {
    headers: { title: 'Summary', description: 'Description', priority: 'Priority', labels: 'Labels', 'external-id': 'External ID', type: 'Issue Type', status: 'Status', severity: 'Severity', subject: 'Component', owner: 'Assignee', due: 'Due Date', score: 'Risk Score' },
    columns: ['type', 'title', 'description', 'priority', 'labels', 'external-id'],
    priority: { critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low', info: 'Lowest' },
    labelSeparator: ' ',
    type: 'Task',
  },
  'azure-devops': {
    headers: { title: 'Title', description: 'Description', priority: 'Priority', labels: 'Tags', 'external-id': 'External ID', type: 'Work Item Type', status: 'State', severity: 'Severity', subject: 'Area', owner: 'Assigned To', due: 'Due Date', score: 'Risk Score' },
    columns: ['type', 'title', 'description', 'priority', 'severity', 'labels', 'external-id'],
    priority: { critical: '1', high: '1', medium: '2', low: '3', info: '4' },
    labelSeparator: '; ',
    type: 'Issue',
  },
  github: {
    headers: { title: 'title', description: 'body', priority: 'priority', labels: 'labels', 'external-id': 'external_id', type: 'type', status: 'state', severity: 'severity', subject: 'component', owner: 'assignee', due: 'due', score: 'score' },
    columns: ['title', 'description', 'labels', 'external-id'],
    priority: { critical: 'P0', high: 'P1', medium: 'P2', low: 'P3', info: 'P4' },
    labelSeparator: ',',
    type: 'issue',
  },
};

export interface TrackerOptions {
  preset?: TrackerPreset;
  /** Columns in order; the preset's own when absent. */
  columns?: TrackerColumn[];
}

/** Labels of a finding: ATLAS and OWASP ids, its severity and category, "mercator". */
export function trackerLabels(e: RegisterEntry): string[] {
  const clean = (s: string) => s.trim().replace(/\s+/g, '-');
  return [...new Set(['mercator', `severity:${e.residual.severity}`, ...e.atlas.map((t) => t.id), ...e.owasp.map((o) => o.id), e.category ? `category:${clean(e.category)}` : ''].filter(Boolean))];
}

/** The issue body: why the finding applies, what would close it, and where it came from. */
export function trackerDescription(e: RegisterEntry): string {
  const lines = [`${e.title} on ${e.subject.type} "${e.subject.label}"${e.path.length ? ` (path: ${e.path.join(' → ')})` : ''}.`, ''];
  if (e.reasons.length) lines.push('Why:', ...e.reasons.map((r) => `- ${r}`), '');
  const missing = e.mitigations.filter((m) => !m.present);
  if (missing.length) lines.push('Mitigations:', ...missing.map((m) => `- ${m.controlLabel} on ${m.target.label}${m.atlas.length ? ` (${m.atlas.map((a) => a.id).join(', ')})` : ''}`), '');
  const present = e.mitigations.filter((m) => m.present);
  if (present.length) lines.push('Already in place:', ...present.map((m) => `- ${m.controlLabel} on ${m.target.label}`), '');
  if (e.atlas.length) lines.push(`MITRE ATLAS: ${e.atlas.map((t) => `${t.id} ${t.name}`).join('; ')}`);
  if (e.owasp.length) lines.push(`OWASP: ${e.owasp.map((o) => `${o.id} ${o.name}`).join('; ')}`);
  lines.push(`Risk: likelihood ${e.inherent.likelihood} × impact ${e.inherent.impact} = ${e.inherent.score} (${e.inherent.severity}); residual ${e.residual.score} (${e.residual.severity}).`);
  if (e.status !== 'open') lines.push(`Decision: ${e.status}${e.rationale ? ` — ${e.rationale}` : ''}`);
  lines.push(`Mercator finding ${e.ref}, key ${e.key}`);
  return lines.join('\n');
}

export function writeTrackerCsv(report: ReportData, options: TrackerOptions = {}): string {
  const preset = PRESETS[options.preset ?? 'jira'];
  const columns = options.columns?.length ? options.columns : preset.columns;
  const value = (e: RegisterEntry, c: TrackerColumn): string | number => {
    switch (c) {
      case 'title':
        return `${e.title} — ${e.subject.label}`.slice(0, 250);
      case 'description':
        return trackerDescription(e);
      case 'priority':
        return preset.priority[e.residual.severity];
      case 'severity':
        return e.residual.severity;
      case 'labels':
        return trackerLabels(e).join(preset.labelSeparator);
      case 'external-id':
        return e.key;
      case 'status':
        return e.status;
      case 'type':
        return preset.type;
      case 'subject':
        return e.subject.label;
      case 'owner':
        return e.owner;
      case 'due':
        return e.due;
      case 'score':
        return e.residual.score;
    }
  };
  const rows: Array<Array<string | number>> = [columns.map((c) => preset.headers[c] ?? c)];
  for (const group of report.register) for (const e of group.entries) rows.push(columns.map((c) => value(e, c)));
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Parses a --columns list, or names the unknown column. */
export function parseTrackerColumns(text: string): { ok: true; columns: TrackerColumn[] } | { ok: false; message: string } {
  const columns = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = columns.find((c) => !(TRACKER_COLUMNS as readonly string[]).includes(c));
  if (unknown) return { ok: false, message: `"${unknown}" is not a tracker column; choose from ${TRACKER_COLUMNS.join(', ')}` };
  if (!columns.length) return { ok: false, message: 'name at least one column' };
  return { ok: true, columns: columns as TrackerColumn[] };
}
