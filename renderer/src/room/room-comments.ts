// Participants' comments land in the model's comment threads on the finding they were about, once
// each (by the room's comment id), as ordinary edits the facilitator can undo.
import type { Model } from '../../../core/model/schema';
import { useDocument } from '../state/document-store';
import type { RoomStatus } from './room-store';

const applied = new Set<string>();

export function applyRoomComments(comments: RoomStatus['comments']) {
  const fresh = comments.filter((c) => c.findingKey && !applied.has(c.id));
  if (fresh.length === 0) return;
  for (const c of fresh) applied.add(c.id);
  useDocument.getState().edit((m: Model) => {
    const threads = [...m.comments];
    for (const c of fresh) {
      const message = { author: c.author.slice(0, 200) || 'participant', at: c.at, text: c.text.slice(0, 20_000) };
      const at = threads.findIndex((t) => t.subject.type === 'finding' && t.subject.id === c.findingKey && !t.resolved);
      if (at >= 0) threads[at] = { ...threads[at]!, messages: [...threads[at]!.messages, message] };
      else {
        const taken = new Set(threads.map((t) => t.id));
        let id = 'c1';
        for (let i = threads.length + 1; taken.has(id); i++) id = `c${i}`;
        threads.push({ id, subject: { type: 'finding', id: c.findingKey! }, resolved: false, messages: [message] });
      }
    }
    return { ...m, comments: threads };
  });
}
