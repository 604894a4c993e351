// The accessibility auditor of test/e2e/accessibility.test.ts: measurements that run in the page
// (interactive elements, WCAG contrast of texts and field borders, focus indicators), and accessible
// names read from Chromium's accessibility tree over CDP.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface FocusInfo {
  mark: string | null;
  where: string;
  testId: string | null;
  dataId: string | null;
  role: string | null;
  inToolbar: boolean;
  paletteSearch: boolean;
  paletteItem: boolean;
  component: boolean;
  tab: boolean;
  tabSelected: boolean;
  finding: boolean;
  inDialog: boolean;
  /** The focus indicator differs from the unfocused style (or, with no baseline, exists). */
  visible: boolean;
  indicator: string;
  /** Outline colour against what is around the element, when the indicator is an outline. */
  outlineRatio: number | null;
}

export interface ContrastReport {
  texts: number;
  fields: number;
  offenders: string[];
  skipped: Record<string, string[]>;
}

export interface Auditor {
  markInteractive(scope: string | null): string[];
  contrast(scope: string | null): ContrastReport;
  markTabbables(): string[];
  snapshot(): void;
  focused(): FocusInfo | null;
}

/**
 * The auditor's measurements, installed in the page and run by Chromium on the live DOM (colours as
 * computed by the browser after every cascade, variable and color-mix()).
 */
