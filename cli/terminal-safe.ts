// Everything the CLI prints passes through here: control characters from model text (C0 other than
// newline and tab, DEL, C1, and so ESC and CSI) are shown as \u001b-style escapes, never sent raw to a
// terminal, where they could retitle the window, clear the screen or disguise a link. The escape form
// is also valid inside a JSON string, so JSON output stays parseable.

// eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
