import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS, Room, normalizeCode } from './room';
import { createEmptyModel } from '../../model/schema';

const focus = {
  key: 'k',
  title: 'T',
  severity: 'high',
  subject: { type: 'component' as const, id: 'a', label: 'A' },
  reasons: [],
  mitigations: [],
  likelihood: 3,
  impact: 3,
};

describe('Room', () => {
  it('matches its code however it is typed, and only its code', () => {
    const room = new Room();
    expect(room.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    expect(room.codeMatches(room.code.toLowerCase())).toBe(true);
    expect(room.codeMatches(` ${room.code.slice(0, 3)}-${room.code.slice(3)} `)).toBe(true);
    expect(room.codeMatches(room.code.slice(1))).toBe(false);
    expect(normalizeCode('ab-c d')).toBe('ABCD');
  });
  it('starts every round blind and empty, and stops taking estimates once revealed', () => {
    const room = new Room();
    const ana = room.join('Ana');
    expect(() => room.estimate(ana, 3, 3)).toThrow('no finding under discussion');
    room.setFocus(focus);
    room.estimate(ana, 2, 5);
    expect(room.estimatedBy()).toEqual(['Ana']);
    expect(room.revealedEstimates()).toEqual([]);
    expect(room.reveal()).toEqual([{ by: 'Ana', likelihood: 2, impact: 5 }]);
    expect(() => room.estimate(ana, 1, 1)).toThrow('already revealed');
    room.setFocus({ ...focus, key: 'k2' });
    expect(room.estimatedBy()).toEqual([]);
    expect(room.phase).toBe('estimating');
  });
  it('keeps its size bounded: participants and comments', () => {
    const room = new Room();
    for (let i = 0; i < ROOM_LIMITS.participants; i++) room.join(`P${i}`);
    expect(() => room.join('One more')).toThrow('The room is full');
    expect(room.byToken(undefined)).toBeUndefined();
    for (let i = 0; i < ROOM_LIMITS.comments; i++) room.comment('P0', 'x');
    expect(() => room.comment('P0', 'y')).toThrow('comments');
  });
  it('forgets every capability when it ends', () => {
    const room = new Room();
    const ana = room.join('Ana');
    room.share(createEmptyModel('M'));
    expect(room.byToken(ana.token)?.name).toBe('Ana');
    expect(room.byToken('0'.repeat(48))).toBeUndefined();
    room.end();
    expect(room.byToken(ana.token)).toBeUndefined();
  });
});
