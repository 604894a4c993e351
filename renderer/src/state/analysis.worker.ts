// Runs the threat engine off the UI thread: the page posts the rule packs once and then each new
// model; the worker answers with the findings for the latest one.
import { analyze } from '../../../core/engine/analyze';
import type { RulePack } from '../../../core/engine/rule-pack';
import type { Model } from '../../../core/model/schema';
import type { AnalysisResult } from '../../../core/engine/types';

export type WorkerRequest =
  | { type: 'packs'; packs: RulePack[]; techniqueTactics: Record<string, string[]> }
  | { type: 'analyze'; id: number; model: Model };

export type WorkerResponse = { type: 'result'; id: number; result: AnalysisResult; ms: number } | { type: 'error'; id: number; message: string };

let packs: RulePack[] = [];
let techniqueTactics: Record<string, string[]> = {};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'packs') {
    packs = message.packs;
    techniqueTactics = message.techniqueTactics;
    return;
  }
  const started = performance.now();
  try {
    const result = analyze(message.model, packs, { techniqueTactics });
    const response: WorkerResponse = { type: 'result', id: message.id, result, ms: performance.now() - started };
    self.postMessage(response);
  } catch (error) {
    const response: WorkerResponse = { type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) };
    self.postMessage(response);
  }
};