export function installAuditor() {
  type RGBA = [number, number, number, number];
  const INTERACTIVE =
    'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="radio"], [role="option"], [role="combobox"], [role="link"], [tabindex]:not([tabindex^="-"]), .react-flow__node, .react-flow__edge';
  const TABBABLE = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [tabindex]';
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  const colours = new Map<string, RGBA>();

  function parse(value: string): RGBA {
    const known = colours.get(value);
    if (known) return known;
    let out: RGBA;
    const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(
      value,
    );
    const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+)(%?))?\s*\)$/.exec(
      value,
    );
    const alpha = (a: string | undefined, pct: string | undefined) =>
      a === undefined ? 1 : Number(a) / (pct ? 100 : 1);
    if (rgb) out = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha(rgb[4], rgb[5])];
    else if (srgb)
      out = [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, alpha(srgb[4], srgb[5])];
    else {
      // Anything else (keywords, other colour spaces): let a canvas convert it.
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = value;
      probe.fillRect(0, 0, 1, 1);
      const d = probe.getImageData(0, 0, 1, 1).data;
      out = [d[0]!, d[1]!, d[2]!, d[3]! / 255];
    }
    colours.set(value, out);
    return out;
  }
  const over = (top: RGBA, base: RGBA): RGBA =>
    [0, 1, 2].map((i) => top[i]! * top[3] + base[i]! * (1 - top[3])).concat(1) as RGBA;
  const mix = (a: RGBA, b: RGBA, t: number): RGBA =>
    [0, 1, 2].map((i) => a[i]! * t + b[i]! * (1 - t)).concat(1) as RGBA;
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c: RGBA) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const ratio = (a: RGBA, b: RGBA) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = (c: RGBA) =>
    '#' + [0, 1, 2].map((i) => Math.round(c[i]!).toString(16).padStart(2, '0')).join('');

  /**
   * What is painted at a point of `el`: the background colours of its ancestors, root first, each
   * element's opacity applied to everything it contains; `fg` (text, a border, an outline) on top.
   */
  function paint(el: Element, fg: RGBA | null): { colour: RGBA; image: boolean } {
    const chain: Element[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) chain.unshift(e);
    const layers = chain.map((e) => {
      const s = getComputedStyle(e);
      return {
        bg: parse(s.backgroundColor),
        image: s.backgroundImage !== 'none',
        opacity: Number(s.opacity),
      };
    });
    let lastOpaque = 0;
    layers.forEach((l, i) => {
      if (l.bg[3] >= 1) lastOpaque = i;
    });
    const image = layers.some((l, i) => i >= lastOpaque && l.image);
    const go = (i: number, base: RGBA): RGBA => {
      if (i === layers.length) return fg ? over(fg, base) : base;
      const l = layers[i]!;
      const inner = go(i + 1, over(l.bg, base));
      return l.opacity < 1 ? mix(inner, base, l.opacity) : inner;
    };
    return { colour: go(0, [255, 255, 255, 1]), image };
  }

  function sel(e: Element): string {
    let s = e.tagName.toLowerCase();
    if (e.id) s += `#${e.id}`;
    const classes = [...e.classList].slice(0, 2);
    if (classes.length) s += `.${classes.join('.')}`;
    for (const attr of ['data-testid', 'role', 'aria-label', 'data-id']) {
      const v = e.getAttribute(attr);
      if (v) s += `[${attr}="${v.slice(0, 40)}"]`;
    }
    return s;
  }
  function where(e: Element): string {
    const parts: string[] = [];
    let n: Element | null = e;
    for (let i = 0; n && i < 3 && n !== document.body; i++, n = n.parentElement) parts.unshift(sel(n));
    return parts.join(' > ');
  }
  const visible = (e: Element) =>
    e.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  function clippedAway(e: Element): boolean {
    for (let n: Element | null = e; n; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.clip !== 'auto' && s.position === 'absolute') return true;
    }
    return false;
  }
  const large = (s: CSSStyleDeclaration) => {
    const size = Number.parseFloat(s.fontSize);
    return size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
  };

  function markInteractive(scope: string | null): string[] {
    document.querySelectorAll('[data-a11y-mark]').forEach((e) => e.removeAttribute('data-a11y-mark'));
    const root = scope ? document.querySelector(scope) : document.body;
    const out: string[] = [];
    for (const el of root?.querySelectorAll(INTERACTIVE) ?? []) {
      if (!visible(el)) continue;
      el.setAttribute('data-a11y-mark', String(out.length));
      out.push(where(el));
    }
    return out;
  }

  function contrast(scope: string | null): ContrastReport {
    const root = scope ? document.querySelector(scope) : document.body;
    const found = new Map<string, { line: string; count: number }>();
    const skipped: Record<string, string[]> = {};
    const skip = (why: string, what: string) => (skipped[why] ??= []).push(what);
    const fail = (key: string, line: string) => {
      const f = found.get(key);
      if (f) f.count++;
      else found.set(key, { line, count: 1 });
    };
    let texts = 0;
    let fields = 0;
    if (!root) return { texts, fields, offenders: [`no element matches ${scope}`], skipped };
    const measure = (el: Element, fgValue: string, what: string, need: number, detail: string) => {
      const bg = paint(el, null);
      if (bg.image) {
        skip('over a background image or gradient', what);
        return;
      }
      const fg = paint(el, parse(fgValue)).colour;
      const r = ratio(fg, bg.colour);
      if (r < need)
        fail(
          `${where(el)}|${hex(fg)}|${hex(bg.colour)}`,
          `${what}: ${r.toFixed(2)}:1 < ${need}:1 (${hex(fg)} on ${hex(bg.colour)}, ${detail})`,
        );
    };

    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      const el = node.parentElement;
      if (!text || !el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'OPTION'].includes(el.tagName))
        continue;
      if (!visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      const what = `${where(el)} “${text.slice(0, 48)}”`;
      if (el.closest(':disabled, [aria-disabled="true"]')) {
        skip('inside a disabled control (inactive components are exempt, WCAG 1.4.3)', what);
        continue;
      }
      if (clippedAway(el)) {
        skip('screen-reader-only text (clipped to nothing)', what);
        continue;
      }
      texts++;
      const s = getComputedStyle(el);
      measure(
        el,
        el instanceof SVGElement ? s.fill : s.color,
        what,
        large(s) ? 3 : 4.5,
        `${s.fontSize} ${s.fontWeight}`,
      );
    }

    for (const field of root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input, select, textarea',
    )) {
      if (
        ['checkbox', 'radio', 'hidden', 'file', 'range', 'color'].includes((field as HTMLInputElement).type)
      )
        continue;
      if (!visible(field)) continue;
      const what = `${where(field)}`;
      if (field.disabled) {
        skip('inside a disabled control (inactive components are exempt, WCAG 1.4.3)', what);
        continue;
      }
      fields++;
      const s = getComputedStyle(field);
      measure(field, s.color, `${what} text`, large(s) ? 3 : 4.5, s.fontSize);
      if ('placeholder' in field && field.placeholder) {
        measure(
          field,
          getComputedStyle(field, '::placeholder').color,
          `${what} placeholder`,
          4.5,
          s.fontSize,
        );
      }
      // 1.4.11: the field's boundary against what surrounds it (its border, or its fill).
      const around = paint(field.parentElement!, null).colour;
      const fill = ratio(paint(field, null).colour, around);
      const hasBorder = s.borderTopStyle !== 'none' && Number.parseFloat(s.borderTopWidth) > 0;
      const borderColour = paint(field, parse(s.borderTopColor)).colour;
      const border = hasBorder ? ratio(borderColour, around) : 0;
      if (Math.max(border, fill) < 3)
        fail(
          `${where(field)}|boundary|${hex(borderColour)}|${hex(around)}`,
          `${what} boundary: border ${border.toFixed(2)}:1, fill ${fill.toFixed(2)}:1 < 3:1 (border ${hex(borderColour)} on ${hex(around)})`,
        );
    }
    const offenders = [...found.values()].map((f) => (f.count > 1 ? `${f.line} (×${f.count})` : f.line));
    return { texts, fields, offenders, skipped };
  }

  const isTabbable = (el: Element) => {
    if (!(el instanceof HTMLElement || el instanceof SVGElement) || el.tabIndex < 0) return false;
    if ((el as HTMLButtonElement).disabled || el.closest('[inert]') || !visible(el)) return false;
    // Of a group of native radio buttons only the checked one is a Tab stop.
    if (
      el instanceof HTMLInputElement &&
      el.type === 'radio' &&
      !el.checked &&
      el.name &&
      document.querySelector(`input[type="radio"][name="${el.name}"]:checked`)
    )
      return false;
    return true;
  };
  function markTabbables(): string[] {
    document.querySelectorAll('[data-a11y-tab]').forEach((e) => e.removeAttribute('data-a11y-tab'));
    const out: string[] = [];
    for (const el of document.querySelectorAll(TABBABLE)) {
      if (!isTabbable(el)) continue;
      el.setAttribute('data-a11y-tab', String(out.length));
      out.push(where(el));
    }
    return out;
  }

  /** How an element looks where a focus indicator would show: outline, box-shadow, and for canvas items their box or line. */
  interface Look {
    outline: string | null;
    shadow: string;
    inner: string | null;
    stroke: RGBA | null;
    strokeWidth: number;
  }
  const outlineOf = (s: CSSStyleDeclaration) =>
    s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0 && parse(s.outlineColor)[3] > 0
      ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`
      : null;
  function look(el: Element): Look {
    const s = getComputedStyle(el);
    const child = el.classList.contains('react-flow__node') ? el.firstElementChild : null;
    const cs = child ? getComputedStyle(child) : null;
    const path = el.classList.contains('react-flow__edge')
      ? el.querySelector('.react-flow__edge-path')
      : null;
    const ps = path ? getComputedStyle(path) : null;
    return {
      outline: outlineOf(s),
      shadow: s.boxShadow,
      inner: cs ? `${outlineOf(cs) ?? 'none'} | ${cs.boxShadow}` : null,
      stroke: ps ? parse(ps.stroke) : null,
      strokeWidth: ps ? Number.parseFloat(ps.strokeWidth) : 0,
    };
  }
  /** A focus indicator people can see: an outline or shadow that was not there, or a line >= 1 px thicker or >= 3:1 different. */
  function shows(now: Look, before: Look | undefined): boolean {
    if (now.outline && now.outline !== before?.outline) return true;
    if (now.shadow !== 'none' && now.shadow !== before?.shadow) return true;
    if (now.inner && before?.inner !== undefined && now.inner !== before.inner && now.inner !== 'none | none')
      return true;
    if (now.stroke && before?.stroke)
      return now.strokeWidth >= before.strokeWidth + 1 || ratio(now.stroke, before.stroke) >= 3;
    return false;
  }
  const baseline = new WeakMap<Element, Look>();
  function snapshot() {
    for (const el of document.querySelectorAll(TABBABLE))
      if (el !== document.activeElement) baseline.set(el, look(el));
  }

  function focused(): FocusInfo | null {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const s = getComputedStyle(el);
    const now = look(el);
    let outlineRatio: number | null = null;
    if (now.outline) {
      const around = Number.parseFloat(s.outlineOffset) < 0 ? el : (el.parentElement ?? el);
      outlineRatio = ratio(paint(around, parse(s.outlineColor)).colour, paint(around, null).colour);
    }
    return {
      mark: el.getAttribute('data-a11y-tab'),
      where: where(el),
      testId: el.getAttribute('data-testid'),
      dataId: el.getAttribute('data-id'),
      role: el.getAttribute('role'),
      inToolbar: !!el.closest('.toolbar'),
      paletteSearch: el.matches('.palette-search'),
      paletteItem: el.matches('.palette-item'),
      component: el.matches('.react-flow__node-component'),
      tab: el.getAttribute('role') === 'tab',
      tabSelected: el.getAttribute('aria-selected') === 'true',
      finding: el.matches('.finding-head'),
      inDialog: !!el.closest('[role="dialog"]'),
      visible: shows(now, baseline.get(el)),
      indicator: JSON.stringify(now),
      outlineRatio,
    };
  }

  (window as unknown as AuditedWindow).__a11y = {
    markInteractive,
    contrast,
    markTabbables,
    snapshot,
    focused,
  };
}

export type AuditedWindow = { __a11y: Auditor };

/** Accessible names from Chromium's accessibility tree for every interactive element in `scope`. */
export async function auditLabels(
  p: Page,
  scope: string | null,
): Promise<{ checked: number; offenders: string[] }> {
  const described = await p.evaluate(
    (s) => (window as unknown as AuditedWindow).__a11y.markInteractive(s),
    scope,
  );
  const cdp = await p.context().newCDPSession(p);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const marks = new Map<number, number>();
    type DomNode = typeof root;
    const visit = (n: DomNode) => {
      const attrs = n.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2)
        if (attrs[i] === 'data-a11y-mark') marks.set(n.backendNodeId, Number(attrs[i + 1]));
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) visit(c);
    };
    visit(root);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byBackend = new Map(
      nodes.filter((n) => n.backendDOMNodeId !== undefined).map((n) => [n.backendDOMNodeId!, n]),
    );
    const offenders: string[] = [];
    for (const [backend, mark] of marks) {
      const ax = byBackend.get(backend);
      const name = String(ax?.name?.value ?? '').trim();
      if (!ax || ax.ignored)
        offenders.push(`${described[mark]}: focusable or interactive but hidden from the accessibility tree`);
      else if (!name)
        offenders.push(`${described[mark]}: no accessible name (role ${String(ax.role?.value)})`);
    }
    expect(marks.size).toBe(described.length);
    return { checked: marks.size, offenders };
  } finally {
    await cdp.detach();
  }
}
