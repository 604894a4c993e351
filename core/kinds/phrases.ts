// Kind and control labels as they read inside a sentence ("an LLM", "a training job", "no PII
// redaction"): the engine's reasons and anything else that writes prose about a model use these.
import { getKind } from './registry';

/** A word that is written in capitals whatever its place: LLM, API, CI/CD, AI, BOM, MCP, PII. */
function isAcronym(word: string): boolean {
  return (word.match(/[A-Z]/g)?.length ?? 0) >= 2 || /^[A-Z]$/.test(word);
}

/** A label inside a sentence: each word's capital dropped, acronyms kept ("Inference API" → "inference API"). */
export function inSentence(label: string): string {
  return label
    .split(' ')
    .map((word) => (isAcronym(word) ? word : word.charAt(0).toLowerCase() + word.slice(1)))
    .join(' ');
}

/** "a" or "an" by how the phrase sounds: an LLM, an agent, an inference API, a user, a CI/CD pipeline. */
export function articleFor(phrase: string): 'a' | 'an' {
  const word = phrase.trimStart().split(/[\s/-]/)[0] ?? '';
  // Acronyms are read letter by letter: an LLM, an MCP server, an SDK, but a CI job, a GPU.
  if (isAcronym(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(lower)) return 'an';
  // A vowel that sounds like "you" or "wa": a user, a unit, a one-off, a European.
  if (/^(u[bcfhjklmnrst][aeiou]|use|usu|uni|eu|one\b|once)/.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

export function withArticle(phrase: string): string {
  return `${articleFor(phrase)} ${phrase}`;
}

const phrases = new Map<string, string>();

/** One component of this kind, as a sentence names it: "an LLM", "an inference API", "a training job". */
export function kindPhrase(kindId: string): string {
  let phrase = phrases.get(kindId);
  if (phrase === undefined) {
    const kind = getKind(kindId);
    phrase = withArticle(kind ? inSentence(kind.noun ?? kind.label) : kindId);
    phrases.set(kindId, phrase);
  }
  return phrase;
}
