// Analysis calls: rule packs (built-in and the user's own) for the engine that runs in the UI.
// Owned by the threat-engine work; add each call's name to ../names.ts too.
import { z } from 'zod';
import { RulePackSchema } from '../../engine/rule-pack';

export const analysisCalls = {
  /** Built-in packs plus the workspace's `rules/` folder (when present), validated; and technique → tactics. */
  'rules:list': {
    input: z.strictObject({}),
    output: z.object({
      packs: z.array(RulePackSchema),
      errors: z.array(z.string()),
      techniqueTactics: z.record(z.string(), z.array(z.string())),
    }),
  },
} as const;
