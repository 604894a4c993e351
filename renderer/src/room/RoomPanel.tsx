import { useEffect, useState } from 'react';
import { callOrThrow } from '../api/client';
import { useDocument } from '../state/document-store';
import { QrCode } from './QrCode';
import { endRoom, startRoom, useRoom } from './room-store';

/** Starts the workshop room on a chosen interface and shows how to join (address, code, QR). */
export function RoomPanel() {
  const status = useRoom((s) => s.status);
  const [interfaces, setInterfaces] = useState<Array<{ name: string; address: string }> | null>(null);
  const [host, setHost] = useState('127.0.0.1');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (status?.open) return;
    callOrThrow('room:interfaces', {})
      .then((r) => setInterfaces(r.interfaces))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [status?.open]);
  if (!status?.open) {
    return (
      <section className="room-panel" aria-label="Workshop room" data-testid="room-panel">
        <h3>Workshop room</h3>
        <p className="muted">Participants join from their own browser, see the model read-only, comment and estimate blind. Off until you start it.</p>
        {error ? (
          <p role="alert">{error}</p>
        ) : (
          <div className="row">
            <label>
              Listen on{' '}
              <select value={host} onChange={(e) => setHost(e.target.value)} data-testid="room-interface">
                {(interfaces ?? [{ name: 'loopback', address: '127.0.0.1' }]).map((i) => (
                  <option key={i.address} value={i.address}>
                    {i.address} — {i.name}
                  </option>
                ))}
              </select>
            </label>
            <button className="primary" onClick={() => void startRoom(host, useDocument.getState().model?.meta.title ?? '', useDocument.getState().model)} data-testid="room-start">
              Start room
            </button>
          </div>
        )}
      </section>
    );
  }
  const joinAt = `${status.joinUrl}#code=${status.code}`;
  return (
    <section className="room-panel open" aria-label="Workshop room" data-testid="room-panel">
      <div className="join">
        <QrCode text={joinAt} size={168} />
        <div>
          <p className="muted">Join at</p>
          <p className="join-url" data-testid="room-join-url">
            {status.joinUrl}
          </p>
          <p className="muted">with the code</p>
          <p className="join-code" data-testid="room-code">
            {status.code}
          </p>
        </div>
      </div>
      <p data-testid="room-participants">
        {status.participants.length === 0 ? 'Nobody has joined yet.' : `In the room: ${status.participants.map((p) => p.name).join(', ')}`}
      </p>
      <button onClick={() => void endRoom()} data-testid="room-end">
        End room
      </button>
    </section>
  );
}
