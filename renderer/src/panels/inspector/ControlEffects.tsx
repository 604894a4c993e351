// Under each control of a component or flow: the findings it closes or lowers there (from each
// finding's mitigation advice), and those it already closes when present.
import { useMemo } from 'react';
import type { Finding } from '../../../../core/engine/types';
import { useFindings } from '../../state/findings-store';
import { useSelection } from '../../state/selection-store';
import { findingSubjectIds } from '../../state/finding-filter';

export interface ControlEffect {
  closes: Finding[];
  lowers: Finding[];
  closed: Finding[];
}

/** Effects of every control on one element, by control id. */
export function controlEffects(findings: readonly Finding[], closed: readonly Finding[], targetId: string): Map<string, ControlEffect> {
  const effects = new Map<string, ControlEffect>();
  const of = (control: string) => effects.get(control) ?? effects.set(control, { closes: [], lowers: [], closed: [] }).get(control)!;
  for (const f of findings) {
    for (const m of f.mitigations) {
      if (m.target.id !== targetId) continue;
      if (f.closedBy?.some((c) => c.control === m.control && c.target.id === targetId)) continue;
      (m.effect === 'closes' ? of(m.control).closes : of(m.control).lowers).push(f);
    }
  }
  for (const f of [...findings, ...closed]) {
    for (const c of f.closedBy ?? []) if (c.target.id === targetId && !of(c.control).closed.includes(f)) of(c.control).closed.push(f);
  }
  return effects;
}

export function useControlEffects(targetId: string): Map<string, ControlEffect> {
  const result = useFindings((s) => s.result);
  return useMemo(() => {
    const closed = (result as { closed?: Finding[] } | null)?.closed ?? [];
    return controlEffects(result?.findings ?? [], closed, targetId);
  }, [result, targetId]);
}

function FindingLink({ finding }: { finding: Finding }) {
  return (
    <button type="button" className="link" onClick={() => useSelection.getState().focusFinding(finding.key, findingSubjectIds(finding))}>
      {finding.title}
    </button>
  );
}

export function ControlEffectList({ effect, name }: { effect: ControlEffect | undefined; name: string }) {
  if (!effect || effect.closes.length + effect.lowers.length + effect.closed.length === 0) return null;
  const rows: Array<[string, Finding[], string]> = [
    ['Closes', effect.closes, 'closes'],
    ['Lowers', effect.lowers, 'lowers'],
    ['Closed by it', effect.closed, 'closed'],
  ];
  return (
    <ul className="control-effects" data-testid={`control-effects-${name}`}>
      {rows.map(([verb, list, key]) =>
        list.length > 0 ? (
          <li key={key} data-effect={key}>
            {verb}
            {list.length === 1 ? ': ' : ` ${list.length} findings: `}
            {list.map((f, i) => (
              <span key={f.key}>
                {i > 0 && ', '}
                <FindingLink finding={f} />
              </span>
            ))}
          </li>
        ) : null,
      )}
    </ul>
  );
}
