// Report and interchange calls: exports (PDF, Markdown, HTML, CSV, JSON, SARIF, Navigator) and imports
// (Threat Dragon, CycloneDX ML-BOM). Add each call's name to ../names.ts too.
export const reportCalls = {} as const;
