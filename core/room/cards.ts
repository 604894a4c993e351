// Question cards for a workshop: a short deck per component kind, each card asking about one of the
// kind's facts or controls. Answers drive the model (yes / no set the fact or the control's state,
// "don't know" leaves it not recorded) and who answered is kept as a comment on the component.
import { getKind } from '../kinds/registry';
import type { ComponentFactId } from '../kinds/facts';
import type { ControlId } from '../kinds/controls';
import type { Model } from '../model/schema';

/** One question per boolean fact, phrased for the room. */
export const FACT_QUESTIONS: Partial<Record<ComponentFactId, string>> = {
  internetFacing: 'Can someone on the internet reach this directly?',
  thirdPartyHosted: 'Does another company run this for us?',
  multiTenant: 'Does it serve more than one customer or tenant from the same instance?',
  untrustedLabelers: 'Could people we do not vet label or annotate its data?',
  learnsFromFeedback: 'Does what users tell it change its later behaviour (feedback, fine-tuning, memory)?',
  returnsConfidenceScores: 'Does it hand back raw scores or probabilities with its answers?',
  thirdPartyProvided: 'Did we get this from someone else (a vendor, a hub, an open-source project)?',
  publicSource: 'Can anyone at all add content to this source?',
  storesCredentials: 'Are keys, tokens or passwords kept here?',
  holdsModelArtifacts: 'Are model weights or checkpoints stored here?',
  systemPromptHasSecrets: 'Is there anything secret in its system prompt (keys, internal rules, names)?',
  rendersMarkdown: 'Does it display model output as rich content (links, images, HTML, Markdown)?',
  consequentialDecisions: 'Can its output change something that matters to a person (money, access, health, a job)?',
  physicalInput: 'Does it take input from cameras, microphones or sensors in the real world?',
  modelOnDevice: 'Does the model ship to devices we do not control?',
  usesPublicImages: 'Does it pull public base images, packages or models when it is built?',
  persistent: 'Does what it stores outlive one conversation or session?',
  billedPerUse: 'Does every call, token or job here cost us money?',
  unrestrictedEgress: 'Can code it runs connect to any host on the internet?',
  longLivedCredentials: 'Does it use keys or passwords that never expire or rotate by themselves?',
  runsSubmittedCode: 'Does it run code, notebooks or jobs that other people hand in?',
  publisherVerified: 'Is every publisher here verified, so nobody can publish under a borrowed name?',
};

/** One question per control: is it really in place here? */
export const CONTROL_QUESTIONS: Record<ControlId, string> = {
  authentication: 'Does every caller have to prove who it is before this answers?',
  multiFactorAuth: 'Does signing in here need a second factor besides the password?',
  authorization: 'Are callers limited to exactly what their task needs?',
  encryptionAtRest: 'Is what it stores encrypted on disk?',
  encryptionInTransit: 'Is every connection to and from it encrypted?',
  inputValidation: 'Is input checked for size, type and known attack patterns before it is used?',
  outputValidation: 'Is model output checked and encoded for where it goes next?',
  rateLimiting: 'Is there a per-caller limit on requests, tokens or cost?',
  loggingMonitoring: 'Would we notice abuse here: is it logged and is someone watching?',
  modelSigning: 'Are model files verified (signature or hash) before they are loaded?',
  versioning: 'Could we tell which model or dataset version was used, and roll back?',
  dataProvenance: 'Do we know where each piece of its data came from?',
  dataValidation: 'Is incoming data screened for outliers, flipped labels or planted content?',
  piiRedaction: 'Is personal data removed or masked before it is kept, trained on or shown?',
  humanApproval: 'Does a person approve consequential actions before they happen?',
  sandboxing: 'Does code or tool execution run isolated from everything else?',
  adversarialTesting: 'Has anyone attacked this on purpose (red team) and will they again?',
  adversarialTraining: 'Was the model hardened against adversarial inputs?',
  confidenceMasking: 'Does it return only the decision, not raw confidence values?',
  systemPromptHygiene: 'Are instructions kept apart from data, with no secrets in the prompt?',
  tenantIsolation: 'Can one tenant\'s queries never reach another tenant\'s data?',
  retrievalAccessControl: 'Does retrieval return only documents the asking user may read?',
  dependencyScanning: 'Are its packages, images and models inventoried and scanned?',
  safeModelSerialization: 'Are only model formats that cannot run code accepted?',
  contentSafetyFiltering: 'Do inputs and outputs pass a content-safety guardrail?',
  toolPermissions: 'Does each tool have its own narrow permissions?',
  memoryValidation: 'Is what goes into long-term memory checked, attributed and reviewable?',
  secretsManagement: 'Are credentials in a vault, short-lived and out of prompts and configs?',
  livenessDetection: 'Is camera input checked for spoofing and synthetic media?',
  dependencyPinning: 'Are packages, images, models and tools pinned to reviewed versions, never "latest"?',
};

