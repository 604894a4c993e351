// XML for imports (Microsoft Threat Modeling Tool files), read with a namespace-aware, non-validating
// parser (saxes) that never loads external entities. A document type declaration is refused outright:
// it is where entity bombs and external entities live, and no model format Mercator reads needs one.
// Depth and element count are capped so hostile files fail fast and small.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { lineAndColumn } from '../model/json-guard';
import type { ImportProblem } from './types';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI. */
  uri: string;
  /** Attributes by local name ("type" for i:type, "nil" for i:nil). */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export const MAX_XML_DEPTH = 128;
export const MAX_XML_ELEMENTS = 2_000_000;

export interface XmlOptions {
  /** Elements (local names, below the root) whose content is skipped: not kept in the tree. */
  skip?: ReadonlySet<string>;
  maxDepth?: number;
  maxElements?: number;
}

class XmlRefusal extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

/** The first `<!DOCTYPE` or `<!ENTITY` outside comments, or -1. */
function findDeclaration(text: string): number {
  const re = /<!(DOCTYPE|ENTITY)\b|<!--/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '<!--') {
      const end = text.indexOf('-->', m.index + 4);
      if (end === -1) return -1;
      re.lastIndex = end + 3;
      continue;
    }
    return m.index;
  }
  return -1;
}

export function parseXml(text: string, options: XmlOptions = {}): { ok: true; root: XmlElement } | { ok: false; error: ImportProblem } {
  const declaration = findDeclaration(text);
  if (declaration !== -1) {
    const { line, column } = lineAndColumn(text, declaration);
    return {
      ok: false,
      error: {
        code: 'E_XML_DTD',
        pointer: '',
        line,
        column,
        message: `the file declares a document type or entities (<!DOCTYPE …>); Mercator refuses these in imports because they can expand without limit or read other files`,
      },
    };
  }
  const maxDepth = options.maxDepth ?? MAX_XML_DEPTH;
  const maxElements = options.maxElements ?? MAX_XML_ELEMENTS;
  const skip = options.skip ?? new Set<string>();
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let skipping = 0;
  let count = 0;
  const refuse = (code: ImportProblem['code'], message: string): never => {
    throw new XmlRefusal({ code, pointer: '', line: parser.line, column: parser.column, message });
  };
  parser.on('doctype', () => refuse('E_XML_DTD', 'the file declares a document type (<!DOCTYPE …>); Mercator refuses these in imports'));
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (++count > maxElements) refuse('E_TOO_LARGE', `the file has more than ${maxElements.toLocaleString('en')} elements`);
    if (stack.length + skipping >= maxDepth) refuse('E_TOO_DEEP', `elements are nested more than ${maxDepth} deep`);
    if (skipping > 0 || (stack.length > 0 && skip.has(tag.local))) {
      skipping++;
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs[a.local] = a.value;
    const el: XmlElement = { name: tag.local, uri: tag.uri, attrs, children: [], text: '', line: parser.line };
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    if (skipping > 0) skipping--;
    else stack.pop();
  });
  const onText = (t: string) => {
    if (skipping === 0 && stack.length) stack[stack.length - 1]!.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlRefusal) return { ok: false, error: error.problem };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'E_XML_SYNTAX', pointer: '', line: parser.line, column: parser.column, message: `the XML is not well formed: ${message}` } };
  }
  if (!root) return { ok: false, error: { code: 'E_XML_SYNTAX', pointer: '', message: 'the XML has no root element' } };
  return { ok: true, root };
}

export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => el?.children.find((c) => c.name === name);
export const children = (el: XmlElement | undefined, name: string): XmlElement[] => el?.children.filter((c) => c.name === name) ?? [];
export const textOf = (el: XmlElement | undefined): string => (el && el.attrs.nil !== 'true' ? el.text.trim() : '');
