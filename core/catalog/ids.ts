// Catalog id shapes, and the loose ways people type them ("T0051", "llm01", "ML05").
export const TACTIC_ID = /^AML\.TA\d{4}$/;
export const TECHNIQUE_ID = /^AML\.T\d{4}(\.\d{3})?$/;
export const SUBTECHNIQUE_ID = /^AML\.T\d{4}\.\d{3}$/;
export const MITIGATION_ID = /^AML\.M\d{4}$/;
export const CASE_STUDY_ID = /^AML\.CS\d{4}$/;
export const OWASP_LLM_ID = /^LLM\d{2}:2025$/;
export const OWASP_ML_ID = /^ML\d{2}:2023$/;

const LOOSE_ATLAS = /^(?:AML\.)?(TA|T|M|CS)(\d{4})(\.\d{3})?$/i;
const LOOSE_OWASP = /^(LLM|ML)(\d{2})(?::(\d{4}))?$/i;

/**
 * What a typed id could mean: an exact id ("AML.T0051.001") or an OWASP id prefix ("LLM01:").
 * Returns null when the text does not look like an id at all.
 */
export function normalizeIdQuery(text: string): { exact: string } | { owaspPrefix: string } | null {
  const trimmed = text.trim();
  const atlas = LOOSE_ATLAS.exec(trimmed);
  if (atlas) return { exact: `AML.${atlas[1]!.toUpperCase()}${atlas[2]}${atlas[3] ?? ''}` };
  const owasp = LOOSE_OWASP.exec(trimmed);
  if (owasp) {
    const prefix = `${owasp[1]!.toUpperCase()}${owasp[2]}`;
    return owasp[3] ? { exact: `${prefix}:${owasp[3]}` } : { owaspPrefix: `${prefix}:` };
  }
  return null;
}

export const ATLAS_SITE = 'https://atlas.mitre.org';
