import { useConfirm } from '../state/confirm-store';
import { Modal } from './Modal';

/** The in-app confirmation (unsaved changes …): one question, a few buttons. */
export function ConfirmDialog() {
  const request = useConfirm((s) => s.request);
  const answer = useConfirm((s) => s.answer);
  if (!request) return null;
  return (
    <Modal title={request.title} onClose={() => answer('cancel')}>
      <p data-testid="confirm-message">{request.message}</p>
      <div className="actions">
        {request.choices.map((c) => (
          <button key={c.id} type="button" className={c.primary ? 'primary' : ''} data-testid={`confirm-${c.id}`} onClick={() => answer(c.id)}>
            {c.label}
          </button>
        ))}
      </div>
    </Modal>
  );
}