export type CardAnswer = 'yes' | 'no' | 'unknown';

export interface Card {
  id: string;
  question: string;
  target: { type: 'fact'; id: ComponentFactId } | { type: 'control'; id: ControlId };
}

/** At most this many cards per kind: the facts that make threats apply first, then the controls. */
export const DECK_SIZE = 8;

export function deckFor(kindId: string): Card[] {
  const kind = getKind(kindId);
  if (!kind) return [];
  const facts: Card[] = kind.facts
    .filter((f) => FACT_QUESTIONS[f])
    .slice(0, 3)
    .map((f) => ({ id: `fact:${f}`, question: FACT_QUESTIONS[f]!, target: { type: 'fact', id: f } }));
  const controls: Card[] = kind.controls.map((c) => ({ id: `control:${c}`, question: CONTROL_QUESTIONS[c], target: { type: 'control', id: c } }));
  return [...facts, ...controls].slice(0, DECK_SIZE);
}

const ANSWER_TEXT: Record<CardAnswer, string> = { yes: 'yes', no: 'no', unknown: "don't know" };

function addMessage(model: Model, componentId: string, message: { author: string; at: string; text: string }): Model['comments'] {
  const threads = [...model.comments];
  const at = threads.findIndex((t) => t.subject.type === 'component' && t.subject.id === componentId && !t.resolved);
  if (at >= 0) threads[at] = { ...threads[at]!, messages: [...threads[at]!.messages, message] };
  else {
    const taken = new Set(threads.map((t) => t.id));
    let n = threads.length + 1;
    while (taken.has(`c${n}`)) n++;
    threads.push({ id: `c${n}`, subject: { type: 'component', id: componentId }, resolved: false, messages: [message] });
  }
  return threads;
}

/**
 * Applies an answer: a fact becomes true / false (or is cleared), a control "present" / "absent" (or
 * not recorded); the answer and who gave it are added to the component's comment thread.
 */
export function answerCard(model: Model, componentId: string, card: Card, answer: CardAnswer, by: string, at: string): Model {
  const component = model.components.find((c) => c.id === componentId);
  if (!component) throw new Error(`There is no component "${componentId}" to answer a card about.`);
  let next = component;
  if (card.target.type === 'fact') {
    const facts = { ...component.facts };
    if (answer === 'unknown') delete facts[card.target.id];
    else facts[card.target.id] = answer === 'yes';
    next = { ...component, facts };
  } else {
    const controls = { ...component.controls };
    if (answer === 'unknown') delete controls[card.target.id];
    else controls[card.target.id] = answer === 'yes' ? 'present' : 'absent';
    next = { ...component, controls };
  }
  const text = `Card "${card.question}" answered ${ANSWER_TEXT[answer]} by ${by}.`;
  return {
    ...model,
    components: model.components.map((c) => (c.id === componentId ? next : c)),
    comments: addMessage(model, componentId, { author: by.slice(0, 200), at, text }),
  };
}

/** Records an answer to an imported card (which sets nothing in the model) as a comment. */
export function noteImportedAnswer(model: Model, componentId: string, text: string, by: string, at: string): Model {
  return { ...model, comments: addMessage(model, componentId, { author: by.slice(0, 200), at, text: text.slice(0, 20_000) }) };
}
