// Accessibility audit of the editor in real Chromium, done the way an auditor would: the RAG example
// open; the inspector (model, component, flow), the findings, risk and catalog tabs, a catalog entry,
// the export dialog and the shortcut cheat sheet shown in turn; in the light theme and again in the
// dark theme.
//
// 1. Labels. Every interactive element (button, a[href], input, select, textarea, [role=button],
//    [role=tab], [role=radio], [role=option], [role=combobox], summary, anything with tabindex >= 0,
//    React Flow nodes and edges) has a non-empty accessible name. Names come from Chromium's own
//    accessibility tree (CDP Accessibility.getFullAXTree), matched to the DOM by backend node id.
// 2. Contrast (WCAG 2.x). Every visible text node, its colour against its effective background: the
//    background colours of its ancestors composited (with their opacity) over the page, >= 4.5:1, or
//    >= 3:1 for large text (>= 24 px, or >= 18.66 px and bold). The text and placeholder of text
//    fields, selects and text areas are measured the same way, and their boundary (border, or fill
//    when there is no border) must reach >= 3:1 against what surrounds them (1.4.11).
//    Skipped, and listed in the summary this file prints:
//      - text inside disabled controls: 1.4.3 exempts inactive user interface components;
//      - screen-reader-only text, clipped to nothing: nobody sees it;
//      - text over a background image or gradient: there is none in the app today; the audit lists
//        any that appears instead of guessing a colour for it.
//    Nothing is skipped for being aria-hidden: the kind monograms, heatmap axes and legends are
//    visible text people read, so they meet the same ratios.
//    Not measured: checkboxes and radio buttons (Chromium draws them itself, there is no CSS border
//    to read), and things painted beside a text's ancestors rather than under them (React Flow's
//    1-px dot grid under a flow label is measured as the canvas colour it sits on).
// 3. Keyboard. Tab from the top of the page reaches every control: the toolbar buttons, the palette
//    search and palette items, every component on the canvas, the sidebar tabs and the findings list
//    (and everything else that is tabbable); focus is always visible (the outline or box-shadow of the
//    focused element differs from its unfocused style) and the outline has >= 3:1 against what is
//    around it. A keyboard-only person adds a component from the palette, selects it on the canvas,
//    renames it and draws a flow from it in the inspector; dialogs open from the keyboard, keep focus
//    inside, close with Escape and give focus back to where it was.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { clickFlow, findingKeys, nodeIds, showFindings } from './editor-helpers';

const SHOTS = process.env.MERCATOR_A11Y_SHOTS ?? mkdtempSync(path.join(os.tmpdir(), 'mercator-a11y-'));
let app: RunningApp;
let browser: Browser;
let page: Page;
/** Counts per theme and view, printed at the end. */
const summary: string[] = [];

