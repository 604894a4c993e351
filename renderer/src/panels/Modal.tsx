import { useEffect, useRef, type ReactNode } from 'react';

/** Where focus lands when a dialog opens, in order of preference. */
const FIRST_FOCUS = [
  '[data-autofocus]',
  'input:checked',
  'input',
  'select',
  'textarea',
  '.actions button.primary',
  'button',
];
const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex^="-"])';

function focusables(root: HTMLElement, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter(
    (e) => !(e as HTMLButtonElement).disabled && e.tabIndex >= 0 && e.checkVisibility(),
  );
}

/** A modal dialog: focus moves in and stays in (Tab wraps), Escape or a click outside closes it, focus goes back. */
export function Modal({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog)
      for (const selector of FIRST_FOCUS) {
        const first = focusables(dialog, selector)[0];
        if (first) {
          first.focus();
          break;
        }
      }
    const onKey = (event: KeyboardEvent) => {
      // Only the topmost dialog answers (a confirmation can open over another dialog).
      const open = document.querySelectorAll('[role="dialog"][aria-modal="true"]');
      if (!dialog || open[open.length - 1] !== dialog) return;
      if (event.key === 'Escape') {
        event.stopPropagation();
        close.current();
      } else if (event.key === 'Tab') {
        const items = focusables(dialog, FOCUSABLE);
        const active = document.activeElement;
        const inside = !!active && dialog.contains(active);
        const wrapTo = event.shiftKey
          ? !inside || active === items[0]
            ? items.at(-1)
            : null
          : !inside || active === items.at(-1)
            ? items[0]
            : null;
        if (items.length === 0) event.preventDefault();
        else if (wrapTo) {
          event.preventDefault();
          wrapTo.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <header>
          <h2>{title}</h2>
          <button className="icon" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
