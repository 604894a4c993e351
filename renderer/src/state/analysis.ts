// Live threats: re-analyzes the document in a Web Worker ~150 ms after the last edit, so typing and
// dragging never wait for the engine. Only the answer to the latest request is kept.
import { useEffect } from 'react';
import { call } from '../api/client';
import type { RulePack } from '../../../core/engine/rule-pack';
import { useDocument } from './document-store';
import { useFindings } from './findings-store';
import type { WorkerRequest, WorkerResponse } from './analysis.worker';

export const ANALYSIS_DELAY_MS = 150;

async function loadPacks(): Promise<{ packs: RulePack[]; errors: string[]; techniqueTactics: Record<string, string[]> }> {
  const rules = await call('rules:list', {});
  if (!rules.ok) throw new Error(rules.error.message);
  return rules.value;
}

export function useAnalysis() {
  useEffect(() => {
    const findings = useFindings.getState();
    let worker: Worker | null = null;
    let latest = 0;
    let ready = false;
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const run = () => {
      const current = useDocument.getState().model;
      if (!worker || !ready || !current) return;
      const request: WorkerRequest = { type: 'analyze', id: ++latest, model: current };
      useFindings.getState().setStatus('running');
      worker.postMessage(request);
    };

    void loadPacks()
      .then(({ packs, errors, techniqueTactics }) => {
        if (disposed) return;
        findings.setPackErrors(errors);
        findings.setRuleTitles(Object.fromEntries(packs.flatMap((p) => p.rules.map((r) => [r.id, r.title]))));
        worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
          const message = event.data;
          if (message.id !== latest) return;
          if (message.type === 'result') useFindings.getState().setResult(message.result);
          else useFindings.getState().setStatus('error', message.message);
        };
        worker.onerror = (event) => useFindings.getState().setStatus('error', event.message || 'The analysis worker failed.');
        const packsMessage: WorkerRequest = { type: 'packs', packs, techniqueTactics };
        worker.postMessage(packsMessage);
        ready = true;
        run();
      })
      .catch((error: unknown) => findings.setStatus('unavailable', error instanceof Error ? error.message : String(error)));

    const unsubscribe = useDocument.subscribe((state, previous) => {
      if (state.model === previous.model) return;
      clearTimeout(timer);
      timer = setTimeout(run, ANALYSIS_DELAY_MS);
    });
    return () => {
      disposed = true;
      clearTimeout(timer);
      unsubscribe();
      worker?.terminate();
    };
  }, []);
}
