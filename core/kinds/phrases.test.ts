// Kind and control labels inside sentences: the right article, acronyms kept, and a countable noun
// for every kind (the engine's reasons say '"Fine-tuning job" is a training job.').
import { describe, expect, it } from 'vitest';
import { articleFor, inSentence, kindPhrase } from './phrases';
import { listKinds } from './registry';
import { CONTROLS } from './controls';

describe('articleFor', () => {
  it.each([
    ['LLM', 'an'], ['MCP server', 'an'], ['SDK', 'an'], ['CI/CD pipeline', 'a'], ['GPU node', 'a'], ['API gateway', 'an'],
    ['agent', 'an'], ['inference API', 'an'], ['edge device', 'an'], ['operator', 'an'], ['external service', 'an'],
    ['user', 'a'], ['unit', 'a'], ['umbrella', 'an'], ['one-off job', 'a'], ['hour', 'an'], ['model hub', 'a'], ['tool', 'a'],
  ])('%s takes "%s"', (phrase, article) => {
    expect(articleFor(phrase)).toBe(article);
  });
});

describe('inSentence', () => {
  it('drops capitals but keeps acronyms', () => {
    expect(inSentence('Inference API')).toBe('inference API');
    expect(inSentence('Dependency scanning / AI BOM')).toBe('dependency scanning / AI BOM');
    expect(inSentence('PII redaction')).toBe('PII redaction');
    expect(inSentence('System-prompt hygiene')).toBe('system-prompt hygiene');
    expect(inSentence('LLM')).toBe('LLM');
  });
});

describe('kindPhrase', () => {
  it('names the kinds from the registry with their article', () => {
    expect(kindPhrase('llm')).toBe('an LLM');
    expect(kindPhrase('agent')).toBe('an agent');
    expect(kindPhrase('inference-api')).toBe('an inference API');
    expect(kindPhrase('user')).toBe('a user');
    expect(kindPhrase('training')).toBe('a training job');
    expect(kindPhrase('ci-cd')).toBe('a CI/CD pipeline');
    expect(kindPhrase('no-such-kind')).toBe('a no-such-kind');
  });

  it('gives every registered kind a countable noun: mass-noun labels declare one', () => {
    const massNouns = /^(training|labeling|evaluation|monitoring|memory|ci\/cd)$/i;
    for (const kind of listKinds()) {
      const phrase = kindPhrase(kind.id);
      expect(phrase, kind.id).toMatch(/^(a|an) \S/);
      expect(massNouns.test(phrase.replace(/^an? /, '')), `${kind.id}: "${phrase}" is not a countable noun; give the kind a noun`).toBe(false);
    }
  });

  it('keeps acronyms in every control label', () => {
    for (const control of Object.values(CONTROLS)) {
      const acronyms = control.label.split(' ').filter((w) => /[A-Z].*[A-Z]/.test(w));
      for (const a of acronyms) expect(inSentence(control.label), control.label).toContain(a);
    }
  });
});
