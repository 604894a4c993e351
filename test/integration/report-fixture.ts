// A hand-written model + analysis for report tests and the report benchmark: deterministic, with
// markup in labels, decisions of every status, path findings, and real ATLAS / OWASP ids.
import type { Model } from '../../core/model/schema';
import { CURRENT_SCHEMA_VERSION, ModelSchema } from '../../core/model/schema';
import type { AnalysisResult, Finding, Score, Severity } from '../../core/engine/types';

const KINDS = ['user', 'client', 'application', 'llm', 'vector-store', 'tool', 'agent', 'data-store', 'training', 'model-registry'] as const;
const TECHNIQUES: Array<{ technique: string; tactics: string[]; owasp: string[] }> = [
  { technique: 'AML.T0051.000', tactics: ['AML.TA0005'], owasp: ['LLM01:2025'] },
  { technique: 'AML.T0054', tactics: ['AML.TA0012', 'AML.TA0007'], owasp: ['LLM01:2025'] },
  { technique: 'AML.T0020', tactics: ['AML.TA0003', 'AML.TA0006'], owasp: ['ML02:2023', 'LLM04:2025'] },
  { technique: 'AML.T0024', tactics: ['AML.TA0010'], owasp: ['ML03:2023'] },
  { technique: 'AML.T0057', tactics: ['AML.TA0010'], owasp: ['LLM02:2025'] },
  { technique: 'AML.T0053', tactics: ['AML.TA0005', 'AML.TA0012'], owasp: ['LLM06:2025'] },
];

export const MARKUP_LABEL = '<script>alert("x")</script> & <b>bold</b>';
export const FORMULA_OWNER = '=HYPERLINK("http://evil","click")';

function severityOf(score: number): Severity {
  return score >= 20 ? 'critical' : score >= 12 ? 'high' : score >= 6 ? 'medium' : score >= 3 ? 'low' : 'info';
}

function score(likelihood: number, impact: number): Score {
  const s = likelihood * impact;
  return { likelihood, impact, score: s, severity: severityOf(s), likelihoodFactors: [], impactFactors: [] };
}

export function makeReportFixture(componentCount = 12): { model: Model; analysis: AnalysisResult } {
  const zones = [
    { id: 'internet', kind: 'internet', label: 'Internet' },
    { id: 'cloud', kind: 'cloud', label: 'Company cloud <prod>' },
    { id: 'vendor', kind: 'third-party', label: 'Model vendor' },
  ];
  const components = Array.from({ length: componentCount }, (_, i) => ({
    id: `c${i}`,
    kind: KINDS[i % KINDS.length]!,
    label: i === 1 ? MARKUP_LABEL : `${KINDS[i % KINDS.length]} ${i}`,
    zone: zones[i % 3]!.id,
    description: i === 2 ? 'Uses **markdown** and [a link](javascript:alert(1))' : undefined,
    facts: i % 2 === 0 ? { internetFacing: true, dataClassification: 'personal' } : {},
    controls: i % 3 === 0 ? { authentication: 'present' as const } : {},
  }));
  const flows = components.slice(1).map((c, i) => ({
    id: `f${i}`,
    source: components[i]!.id,
    target: c.id,
    label: i === 0 ? '<img src=x onerror=alert(1)>' : `flow ${i}`,
  }));
  const cols = Math.max(1, Math.ceil(Math.sqrt(componentCount)));
  const boxes: Record<string, { x: number; y: number; width?: number; height?: number }> = {};
  components.forEach((c, i) => (boxes[c.id] = { x: 40 + (i % cols) * 240, y: 60 + Math.floor(i / cols) * 120 }));
  const rows = Math.ceil(componentCount / cols);
  boxes['internet'] = { x: 0, y: 0, width: cols * 240 + 40, height: rows * 120 + 60 };
  const findings: Finding[] = [];
  components.forEach((c, i) => {
    for (let k = 0; k < 3; k++) {
      const t = TECHNIQUES[(i + k) % TECHNIQUES.length]!;
      const inh = score(1 + ((i + k) % 5), 1 + ((i * 3 + k) % 5));
      const res = score(Math.max(1, inh.likelihood - (c.controls.authentication === 'present' ? 1 : 0)), inh.impact);
      findings.push({
        key: `rule-${k}@${c.id}`,
        ruleId: `rule-${k}`,
        title: k === 0 && i === 1 ? `Injection via ${MARKUP_LABEL}` : `Threat ${k} against ${c.label}`,
        category: ['prompt-injection', 'poisoning', 'exfiltration'][k]!,
        subject: { type: 'component', id: c.id, label: c.label },
        reasons: [`${c.label} is reachable from the internet.`, 'No input validation.'],
        atlas: [{ technique: t.technique, tactics: t.tactics }],
        owasp: t.owasp,
        inherent: inh,
        residual: res,
        mitigations: [
          { atlas: ['AML.M0015'], control: 'inputValidation', target: { type: 'component', id: c.id }, present: false },
          { atlas: ['AML.M0019'], control: 'authentication', target: { type: 'component', id: c.id }, present: c.controls.authentication === 'present' },
        ],
        status: 'open',
      });
    }
  });
  if (components.length > 3) {
    findings.push({
      key: `path-untrusted@${components[0]!.id}>${components[3]!.id}`,
      ruleId: 'path-untrusted',
      title: 'Untrusted content reaches the LLM',
      category: 'prompt-injection',
      subject: { type: 'path', id: `${components[0]!.id}>${components[3]!.id}`, label: `${components[0]!.label} → ${components[3]!.label}` },
      path: components.slice(0, 4).map((c) => c.id),
      reasons: ['Content from the internet flows to the LLM without validation.'],
      atlas: [{ technique: 'AML.T0051.001', tactics: ['AML.TA0005'] }],
      owasp: ['LLM01:2025'],
      inherent: score(4, 4),
      residual: score(4, 4),
      mitigations: [],
      status: 'open',
    });
  }
  const decisions: Model['decisions'] = {};
  const statuses = ['accepted', 'mitigated', 'transferred', 'not-applicable'] as const;
  findings.slice(0, 8).forEach((f, i) => {
    const status = statuses[i % statuses.length]!;
    f.status = status;
    decisions[f.key] = {
      status,
      rationale: `Decided in review #${i}: <i>risk</i> owner agreed`,
      owner: i === 0 ? FORMULA_OWNER : 'Security team',
      ...(status === 'accepted' ? { due: `2027-0${1 + i}-15` } : {}),
      ...(status === 'transferred' ? { ticket: `SEC-${100 + i}` } : {}),
      history: [],
    };
  });
  decisions['gone-rule@c0'] = { status: 'accepted', rationale: 'Old decision', owner: '', history: [] };
  const model = ModelSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { title: 'Report fixture <model>', version: '1.3 <rc>', description: 'A model for report tests.', authors: ['Ada', 'Grace'], updated: '2026-11-20', tags: ['test'] },
    zones,
    components,
    flows,
    decisions,
    layout: { boxes, flowPoints: {} },
  });
  return { model, analysis: { findings, closed: [], stale: [{ key: 'gone-rule@c0', status: 'accepted', rationale: 'Old decision' }] } };
}
