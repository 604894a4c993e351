// The latest analysis of the document: findings, stale decisions and a per-subject summary that the
// canvas badges read with narrow selectors (a string per id, so a badge re-renders only on change).
import { create } from 'zustand';
import { SEVERITIES, type AnalysisResult, type Finding, type Severity } from '../../../core/engine/types';

export type AnalysisStatus = 'idle' | 'running' | 'ready' | 'unavailable' | 'error';

interface FindingsState {
  result: AnalysisResult | null;
  /** `${count}:${highestSeverity}` of open findings by component or flow id. */
  badges: Readonly<Record<string, string>>;
  status: AnalysisStatus;
  message: string | null;
  /** Problems with rule packs (bad user packs), shown in the findings panel. */
  packErrors: string[];
  /** Rule titles by rule id, from the loaded packs (names stale decisions whose finding is gone). */
  ruleTitles: Readonly<Record<string, string>>;
  setRuleTitles(titles: Record<string, string>): void;
  setResult(result: AnalysisResult): void;
  setStatus(status: AnalysisStatus, message?: string | null): void;
  setPackErrors(errors: string[]): void;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

export function isOpen(f: Finding): boolean {
  return f.status === 'open';
}

export function summarize(findings: readonly Finding[]): Record<string, string> {
  const counts = new Map<string, { count: number; severity: Severity }>();
  const add = (id: string, severity: Severity) => {
    const entry = counts.get(id);
    if (!entry) counts.set(id, { count: 1, severity });
    else {
      entry.count++;
      if (rank(severity) > rank(entry.severity)) entry.severity = severity;
    }
  };
  for (const f of findings) {
    if (!isOpen(f)) continue;
    if (f.subject.type === 'path') {
      const last = f.path?.[f.path.length - 1];
      if (last) add(last, f.residual.severity);
    } else add(f.subject.id, f.residual.severity);
  }
  const badges: Record<string, string> = {};
  for (const [id, { count, severity }] of counts) badges[id] = `${count}:${severity}`;
  return badges;
}

export const useFindings = create<FindingsState>((set) => ({
  result: null,
  badges: {},
  status: 'idle',
  message: null,
  packErrors: [],
  ruleTitles: {},
  setRuleTitles: (ruleTitles) => set({ ruleTitles }),
  setResult: (result) => set({ result, badges: summarize(result.findings), status: 'ready', message: null }),
  setStatus: (status, message = null) => set({ status, message }),
  setPackErrors: (packErrors) => set({ packErrors }),
}));
