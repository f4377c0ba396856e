import { LayeredMap } from '../shared/layered-map';
import {
  at,
  bodyOf,
  KP,
  KP_MEMBERSHIP,
  kpBody,
  kpEstablished,
  memberWithdrew,
  participantAdmitted,
  participantReinstated,
  participantSuspended,
  viceChairSelected,
} from '../testing/kimberley-process';
import { initialBodyState, isActiveParticipant } from './body-state';
import { evolveBody, foldBodyEvents } from './evolve-body';

describe('evolveBody', () => {
  describe('before BodyEstablished', () => {
    it('starts unknown', () => {
      expect(bodyOf([])).toEqual({ status: 'unknown' });
    });

    it('ignores every other event', () => {
      expect(bodyOf([participantAdmitted('ru'), viceChairSelected('bw', 2020)])).toEqual(initialBodyState);
    });
  });

  describe('after BodyEstablished', () => {
    it('is an established body with no members and no offices', () => {
      expect(bodyOf([kpEstablished])).toEqual({
        status: 'established',
        bodyId: KP,
        name: 'Kimberley Process',
        establishedAt: at('2003-01-01'),
        members: LayeredMap.empty(),
        chairs: LayeredMap.empty(),
        viceChairs: LayeredMap.empty(),
      });
    });
  });

  describe('after the KP membership', () => {
    const body = kpBody();

    it('knows seven participants and two observers, all active', () => {
      const members = [...body.members.values()];
      expect(members.filter((m) => m.role === 'participant').map((m) => m.id)).toEqual(['ru', 'by', 'ua', 'bw', 'eu', 'ae', 'zw']);
      expect(members.filter((m) => m.role === 'observer').map((m) => m.id)).toEqual(['csc', 'wdc']);
      expect(members.every((m) => m.status === 'active')).toBe(true);
    });

    it('records the European Union as a regional organisation and observers without a kind', () => {
      expect(body.members.get('eu')).toEqual({
        id: 'eu',
        role: 'participant',
        name: 'European Union',
        kind: 'regional-organisation',
        status: 'active',
        admittedAt: at('2003-01-01'),
        statusSince: at('2003-01-01'),
      });
      expect(body.members.get('ru')?.kind).toBe('state');
      expect(body.members.get('csc')).toEqual({
        id: 'csc',
        role: 'observer',
        name: 'KP Civil Society Coalition',
        kind: null,
        status: 'active',
        admittedAt: at('2003-01-01'),
        statusSince: at('2003-01-01'),
      });
    });

    it('records every Chair with its basis and every Vice-Chair by term', () => {
      expect(new Map(body.chairs)).toEqual(
        new Map([
          [2021, { participantId: 'ru', basis: 'postponement' }],
          [2022, { participantId: 'bw', basis: 'succession' }],
          [2023, { participantId: 'zw', basis: 'succession' }],
          [2024, { participantId: 'ae', basis: 'succession' }],
          [2025, { participantId: 'ae', basis: 'custodial' }],
        ]),
      );
      expect(new Map(body.viceChairs)).toEqual(
        new Map([
          [2020, 'bw'],
          [2021, 'bw'],
          [2022, 'zw'],
          [2023, 'ae'],
        ]),
      );
    });
  });

  describe('membership status', () => {
    it('is suspended after ParticipantSuspended', () => {
      expect(kpBody(participantSuspended('ru')).members.get('ru')?.status).toBe('suspended');
    });

    it('is active again after ParticipantReinstated', () => {
      expect(kpBody(participantSuspended('ru'), participantReinstated('ru')).members.get('ru')?.status).toBe('active');
    });

    it('is withdrawn after MemberWithdrew, and the member stays known', () => {
      const body = kpBody(memberWithdrew('csc', 'observer'));
      expect(body.members.get('csc')).toMatchObject({ role: 'observer', status: 'withdrawn' });
    });

    it('is active again after re-admission following a withdrawal', () => {
      const body = kpBody(memberWithdrew('ua'), participantAdmitted('ua', at('2024-01-01')));
      expect(body.members.get('ua')?.status).toBe('active');
    });

    it('ignores a status change for a member it does not know', () => {
      const before = kpBody();
      const after = evolveBody(before, participantSuspended('ve'));
      expect(after).toEqual(before);
      expect(after.status === 'established' && after.members.has('ve')).toBe(false);
    });

    it('does not mutate the previous state', () => {
      const before = bodyOf(KP_MEMBERSHIP);
      evolveBody(before, participantSuspended('ru'));
      expect(before.status === 'established' && before.members.get('ru')?.status).toBe('active');
    });
  });

  describe('the latest office given to a member', () => {
    it('is noted on its holder: the latest in world time, whatever the order recorded', () => {
      const body = kpBody();
      expect(body.members.get('ae')?.latestOffice).toEqual({ type: 'ChairAssigned', term: 2025, occurredAt: at('2025-01-01') });
      expect(body.members.get('bw')?.latestOffice).toEqual({ type: 'ChairAssigned', term: 2022, occurredAt: at('2022-01-01') });
      const lateEntry = kpBody(viceChairSelected('bw', 2019, at('2018-11-15')));
      expect(lateEntry.members.get('bw')?.latestOffice).toEqual({ type: 'ChairAssigned', term: 2022, occurredAt: at('2022-01-01') });
      expect(body.members.get('ua')?.latestOffice).toBeUndefined();
    });

    it('is forgotten when the member is admitted again', () => {
      const body = kpBody(memberWithdrew('bw', 'participant', at('2023-01-01')), participantAdmitted('bw', at('2024-01-01')));
      expect(body.members.get('bw')?.latestOffice).toBeUndefined();
    });
  });

  describe('isActiveParticipant', () => {
    it('is true for an admitted participant that is not suspended', () => {
      expect(isActiveParticipant(kpBody(), 'ua')).toBe(true);
    });

    it.each([
      ['an observer', 'csc', kpBody()],
      ['an unknown member', 've', kpBody()],
      ['a suspended participant', 'ru', kpBody(participantSuspended('ru'))],
      ['a withdrawn participant', 'by', kpBody(memberWithdrew('by'))],
    ])('is false for %s', (_who, id, body) => {
      expect(isActiveParticipant(body, id)).toBe(false);
    });
  });
});

describe('foldBodyEvents', () => {
  it('folds many events to exactly what evolveBody one by one gives, leaving the state it started from alone', () => {
    const history = [
      ...KP_MEMBERSHIP,
      ...Array.from({ length: 200 }, (_, index) =>
        index % 2 === 0 ? participantSuspended('ru', at(`2010-01-${String((index % 28) + 1).padStart(2, '0')}`)) : participantReinstated('ru'),
      ),
      viceChairSelected('bw', 2021),
      memberWithdrew('by'),
    ];
    const start = bodyOf(KP_MEMBERSHIP.slice(0, 3));
    const before = [...(start.status === 'established' ? start.members : [])];

    const folded = foldBodyEvents(start, history.slice(3));

    expect(folded).toStrictEqual(history.slice(3).reduce(evolveBody, start));
    expect(folded).toStrictEqual(bodyOf(history));
    expect([...(start.status === 'established' ? start.members : [])]).toEqual(before);
    expect(foldBodyEvents(initialBodyState, history)).toStrictEqual(bodyOf(history));
  });
});
