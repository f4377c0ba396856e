import { BodyEvent, BodyState, bodyAsItStood, decodeState, encodeState, foldBodyEvents } from '@concord/governance';
import { BodyWorldTimeline, WorldFold } from './body-world-timeline';

/** A small deterministic generator, so a failing history can be replayed from its seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const day = (offset: number): string => new Date(Date.UTC(2003, 0, 1) + offset * 86_400_000).toISOString();

/**
 * A random body history: mostly recorded in world-time order, with late entries dated years back,
 * several events on one day (ties), and events before the establishment, which a fold ignores.
 */
function randomHistory(random: () => number, length: number): BodyEvent[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const bodyId = 'kp';
  const events: BodyEvent[] = [{ type: 'BodyEstablished', data: { bodyId, name: 'KP', definition: 'D', occurredAt: day(10) } }];
  let today = 10;
  for (let index = 1; index < length; index += 1) {
    today += pick([0, 0, 1, 3]);
    const occurredAt = random() < 0.15 ? day(Math.floor(random() * today)) : day(today);
    const participantId = `p${Math.floor(random() * 25)}`;
    const choice = random();
    const event: BodyEvent =
      choice < 0.35
        ? { type: 'ParticipantAdmitted', data: { bodyId, participantId, name: `Name ${index}`, kind: 'state', occurredAt } }
        : choice < 0.45
          ? { type: 'ObserverAdmitted', data: { bodyId, observerId: `o${Math.floor(random() * 4)}`, name: `Observer ${index}`, occurredAt } }
          : choice < 0.6
            ? { type: 'ParticipantSuspended', data: { bodyId, participantId, reason: 'r', occurredAt } }
            : choice < 0.75
              ? { type: 'ParticipantReinstated', data: { bodyId, participantId, occurredAt } }
              : choice < 0.8
                ? { type: 'MemberWithdrew', data: { bodyId, memberId: participantId, role: 'participant', occurredAt } }
                : choice < 0.9
                  ? { type: 'ViceChairSelected', data: { bodyId, participantId, term: 2003 + Math.floor(random() * 30), occurredAt } }
                  : {
                      type: 'ChairAssigned',
                      data: { bodyId, participantId, term: 2003 + Math.floor(random() * 30), basis: 'succession', previousViceChair: null, occurredAt },
                    };
    events.push(event);
  }
  return events;
}