interface FocusInfo {
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

interface ContrastReport {
  texts: number;
  fields: number;
  offenders: string[];
  skipped: Record<string, string[]>;
}

interface Auditor {
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
function installAuditor() {
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

type AuditedWindow = { __a11y: Auditor };

/** Accessible names from Chromium's accessibility tree for every interactive element in `scope`. */
async function auditLabels(p: Page, scope: string | null): Promise<{ checked: number; offenders: string[] }> {
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

/** Labels and contrast of one screen; the counts go to the summary, the offenders are returned. */
async function audit(p: Page, what: string, scope: string | null): Promise<string[]> {
  const labels = await auditLabels(p, scope);
  const contrast = await p.evaluate((s) => (window as unknown as AuditedWindow).__a11y.contrast(s), scope);
  const skips = Object.entries(contrast.skipped).map(([why, items]) => `${items.length} ${why}`);
  summary.push(
    `${what}: ${labels.checked} interactive elements named, ${contrast.texts} texts and ${contrast.fields} fields measured` +
      (skips.length ? `; skipped ${skips.join(', ')}` : ''),
  );
  // Text over an image or gradient cannot be measured from colours: none may exist unnoticed.
  const images = (contrast.skipped['over a background image or gradient'] ?? []).map(
    (t) => `${t}: over an image or gradient, measure by hand`,
  );
  return [...labels.offenders, ...contrast.offenders, ...images];
}

async function focusInfo(): Promise<FocusInfo | null> {
  return page.evaluate(() => (window as unknown as AuditedWindow).__a11y.focused());
}

/** Presses Tab until `done` holds for the focused element (at most `limit` presses). */
async function tabUntil(done: (f: FocusInfo) => boolean, limit = 400, key = 'Tab'): Promise<FocusInfo> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focusInfo();
    if (f && done(f)) return f;
  }
  throw new Error(`${key} never reached the element (${limit} presses)`);
}

/** Clicking the brand (plain text) puts the start of sequential focus navigation at the top of the page. */
async function startAtTop() {
  await page.mouse.move(1, 1);
  await page.locator('.brand').click();
}

async function clearSelection() {
  await page.locator('.react-flow__pane').click({ position: { x: 6, y: 6 } });
}

async function closeDialog() {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

interface View {
  name: string;
  scope?: string;
  open(): Promise<void>;
  close?(): Promise<void>;
}

const VIEWS: View[] = [
  {
    name: 'model inspector',
    async open() {
      await clearSelection();
      await page.getByTestId('tab-inspector').click();
      await page.getByTestId('inspector-model').waitFor();
    },
  },
  {
    name: 'component inspector',
    async open() {
      await page.getByTestId('node-chat-api').click();
      await page.getByTestId('tab-inspector').click();
      await page.getByTestId('inspector-component').waitFor();
    },
  },
  {
    name: 'flow inspector',
    async open() {
      await clearSelection();
      await clickFlow(page, 'f5');
      await page.getByTestId('tab-inspector').click();
      await page.getByTestId('inspector-flow').waitFor();
    },
  },
  {
    name: 'findings tab',
    async open() {
      // Two decisions recorded, so that status tags and the mitigated / accepted colours show too.
      await clearSelection();
      await showFindings(page);
      const [first, second] = await findingKeys(page);
      for (const [key, status] of [
        [first, 'mitigated'],
        [second, 'accepted'],
      ] as const) {
        const item = page.locator(`[data-testid="finding"][data-key="${key}"]`);
        if ((await item.getByTestId('decision-editor').count()) === 0)
          await item.locator('.finding-head').click();
        await item.getByTestId('decision-status').selectOption(status);
      }
      await page.getByTestId('decision-editor').waitFor();
      await page.getByRole('button', { name: 'high', exact: true }).click();
    },
    async close() {
      await page.getByRole('button', { name: 'high', exact: true }).click();
    },
  },
  {
    name: 'risk tab',
    async open() {
      await page.getByTestId('tab-risk').click();
      await page.locator('.risk-atlas-cell').first().waitFor({ timeout: 10_000 });
      await page.getByLabel('Show all techniques').check();
    },
  },
  {
    name: 'catalog tab',
    async open() {
      await page.getByTestId('tab-catalog').click();
      await page.getByRole('button', { name: 'ATLAS matrix' }).click();
      await page.getByTestId('catalog-status').waitFor({ timeout: 10_000 });
      await page.locator('.cat-matrix-open').first().waitFor({ timeout: 10_000 });
      await page
        .getByRole('button', { name: /^Show \d+ sub-techniques of/ })
        .first()
        .click();
    },
  },
  {
    name: 'catalog search',
    async open() {
      await page.getByRole('combobox', { name: 'Search the catalog' }).fill('prompt injection');
      await page.getByRole('option').first().waitFor({ timeout: 10_000 });
    },
    async close() {
      await page.getByRole('combobox', { name: 'Search the catalog' }).fill('');
    },
  },
  {
    name: 'ATLAS entry',
    async open() {
      await page.locator('.cat-matrix-open[data-entry="AML.T0051"]').click();
      await page.locator('article.cat-entry[data-entry-id="AML.T0051"]').waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'OWASP entry',
    async open() {
      await page.getByRole('button', { name: 'OWASP LLM 2025' }).click();
      await page.locator('.cat-owasp-list .cat-link').first().click();
      await page.locator('article.cat-entry').waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'export dialog',
    scope: '[role="dialog"]',
    async open() {
      await page.getByTestId('toolbar-export').click();
      await page.getByRole('dialog', { name: 'Export report' }).waitFor();
    },
    close: closeDialog,
  },
  {
    name: 'shortcuts cheat sheet',
    scope: '[role="dialog"]',
    async open() {
      await clearSelection();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
    close: closeDialog,
  },
];

function auditViews(theme: 'light' | 'dark') {
  for (const view of VIEWS) {
    it(`${view.name}: labelled, with enough contrast`, async () => {
      await view.open();
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(SHOTS, `${theme}-${view.name.replace(/\W+/g, '-')}.png`) });
      const offenders = await audit(page, `${theme} / ${view.name}`, view.scope ?? null);
      await view.close?.();
      expect(offenders, `${theme} / ${view.name}`).toEqual([]);
    });
  }

  it('risk views over fixture findings of every severity and status (harness page)', async () => {
    // The RAG example has no critical, low or info findings; the harness page shows every colour.
    const harness = await openPage(browser, app);
    try {
      await harness.goto(
        `${app.origin}/catalog-harness.html?findings=400${theme === 'dark' ? '&theme=dark' : ''}#token=${app.token}`,
      );
      await harness.getByRole('region', { name: 'Risk views' }).waitFor();
      await harness.getByLabel('Show all techniques').check();
      for (const severity of ['critical', 'high', 'medium', 'low', 'info'])
        expect(
          await harness.locator(`.risk-heat-cell.risk-sev-${severity}:not(.empty)`).count(),
          severity,
        ).toBeGreaterThan(0);
      for (const state of ['exposed', 'mitigated', 'accepted', 'empty'])
        expect(await harness.locator(`.risk-atlas-cell.risk-st-${state}`).count(), state).toBeGreaterThan(0);
      await harness.evaluate(installAuditor);
      await harness.screenshot({ path: path.join(SHOTS, `${theme}-risk-harness.png`) });
      expect(
        await audit(harness, `${theme} / risk views, every severity and status`, '.risk-views'),
        `${theme} / risk harness`,
      ).toEqual([]);
      expect(pageErrors(harness)).toEqual([]);
    } finally {
      await harness.context().close();
    }
  });
}

/** Tab from the top of the page to its end: what is reached, and whether focus is visible on each. */
function tabWalk(theme: 'light' | 'dark') {
  it('Tab reaches every control, focus always visible', async () => {
    await clearSelection();
    await showFindings(page);
    await page.getByTestId('finding').first().waitFor();
    const focusedFinding = page.locator('[data-testid="finding"].focused .finding-head');
    if (await focusedFinding.count()) await focusedFinding.click();
    await startAtTop();
    const tabbables = await page.evaluate(() => (window as unknown as AuditedWindow).__a11y.markTabbables());
    await page.evaluate(() => (window as unknown as AuditedWindow).__a11y.snapshot());
    const visited: FocusInfo[] = [];
    for (let i = 0; i < tabbables.length + 50; i++) {
      await page.keyboard.press('Tab');
      const f = await focusInfo();
      if (!f || (visited.length > 0 && f.mark !== null && f.mark === visited[0]!.mark)) break;
      visited.push(f);
    }
    const reached = new Set(visited.map((f) => f.mark));
    const missed = tabbables.filter((_, i) => !reached.has(String(i)));
    const invisible = visited.filter((f) => !f.visible).map((f) => `${f.where} (${f.indicator})`);
    const faint = visited
      .filter((f) => f.outlineRatio !== null && f.outlineRatio < 3)
      .map((f) => `${f.where}: outline ${f.outlineRatio!.toFixed(2)}:1`);
    const components = await nodeIds(page);
    const findings = await page.locator('.finding-head').count();
    summary.push(
      `${theme} / Tab walk: ${visited.length} stops, ${tabbables.length} tabbable elements, ${invisible.length} without visible focus`,
    );

    expect(missed, 'tabbable but never reached with Tab').toEqual([]);
    expect(invisible, 'focus not visible').toEqual([]);
    expect(faint, 'focus outline under 3:1').toEqual([]);
    expect(visited.filter((f) => f.inToolbar).length).toBe(
      await page.locator('.toolbar button:enabled').count(),
    );
    expect(visited.some((f) => f.paletteSearch)).toBe(true);
    expect(visited.filter((f) => f.paletteItem).length).toBe(await page.locator('.palette-item').count());
    expect(
      visited
        .filter((f) => f.component)
        .map((f) => f.dataId)
        .sort(),
    ).toEqual([...components].sort());
    expect(visited.some((f) => f.tab && f.tabSelected)).toBe(true);
    expect(findings).toBeGreaterThan(0);
    expect(visited.filter((f) => f.finding).length).toBe(findings);
  });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.getByTestId('doc-title').waitFor();
  await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Open a model' }).click();
  await page.getByTestId('example-rag-support-chatbot').click();
  await page.getByTestId('node-chat-api').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid="doc-title"]')
      ?.textContent?.includes('RAG customer-support chatbot'),
  );
  await page.evaluate(installAuditor);
  if (await page.getByRole('button', { name: 'Switch to light theme' }).count())
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
});

afterAll(async () => {
  console.log(`accessibility audit (screenshots in ${SHOTS}):\n  ${summary.join('\n  ')}`);
  await browser?.close();
  await app?.stop();
});

describe('light theme', () => {
  auditViews('light');
  tabWalk('light');
});

describe('dark theme', () => {
  beforeAll(async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  });
  auditViews('dark');
  tabWalk('dark');
});

