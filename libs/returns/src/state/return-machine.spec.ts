import { ReturnState } from '../entities/return.enums';
import { RETURN_MACHINE, ReturnGuardSubject } from './return-machine';
import { StateMachine } from '@omnitill/common';

const ALL = Object.values(ReturnState);
const { AUTHORISED, RECEIVED, REFUNDED, REJECTED, EXPIRED } = ReturnState;
const now = new Date('2030-05-01T12:00:00Z');
const subject = (authorisedExpiresAt: Date | null = new Date(now.getTime() + 1000)): ReturnGuardSubject => ({ now, authorisedExpiresAt });

const TABLE: Partial<Record<ReturnState, ReturnState[]>> = {
  [AUTHORISED]: [RECEIVED, REJECTED, EXPIRED],
  [RECEIVED]: [REFUNDED],
};

describe('return state machine', () => {
  const sut = RETURN_MACHINE;

  it('is sound and uses every return state', () => {
    expect(sut.validate()).toEqual([]);
    expect(new Set(sut.states)).toEqual(new Set(ALL));
  });

  it('starts AUTHORISED (support) or RECEIVED (till); ends REFUNDED, REJECTED or EXPIRED', () => {
    expect(ALL.filter((state) => sut.isInitial(state))).toEqual([AUTHORISED, RECEIVED]);
    expect(ALL.filter((state) => sut.isTerminal(state))).toEqual([REFUNDED, REJECTED, EXPIRED]);
  });

  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));
  it.each(pairs)('%s -> %s follows the table', (from, to) => {
    const expected = (TABLE[from] ?? []).includes(to);
    expect(sut.hasTransition(from, to)).toBe(expected);
    if (!expected) {
      expect(sut.check(from, to, subject())).toEqual({ allowed: false, reason: `return: ${from} cannot become ${to}` });
    }
  });

  it('receives an authorisation only before it lapses, and expires it only after', () => {
    const lapsed = subject(new Date(now.getTime() - 1));
    const exactly = subject(now);
    expect(sut.check(AUTHORISED, RECEIVED, subject())).toEqual({ allowed: true });
    expect(sut.check(AUTHORISED, RECEIVED, lapsed)).toEqual({ allowed: false, reason: expect.stringContaining('expired') });
    expect(sut.check(AUTHORISED, RECEIVED, exactly)).toMatchObject({ allowed: false });
    expect(sut.check(AUTHORISED, EXPIRED, subject())).toEqual({ allowed: false, reason: 'the authorisation has not expired yet' });
    expect(sut.check(AUTHORISED, EXPIRED, exactly)).toEqual({ allowed: true });
    expect(sut.check(AUTHORISED, EXPIRED, subject(null))).toMatchObject({ allowed: false });
    expect(sut.check(AUTHORISED, REJECTED, lapsed)).toEqual({ allowed: true });
    expect(sut.check(RECEIVED, REFUNDED, subject(null))).toEqual({ allowed: true });
  });

  it('validation reports broken definitions', () => {
    const broken = new StateMachine<'A' | 'B' | 'C' | 'D', null>({
      name: 'broken',
      initial: ['A'],
      transitions: { A: ['B', 'B'], C: ['A'], D: ['A'] },
      terminal: ['B', 'D'],
      guards: { C: () => null },
    });
    expect(broken.validate()).toEqual(expect.arrayContaining([
      'broken: C is unreachable',
      'broken: terminal state D has transitions',
      'broken: A lists a target twice',
      'broken: guard on C, which no transition reaches',
    ]));
    expect(new StateMachine({ name: 'empty', initial: [], transitions: {}, terminal: [] }).validate()).toEqual(['empty: no initial state']);
  });
});
