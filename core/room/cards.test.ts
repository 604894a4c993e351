import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listKinds } from '../kinds/registry';
import { createEmptyModel, controlState, type Model } from '../model/schema';
import { CONTROL_QUESTIONS, DECK_SIZE, answerCard, deckFor } from './cards';
import { filterPlot4ai, parsePlot4aiDeck } from './plot4ai';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function modelWithLlm(): Model {
  const m = createEmptyModel('Cards');
  return { ...m, components: [{ id: 'llm', kind: 'llm', label: 'LLM', facts: {}, controls: { rateLimiting: 'present' } }] } as Model;
}

describe('question cards', () => {
  it('give every kind a short deck about its own facts and controls', () => {
    for (const kind of listKinds()) {
      const deck = deckFor(kind.id);
      expect(deck.length, kind.id).toBeGreaterThan(0);
      expect(deck.length, kind.id).toBeLessThanOrEqual(DECK_SIZE);
      for (const card of deck) {
        if (card.target.type === 'fact') expect(kind.facts, `${kind.id}: ${card.id}`).toContain(card.target.id);
        else expect(kind.controls, `${kind.id}: ${card.id}`).toContain(card.target.id);
        expect(card.question).toMatch(/\?$/);
      }
      expect(new Set(deck.map((c) => c.id)).size).toBe(deck.length);
    }
    expect(deckFor('no-such-kind')).toEqual([]);
  });

  it('set a control present or absent, or leave it not recorded, and record who answered', () => {
    const deck = deckFor('llm');
    const card = deck.find((c) => c.target.type === 'control' && c.target.id === 'rateLimiting')!;
    expect(card.question).toBe(CONTROL_QUESTIONS.rateLimiting);
    const at = '2026-12-02T15:00:00.000Z';
    const no = answerCard(modelWithLlm(), 'llm', card, 'no', 'Ana', at);
    expect(controlState(no.components[0]!.controls, 'rateLimiting')).toBe('absent');
    const yes = answerCard(no, 'llm', card, 'yes', 'Ben', at);
    expect(controlState(yes.components[0]!.controls, 'rateLimiting')).toBe('present');
    const unknown = answerCard(yes, 'llm', card, 'unknown', 'Chen', at);
    expect(controlState(unknown.components[0]!.controls, 'rateLimiting')).toBe('not-recorded');
    expect(unknown.comments).toHaveLength(1);
    expect(unknown.comments[0]!.subject).toEqual({ type: 'component', id: 'llm' });
    expect(unknown.comments[0]!.messages.map((m) => [m.author, m.text.endsWith(`answered ${m.author === 'Ana' ? 'no' : m.author === 'Ben' ? 'yes' : "don't know"} by ${m.author}.`)])).toEqual([
      ['Ana', true],
      ['Ben', true],
      ['Chen', true],
    ]);
  });

  it('set a fact true or false, or clear it', () => {
    const card = deckFor('llm').find((c) => c.target.type === 'fact')!;
    const id = card.target.id;
    const yes = answerCard(modelWithLlm(), 'llm', card, 'yes', 'Ana', '2026-12-02');
    expect(yes.components[0]!.facts[id]).toBe(true);
    expect(answerCard(yes, 'llm', card, 'no', 'Ana', '2026-12-02').components[0]!.facts[id]).toBe(false);
    expect(id in answerCard(yes, 'llm', card, 'unknown', 'Ana', '2026-12-02').components[0]!.facts).toBe(false);
    expect(() => answerCard(yes, 'nope', card, 'yes', 'Ana', '2026-12-02')).toThrow('There is no component "nope"');
  });
});

describe('PLOT4ai deck import', () => {
  const text = readFileSync(path.join(ROOT, '..', 'shared', 'catalog-sources', 'plot4ai', 'deck.json'), 'utf8');
  it('reads every card of the deck and filters by phase and AI type', () => {
    const cards = parsePlot4aiDeck(text);
    const raw = JSON.parse(text) as Array<{ cards: Array<{ phases: string[]; aitypes: string[] }> }>;
    const all = raw.flatMap((d) => d.cards);
    expect(cards).toHaveLength(all.length);
    const expected = all.filter((c) => c.phases.includes('Deploy') && c.aitypes.includes('Traditional')).length;
    expect(filterPlot4ai(cards, { phase: 'Deploy', aiType: 'Traditional' })).toHaveLength(expected);
    expect(filterPlot4ai(cards, { phase: 'Deploy', aiType: 'Traditional' }).length).toBeLessThan(cards.length);
    expect(filterPlot4ai(cards, {})).toHaveLength(cards.length);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(cards.every((c) => c.threatIf === 'yes' || c.threatIf === 'no')).toBe(true);
  });
  it('names what is wrong with a file that is not a deck', () => {
    expect(() => parsePlot4aiDeck('{')).toThrow(/not JSON/);
    expect(() => parsePlot4aiDeck('[{"category":"x","cards":[{"label":"a","question":"q","threatif":"Maybe","phases":[],"aitypes":[]}]}]')).toThrow(/at \/0\/cards\/0\/threatif/);
  });
});
