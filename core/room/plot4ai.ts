// Reads a PLOT4ai deck (deck.json from github.com/PLOT4ai/plot4ai-library, CC BY-SA 4.0) that the
// user chose at run time. Its text is never bundled with Mercator: the cards live in memory for the
// session, filtered by lifecycle phase and AI type.
import { z } from 'zod';

export const PLOT4AI_ATTRIBUTION = 'PLOT4ai – Practical Library Of Threats 4 Artificial Intelligence (plot4.ai), CC BY-SA 4.0';
export const PLOT4AI_PHASES = ['Design', 'Input', 'Model', 'Output', 'Deploy', 'Monitor'] as const;
export const PLOT4AI_AI_TYPES = ['Traditional', 'Generative'] as const;

const Text = z.string().max(20_000);
const CardSchema = z.object({
  label: Text,
  question: Text,
  threatif: z.enum(['Yes', 'No']),
  phases: z.array(z.string().max(40)).max(20),
  aitypes: z.array(z.string().max(40)).max(10),
  explanation: Text.optional(),
});
const DeckSchema = z.array(z.object({ category: z.string().max(200), cards: z.array(CardSchema).max(1000) })).min(1).max(50);

export interface Plot4aiCard {
  id: string;
  category: string;
  label: string;
  question: string;
  /** The answer that means the threat applies. */
  threatIf: 'yes' | 'no';
  phases: string[];
  aiTypes: string[];
}

/** Parses deck.json; throws an Error naming the first problem and where it is. */
export function parsePlot4aiDeck(text: string): Plot4aiCard[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`This is not a PLOT4ai deck: the file is not JSON (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  const parsed = DeckSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`This is not a PLOT4ai deck: ${issue.message} at /${issue.path.join('/')}.`);
  }
  return parsed.data.flatMap((deck, d) =>
    deck.cards.map((c, i) => ({
      id: `plot4ai:${d + 1}.${i + 1}`,
      category: deck.category,
      label: c.label.trim(),
      question: c.question.trim(),
      threatIf: c.threatif === 'Yes' ? ('yes' as const) : ('no' as const),
      phases: c.phases,
      aiTypes: c.aitypes,
    })),
  );
}

export function filterPlot4ai(cards: readonly Plot4aiCard[], filter: { phase?: string; aiType?: string }): Plot4aiCard[] {
  return cards.filter((c) => (!filter.phase || c.phases.includes(filter.phase)) && (!filter.aiType || c.aiTypes.includes(filter.aiType)));
}
