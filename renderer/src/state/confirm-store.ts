// The in-app confirmation dialog: a question with buttons, answered through a promise.
import { create } from 'zustand';

export interface ConfirmRequest {
  title: string;
  message: string;
  choices: Array<{ id: string; label: string; primary?: boolean }>;
  resolve(choice: string): void;
}

interface ConfirmState {
  request: ConfirmRequest | null;
  ask(title: string, message: string, choices: ConfirmRequest['choices']): Promise<string>;
  answer(choice: string): void;
}

export const useConfirm = create<ConfirmState>((set, get) => ({
  request: null,
  ask(title, message, choices) {
    get().request?.resolve('cancel');
    return new Promise((resolve) => set({ request: { title, message, choices, resolve } }));
  },
  answer(choice) {
    const request = get().request;
    set({ request: null });
    request?.resolve(choice);
  },
}));
