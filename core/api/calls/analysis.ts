// Analysis calls: rule packs (built-in and the user's own) for the engine that runs in the UI.
// Owned by the threat-engine work; add each call's name to ../names.ts too.
export const analysisCalls = {} as const;
