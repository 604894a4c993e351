// Words people type for ATLAS techniques that the catalog names differently ("evasion" for
// "Evade AI Model"). Each maps to catalog entry ids, most specific first; search puts them right
// after (or, when the query is only such words, before) the entries named by the query itself.
export const SEARCH_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  evasion: ['AML.T0015', 'AML.T0043'],
  evade: ['AML.T0015'],
  adversarial: ['AML.T0043', 'AML.T0015'],
  backdoor: ['AML.T0018.000', 'AML.T0043.004', 'AML.T0018'],
  trojan: ['AML.T0018.000', 'AML.T0043.004'],
  jailbreak: ['AML.T0054'],
  jailbreaking: ['AML.T0054'],
  extraction: ['AML.T0024.002', 'AML.T0056', 'AML.T0024'],
  stealing: ['AML.T0024.002', 'AML.T0048.004'],
  theft: ['AML.T0024.002', 'AML.T0048.004'],
  poisoning: ['AML.T0020', 'AML.T0070', 'AML.T0018.000', 'AML.T0080'],
  inversion: ['AML.T0024.001'],
  membership: ['AML.T0024.000'],
  exfiltration: ['AML.T0024', 'AML.T0025', 'AML.T0086'],
  leakage: ['AML.T0057', 'AML.T0056'],
  injection: ['AML.T0051', 'AML.T0051.000', 'AML.T0051.001'],
  dos: ['AML.T0029'],
};

/** The synonym entry ids for the words of a query, in query order, without repeats. */
export function synonymIds(words: readonly string[]): { ids: string[]; allWordsAreSynonyms: boolean } {
  const ids: string[] = [];
  let matched = 0;
  for (const word of words) {
    const mapped = Object.hasOwn(SEARCH_SYNONYMS, word) ? SEARCH_SYNONYMS[word]! : undefined;
    if (!mapped) continue;
    matched++;
    for (const id of mapped) if (!ids.includes(id)) ids.push(id);
  }
  return { ids, allWordsAreSynonyms: words.length > 0 && matched === words.length };
}
