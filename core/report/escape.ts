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
    .replace(/\r?\n/g, ' ')
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    // An ordered-list marker: escape its dot or parenthesis (a backslash before a digit is printed as is).
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}

/**
 * One CSV cell (RFC 4180), neutralised against spreadsheet formula injection: a cell that starts with
 * = + - @ (or tab / carriage return) gets a leading apostrophe so spreadsheets show it as text.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

export function severityLabel(severity: string): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

export function statusLabel(status: string): string {
  return status === 'not-applicable' ? 'Not applicable' : severityLabel(status);
}
