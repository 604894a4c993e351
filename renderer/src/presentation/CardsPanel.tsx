// Question cards for the component under discussion: the kind's own deck (answers set its facts
// and controls) and, once imported, PLOT4ai cards filtered by lifecycle phase and AI type (answers
// are kept as comments). Who answered goes with every answer.
import { useMemo, useState } from 'react';
import { answerCard, deckFor, noteImportedAnswer, type Card, type CardAnswer } from '../../../core/room/cards';
import { PLOT4AI_AI_TYPES, PLOT4AI_ATTRIBUTION, PLOT4AI_PHASES, filterPlot4ai, parsePlot4aiDeck, type Plot4aiCard } from '../../../core/room/plot4ai';
import { controlState } from '../../../core/model/schema';
import { useDocument } from '../state/document-store';
import { useSession } from '../state/session-store';
import { usePresentation } from './presentation-store';

let importedDeck: Plot4aiCard[] = [];

function Answers({ onAnswer, label }: { onAnswer: (a: CardAnswer) => void; label: string }) {
  return (
    <span className="answers" role="group" aria-label={`Answer: ${label}`}>
      <button onClick={() => onAnswer('yes')}>Yes</button>
      <button onClick={() => onAnswer('no')}>No</button>
      <button onClick={() => onAnswer('unknown')}>Don’t know</button>
    </span>
  );
}

export function CardsPanel({ componentId: initial }: { componentId: string | null }) {
  const components = useDocument((s) => s.model?.components ?? []);
  const facilitator = usePresentation((s) => s.facilitator);
  const attendees = usePresentation((s) => s.attendees);
  const [picked, setPicked] = useState<string | null>(null);
  const componentId = picked ?? initial ?? components[0]?.id ?? null;
  const component = components.find((c) => c.id === componentId);
  const [by, setBy] = useState('');
  const who = by || facilitator;
  const [deck, setDeck] = useState<Plot4aiCard[]>(importedDeck);
  const [phase, setPhase] = useState('Design');
  const [aiType, setAiType] = useState('Generative');
  const cards = useMemo(() => (component ? deckFor(component.kind) : []), [component]);
  const imported = useMemo(() => filterPlot4ai(deck, { phase, aiType }), [deck, phase, aiType]);
  if (!component) return null;
  const state = (card: Card) => {
    if (card.target.type === 'control') {
      const s = controlState(component.controls, card.target.id);
      return s === 'not-recorded' ? 'not recorded' : s;
    }
    const v = component.facts[card.target.id];
    return v === undefined ? 'not recorded' : v ? 'yes' : 'no';
  };
  const answer = (card: Card, a: CardAnswer) =>
    useDocument.getState().edit((m) => answerCard(m, component.id, card, a, who, new Date().toISOString()));
  const answerImported = (card: Plot4aiCard, a: CardAnswer) => {
    const verdict = a === 'unknown' ? 'open question' : a === card.threatIf ? 'the threat applies' : 'the threat does not apply';
    const text = `PLOT4ai card "${card.label}" (${card.category}): "${card.question}" answered ${a === 'unknown' ? "don't know" : a} by ${who}: ${verdict}.`;
    useDocument.getState().edit((m) => noteImportedAnswer(m, component.id, text, who, new Date().toISOString()));
  };
  const importDeck = async (file: File | undefined) => {
    if (!file) return;
    try {
      importedDeck = parsePlot4aiDeck(await file.text());
      setDeck(importedDeck);
    } catch (error) {
      useSession.getState().notify('error', error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section className="cards-panel" aria-label="Question cards" data-testid="cards-panel">
      <div className="row">
        <label>
          Cards for{' '}
          <select value={component.id} onChange={(e) => setPicked(e.target.value)} data-testid="cards-component">
            {components.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label || c.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          answered by{' '}
          <select value={who} onChange={(e) => setBy(e.target.value)} data-testid="cards-by">
            {[facilitator, ...attendees.filter((a) => a !== facilitator)].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      </div>
      <ol className="cards">
        {cards.map((card) => (
          <li key={card.id} data-testid="card" data-card={card.id}>
            <span className="card-q">{card.question}</span> <span className="muted" data-testid="card-state">({state(card)})</span>
            <Answers label={card.question} onAnswer={(a) => answer(card, a)} />
          </li>
        ))}
      </ol>
      <details className="plot4ai">
        <summary>PLOT4ai cards {deck.length > 0 ? `(${imported.length} of ${deck.length})` : ''}</summary>
        <label>
          Import deck.json from the PLOT4ai library <input type="file" accept=".json,application/json" onChange={(e) => void importDeck(e.target.files?.[0])} data-testid="plot4ai-file" />
        </label>
        {deck.length > 0 && (
          <>
            <div className="row">
              <label>
                Phase{' '}
                <select value={phase} onChange={(e) => setPhase(e.target.value)} data-testid="plot4ai-phase">
                  {PLOT4AI_PHASES.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
              </label>
              <label>
                AI type{' '}
                <select value={aiType} onChange={(e) => setAiType(e.target.value)} data-testid="plot4ai-aitype">
                  {PLOT4AI_AI_TYPES.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              </label>
            </div>
            <p className="muted">{PLOT4AI_ATTRIBUTION}</p>
            <ol className="cards" data-testid="plot4ai-cards">
              {imported.map((card) => (
                <li key={card.id}>
                  <strong>{card.label}</strong> <span className="card-q">{card.question}</span>
                  <Answers label={card.question} onAnswer={(a) => answerImported(card, a)} />
                </li>
              ))}
            </ol>
          </>
        )}
      </details>
    </section>
  );
}