describe('keyboard only', () => {
  it('adds a component from the palette, selects it on the canvas, renames it and draws a flow from it', async () => {
    await page.getByTestId('tab-findings').click();
    await startAtTop();
    await tabUntil((f) => f.paletteSearch);
    await page.keyboard.type('guardrail');
    const item = await tabUntil((f) => f.paletteItem, 3);
    expect(item.testId).toBe('palette-component-guardrail');
    const before = await nodeIds(page);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(before.length + 1);
    const added = (await nodeIds(page)).find((id) => !before.includes(id))!;
    // Added components come selected; Escape clears the selection, to select it again from the canvas.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(0);

    await tabUntil((f) => f.dataId === added);
    await page.screenshot({ path: path.join(SHOTS, 'keyboard-focus-on-new-component.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${added}"].selected`).count()).toBe(1);

    // On to the sidebar tabs; the arrow keys move between them (and focus follows); Tab enters the form.
    await tabUntil((f) => f.tab);
    for (let i = 0; i < 4 && (await focusInfo())?.testId !== 'tab-inspector'; i++)
      await page.keyboard.press('ArrowLeft');
    expect(await focusInfo()).toMatchObject({ testId: 'tab-inspector', tabSelected: true });
    await page.keyboard.press('Tab');
    expect((await focusInfo())?.testId).toBe('inspector-label');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Output filter');
    await expect
      .poll(() => page.getByTestId(`node-${added}`).locator('.component-label').textContent())
      .toBe('Output filter');
    // The canvas node's accessible name follows the rename.
    await expect
      .poll(() => page.locator(`.react-flow__node[data-id="${added}"]`).getAttribute('aria-label'))
      .toBe('Guardrail: Output filter');

    // A flow without the mouse: choose the other end in the inspector (type-ahead), then Add flow.
    await tabUntil((f) => f.testId === 'inspector-new-flow-target', 6);
    await page.keyboard.type('Hosted');
    await expect.poll(() => page.getByTestId('inspector-new-flow-target').inputValue()).toBe('llm');
    await page.keyboard.press('Tab');
    expect((await focusInfo())?.testId).toBe('inspector-new-flow');
    await page.keyboard.press('Enter');
    await page.locator(`.react-flow__edge[data-id="${added}-to-llm"]`).waitFor();
    await page.getByTestId('inspector-flow').waitFor();
  });

  it('opens dialogs from the keyboard, keeps focus inside, closes them with Escape and gives focus back', async () => {
    // Export… from the toolbar with Enter; focus starts on the chosen format.
    await startAtTop();
    await tabUntil((f) => f.testId === 'toolbar-export', 40);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Export report' }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('pdf');
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press(key);
        const f = await focusInfo();
        expect(f?.inDialog, `${key} ×${i + 1} left the dialog for ${f?.where}`).toBe(true);
      }
    }
    await closeDialog();
    expect((await focusInfo())?.testId).toBe('toolbar-export');

    // The cheat sheet with ? from a component on the canvas.
    await tabUntil((f) => f.dataId === 'chat-api');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect((await focusInfo())?.inDialog).toBe(true);
    await closeDialog();
    expect((await focusInfo())?.dataId).toBe('chat-api');

    // Open… with Ctrl+O, and back.
    await page.keyboard.press('Control+o');
    await page.getByRole('dialog', { name: 'Open a model' }).waitFor();
    expect((await focusInfo())?.inDialog).toBe(true);
    await closeDialog();
    expect((await focusInfo())?.dataId).toBe('chat-api');
    expect(pageErrors(page)).toEqual([]);
  });
});
