// Escaping of user text for each text format: labels are data, never markup.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Markdown: backslash-escape what CommonMark / GFM could read as inline syntax or a table cell end,
 * HTML-escape < and &, flatten line breaks, and escape a leading block marker (# + - > 1. 1)).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]|~!]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    // An ordered-list marker: escape its dot or parenthesis (a backslash before a digit is printed as is).
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
    // No live links: renderers turn "scheme://…", "www.…", bare domains and e-mail addresses into links
    // by themselves (GFM autolinks, linkify). An escaped slash, dot or @ prints the same and links nothing.
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/(\w)\.(?=[A-Za-z])/g, '$1\\.')
    .replace(/@/g, '\\@');
}

/**
 * A cell a spreadsheet could read as a formula: one starting with = + - @ (or tab / carriage return),
 * also after leading spaces or line breaks, and their full-width forms (＝ ＋ － ＠), which some
 * spreadsheets normalise to the ASCII ones.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/**
 * One CSV cell (RFC 4180), neutralised against spreadsheet formula injection: a cell that could be
 * read as a formula gets a leading apostrophe so spreadsheets show it as text.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

export function severityLabel(severity: string): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

export function statusLabel(status: string): string {
  return status === 'not-applicable' ? 'Not applicable' : severityLabel(status);
}
