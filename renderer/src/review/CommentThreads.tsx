// Comment threads on one subject (a finding, component, flow or zone): read, reply, resolve, start.
import { useMemo, useState } from 'react';
import type { Comment } from '../../../core/model/schema';
import { useDocument } from '../state/document-store';
import { useReview } from './review-store';
import { reply, setResolved, startThread, threadsOn, type CommentSubject } from './review-edits';

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

function Thread({ thread }: { thread: Comment }) {
  const [text, setText] = useState('');
  const edit = useDocument.getState().edit;
  const send = () =>
    useReview.getState().withName((name) => {
      if (!text.trim()) return;
      edit((m) => reply(m, thread.id, name, text.trim()));
      setText('');
    });
  return (
    <li className={`thread${thread.resolved ? ' resolved' : ''}`} data-testid="comment-thread" data-resolved={thread.resolved}>
      <ul className="messages">
        {thread.messages.map((msg, i) => (
          <li key={i}>
            <span className="comment-author">{msg.author}</span> <span className="muted small">{when(msg.at)}</span>
            <div className="comment-text">{msg.text}</div>
          </li>
        ))}
      </ul>
      {!thread.resolved && (
        <div className="comment-reply">
          <input aria-label="Reply" placeholder="Reply…" maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && send()} />
          <button type="button" onClick={send} disabled={!text.trim()}>
            Reply
          </button>
        </div>
      )}
      <button type="button" className="link small" data-testid="comment-resolve" onClick={() => edit((m) => setResolved(m, thread.id, !thread.resolved))}>
        {thread.resolved ? 'Reopen' : 'Resolve'}
      </button>
    </li>
  );
}

export function CommentThreads({ subject }: { subject: CommentSubject }) {
  const comments = useDocument((s) => s.model?.comments);
  const threads = useMemo(() => threadsOn({ comments: comments ?? [] }, subject), [comments, subject.type, subject.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const [text, setText] = useState('');
  const start = () =>
    useReview.getState().withName((name) => {
      if (!text.trim()) return;
      useDocument.getState().edit((m) => startThread(m, subject, name, text.trim()));
      setText('');
    });
  const open = threads.filter((t) => !t.resolved).length;
  return (
    <section className="comments" aria-label="Comments" data-testid="comments">
      <h4>
        Comments{threads.length > 0 && <span className="muted small"> · {open} open{threads.length > open ? `, ${threads.length - open} resolved` : ''}</span>}
      </h4>
      {threads.length > 0 && (
        <ul className="threads">
          {threads.map((t) => (
            <Thread key={t.id} thread={t} />
          ))}
        </ul>
      )}
      <div className="comment-new">
        <textarea rows={2} aria-label="New comment" placeholder="Add a comment…" maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} data-testid="comment-input" />
        <button type="button" onClick={start} disabled={!text.trim()} data-testid="comment-add">
          Comment
        </button>
      </div>
    </section>
  );
}
