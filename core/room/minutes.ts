// Minutes of a review workshop: who came, the agenda and time spent, the findings discussed with
// their estimates and spread, the decisions, the action items (owner, due) and the comments. One
// outline, written as Markdown here and as PDF by core/host/pdf/minutes.ts.
import { z } from 'zod';
import { describeSpread, estimateSpread } from './spread';

const Text = z.string().max(4000);
const Score = z.number().int().min(1).max(5);

export const MinutesSchema = z.strictObject({
  title: z.string().max(300),
  date: z.string().max(40),
  facilitator: z.string().max(200),
  attendees: z.array(z.string().max(200)).max(500),
  agenda: z.array(z.strictObject({ title: z.string().max(300), minutes: z.number().min(0).max(1000), spentSeconds: z.number().min(0).max(1e7) })).max(100),
  findings: z
    .array(
      z.strictObject({
        key: z.string().max(300),
        title: z.string().max(300),
        severity: z.string().max(32),
        subject: z.string().max(300),
        estimates: z.array(z.strictObject({ by: z.string().max(200), likelihood: Score, impact: Score })).max(200),
        decision: z
          .strictObject({ status: z.string().max(32), rationale: Text, by: z.string().max(200), at: z.string().max(40), owner: z.string().max(200), due: z.string().max(40) })
          .optional(),
      }),
    )
    .max(2000),
  comments: z.array(z.strictObject({ author: z.string().max(200), at: z.string().max(40), text: Text, finding: z.string().max(300) })).max(10_000),
});
export type Minutes = z.infer<typeof MinutesSchema>;

export interface MinutesSection {
  heading: string;
  lines?: string[];
  table?: { columns: string[]; rows: string[][] };
}

const minutesOf = (seconds: number) => `${Math.round(seconds / 60)} min`;

/** The minutes as sections of lines and tables, the same for every format. */
export function minutesOutline(m: Minutes): MinutesSection[] {
  const sections: MinutesSection[] = [];
  sections.push({ heading: 'Session', lines: [`Date: ${m.date}`, `Facilitator: ${m.facilitator || '—'}`] });
  sections.push({ heading: 'Attendees', lines: m.attendees.length ? m.attendees.map((a) => `- ${a}`) : ['No one joined the room.'] });
  sections.push({
    heading: 'Agenda',
    table: { columns: ['Item', 'Timebox', 'Time spent'], rows: m.agenda.map((a) => [a.title, `${a.minutes} min`, minutesOf(a.spentSeconds)]) },
  });
  sections.push({
    heading: 'Findings discussed',
    table: {
      columns: ['Finding', 'Severity', 'On', 'Estimates', 'Spread', 'Outliers'],
      rows: m.findings.map((f) => {
        const spread = estimateSpread(f.estimates);
        return [
          f.title,
          f.severity,
          f.subject,
          f.estimates.map((e) => `${e.by} ${e.likelihood}x${e.impact}`).join(', ') || '—',
          spread ? describeSpread(spread) : '—',
          spread?.outliers.join(', ') || '—',
        ];
      }),
    },
  });
  const decided = m.findings.filter((f) => f.decision);
  sections.push({
    heading: 'Decisions',
    table: {
      columns: ['Finding', 'Decision', 'Rationale', 'Decided by', 'When'],
      rows: decided.map((f) => [f.title, f.decision!.status, f.decision!.rationale || '—', f.decision!.by, f.decision!.at.slice(0, 16).replace('T', ' ')]),
    },
  });
  const actions = decided.filter((f) => f.decision!.owner || f.decision!.due);
  sections.push({
    heading: 'Action items',
    table: { columns: ['Finding', 'Action', 'Owner', 'Due'], rows: actions.map((f) => [f.title, f.decision!.rationale || f.decision!.status, f.decision!.owner || '—', f.decision!.due || '—']) },
  });
  const title = new Map(m.findings.map((f) => [f.key, f.title]));
  sections.push({
    heading: 'Comments',
    table: { columns: ['Who', 'On', 'Comment'], rows: m.comments.map((c) => [c.author, title.get(c.finding) ?? (c.finding || 'the session'), c.text]) },
  });
  return sections;
}

/** Table cells in Markdown: one line, pipes and markup escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1') || ' ';
}

export function minutesMarkdown(m: Minutes): string {
  const out = [`# Minutes: ${cell(m.title)}`, ''];
  for (const s of minutesOutline(m)) {
    out.push(`## ${s.heading}`, '');
    if (s.lines) out.push(...s.lines.map((l) => (l.startsWith('- ') ? `- ${cell(l.slice(2))}` : cell(l))), '');
    if (s.table) {
      if (s.table.rows.length === 0) out.push('None.', '');
      else {
        out.push(`| ${s.table.columns.join(' | ')} |`, `| ${s.table.columns.map(() => '---').join(' | ')} |`);
        for (const row of s.table.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
        out.push('');
      }
    }
  }
  return out.join('\n');
}
