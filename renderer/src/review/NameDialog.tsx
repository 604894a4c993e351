import { useState } from 'react';
import { Modal } from '../panels/Modal';
import { useReview } from './review-store';

/** Asked once, before the first comment, decision or sign-off: the name the review record shows. */
export function NameDialog() {
  const asking = useReview((s) => s.askingName);
  const [name, setName] = useState('');
  if (!asking) return null;
  const close = () => useReview.getState().cancelAsk();
  return (
    <Modal title="What is your name?" onClose={close}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) asking(name);
        }}
      >
        <p className="muted small">Comments, decisions and sign-offs record it. It stays on this machine; change it later in the model's Review section.</p>
        <label>
          Display name
          <input autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="display-name-input" />
        </label>
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim()} data-testid="display-name-save">
            Continue
          </button>
        </div>
      </form>
    </Modal>
  );
}