describe('BodyWorldTimeline', () => {
  it.each([11, 12, 13, 14, 15, 16])('answers exactly what bodyAsItStood defines, at any moment, as events arrive (seed %i)', (seed) => {
    const random = seeded(seed);
    const history = randomHistory(random, 600);
    const timeline = new BodyWorldTimeline();
    let added = 0;
    while (added < history.length) {
      const batch = 1 + Math.floor(random() * 8);
      timeline.add(history.slice(added, added + batch));
      added = Math.min(history.length, added + batch);
      const recorded = history.slice(0, added);
      const lastDay = Math.max(...recorded.map((event) => Date.parse(event.data.occurredAt)));
      const moments = [
        new Date(lastDay).toISOString(),
        day(Math.floor(random() * 400)),
        day(5),
        recorded[Math.floor(random() * recorded.length)]?.data.occurredAt ?? day(0),
      ];
      for (const moment of moments) expect(timeline.stateAt(moment)).toStrictEqual(bodyAsItStood(recorded, moment));
    }
    expect(timeline.establishedAt).toBe(day(10));
  });

  it.each([21, 22, 23, 24, 25, 26])(
    'resumed from the world-time fold of a first part, as stored, answers what bodyAsItStood defines from its latest date on (seed %i)',
    (seed) => {
      const random = seeded(seed);
      const cut = 50 + ((seed * 61) % 400);
      const first = randomHistory(random, 600);
      const whole = new BodyWorldTimeline();
      whole.add(first.slice(0, cut));
      const stored = whole.worldFold();
      if (stored === undefined) throw new Error('no fold of a non-empty history');
      // After the cut, most events dated before the stored fold's latest date are moved onto it (ties
      // with the events it covers); one in two hundred stays a late entry, which a resumed timeline refuses.
      const history = first.map((event, index) =>
        index < cut || event.data.occurredAt >= stored.latest || random() < 0.005
          ? event
          : ({ ...event, data: { ...event.data, occurredAt: stored.latest } } as BodyEvent),
      );
      const resumed = BodyWorldTimeline.resumed(decodeState<WorldFold>(encodeState(stored)));
      const floor = resumed.floor ?? '';
      expect(floor).toBe(history.slice(0, cut).reduce((latest, event) => (event.data.occurredAt > latest ? event.data.occurredAt : latest), ''));
      expect(resumed.establishedAt).toBe(whole.establishedAt);
      let added = cut;
      let checked = 0;
      while (added < history.length) {
        const batch = history.slice(added, added + 1 + Math.floor(random() * 8));
        if (!resumed.takes(batch)) {
          // A late entry: it is refused, and the resumed timeline answers as before it.
          expect(() => resumed.add(batch)).toThrow(RangeError);
          break;
        }
        resumed.add(batch);
        added += batch.length;
        const recorded = history.slice(0, added);
        const lastDay = recorded.reduce((latest, event) => (event.data.occurredAt > latest ? event.data.occurredAt : latest), '');
        for (const moment of [lastDay, recorded[cut + Math.floor(random() * (added - cut))]?.data.occurredAt ?? floor]) {
          const expected = moment < floor ? undefined : bodyAsItStood(recorded, moment);
          expect(resumed.stateAt(moment)).toEqual(expected);
          checked += 1;
        }
        expect(resumed.stateAt(day(0))).toBeUndefined();
      }
      expect(resumed.stateAt(floor)).toEqual(bodyAsItStood(history.slice(0, added), floor));
      // Each seed's history goes on well past its cut before a late entry, if one comes at all.
      expect(checked).toBeGreaterThan(4);
    },
  );

  describe('cost', () => {
    let folded: number;
    const counting = (state: BodyState, events: readonly BodyEvent[]): BodyState => {
      folded += events.length;
      return foldBodyEvents(state, events);
    };

    it('folds only what was added since the last question about today, however long the history', () => {
      const timeline = new BodyWorldTimeline(counting);
      const history = randomHistory(seeded(7), 20_000).map((event, index) => ({ ...event, data: { ...event.data, occurredAt: day(10 + index) } }) as BodyEvent);
      timeline.add(history);
      folded = 0;
      timeline.stateAt(day(1_000_000));
      expect(folded).toBe(20_000);
      for (let round = 0; round < 10; round += 1) {
        timeline.add([{ type: 'ParticipantReinstated', data: { bodyId: 'kp', participantId: 'p1', occurredAt: day(30_000 + round) } }]);
        folded = 0;
        timeline.stateAt(day(1_000_000));
        expect(folded).toBe(1);
      }
    });

    it('asked about a past moment again, folds nothing; nearby, folds only the events in between', () => {
      const timeline = new BodyWorldTimeline(counting);
      timeline.add(randomHistory(seeded(8), 5_000).map((event, index) => ({ ...event, data: { ...event.data, occurredAt: day(10 + index) } }) as BodyEvent));
      timeline.stateAt(day(2_000));
      folded = 0;
      timeline.stateAt(day(2_000));
      expect(folded).toBe(0);
      timeline.stateAt(day(2_010));
      expect(folded).toBe(10);
    });

    it('a late entry refolds from the last kept state before it, not from the beginning', () => {
      const timeline = new BodyWorldTimeline(counting);
      timeline.add(randomHistory(seeded(9), 5_000).map((event, index) => ({ ...event, data: { ...event.data, occurredAt: day(10 + index) } }) as BodyEvent));
      for (let moment = 100; moment <= 5_000; moment += 100) timeline.stateAt(day(moment));
      timeline.add([{ type: 'ParticipantSuspended', data: { bodyId: 'kp', participantId: 'p1', reason: 'late', occurredAt: day(4_950) } }]);
      folded = 0;
      timeline.stateAt(day(1_000_000));
      expect(folded).toBeLessThan(200);
    });
  });
});
