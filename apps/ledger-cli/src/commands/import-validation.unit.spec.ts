import { exportLine } from './export-command';
import { ImportValidator, InvalidLineError } from './import-validation';

const metadata = {
  commandId: 'c-1',
  correlationId: 'c-1',
  causationId: null,
  actor: { id: 'secretariat-0123456789ab', role: 'secretariat' },
  recordedAt: '2026-01-01T00:00:00.000Z',
};
const established = {
  position: 1,
  stream: 'body-kp',
  streamRevision: 0,
  eventId: '0190a000-0000-7000-8000-000000000001',
  type: 'BodyEstablished',
  schemaVersion: 1,
  data: { bodyId: 'kp', name: 'Kimberley Process', definition: 'rough diamonds', occurredAt: '2003-01-01T00:00:00.000Z' },
  metadata,
};
const admitted = {
  ...established,
  position: 2,
  streamRevision: 1,
  eventId: '0190a000-0000-7000-8000-000000000002',
  type: 'ParticipantAdmitted',
  data: { bodyId: 'kp', participantId: 'ru', name: 'Russia', kind: 'state', occurredAt: '2003-01-01T00:00:00.000Z' },
};

const line = (value: unknown): string => JSON.stringify(value);

function refusal(lines: string[]): string {
  const validator = new ImportValidator();
  try {
    lines.forEach((text, index) => validator.check(text, index + 1));
  } catch (error) {
    if (error instanceof InvalidLineError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('ImportValidator', () => {
  it('accepts what export writes, line for line', () => {
    const validator = new ImportValidator();
    const exported = exportLine({ ...established, data: established.data, metadata }).trimEnd();
    expect(validator.check(exported, 1)).toMatchObject({ position: 1, stream: 'body-kp', streamRevision: 0 });
    expect(validator.check(line(admitted), 2).event.type).toBe('ParticipantAdmitted');
    expect(validator.count).toBe(2);
  });

  it.each([['2025-04-01T00:00:00+02:00'], ['April 1, 2025'], ['2025-04-01T00:00:00Z'], ['2025-02-30T00:00:00.000Z']])(
    'refuses a recordedAt not written as the ledger writes an instant: %s',
    (recordedAt) => {
      expect(refusal([line({ ...established, metadata: { ...metadata, recordedAt } })])).toMatch(
        /^line 1: metadata\.recordedAt .* is not an instant as the ledger writes one \(YYYY-MM-DDTHH:mm:ss\.sssZ, in UTC\)/,
      );
    },
  );

  it.each([
    ['a date of a day begun east of UTC before it began in UTC (10 h ahead)', '2026-01-01T00:00:00.000Z', '2025-12-31T14:00:00.000Z', 'accepted'],
    [
      'a date of a day begun nowhere yet (15 h ahead)',
      '2026-01-01T00:00:00.000Z',
      '2025-12-31T09:00:00.000Z',
      /^line 1: occurredAt 2026-01-01T00:00:00.000Z is after recordedAt/,
    ],
    [
      'a moment a millisecond after it was recorded',
      '2026-01-01T00:00:00.001Z',
      '2026-01-01T00:00:00.000Z',
      /^line 1: occurredAt 2026-01-01T00:00:00.001Z is after recordedAt/,
    ],
  ])('holds occurredAt to what the ledger takes: %s', (_case, occurredAt, recordedAt, expected) => {
    const answer = refusal([line({ ...established, data: { ...established.data, occurredAt }, metadata: { ...metadata, recordedAt } })]);
    if (typeof expected === 'string') expect(answer).toBe(expected);
    else expect(answer).toMatch(expected);
  });

  it.each([
    ['text that is not JSON', ['{"position": 1,'], /^line 1: not a JSON object/],
    ['a byte-order mark before the first line', [`\uFEFF${line(established)}`], /^line 1: starts with a byte-order mark \(U\+FEFF\)/],
    ['a log that does not start at position 1', [line({ ...established, position: 5 })], /^line 1: position 5 where 1 was expected/],
    ['a position written as text', [line({ ...established, position: '1' })], /^line 1: position "1" where 1 was expected/],
    [
      'a name longer than the API takes',
      [line({ ...established, data: { ...established.data, name: 'K'.repeat(201) } })],
      /^line 1: data\.name is 201 characters long: the ledger takes at most 200 there/,
    ],
    ['a gap in positions', [line(established), line({ ...admitted, position: 3 })], /^line 2: position 3 where 2 was expected/],
    ['a stream revision out of turn', [line(established), line({ ...admitted, streamRevision: 4 })], /^line 2: stream body-kp revision 4 where 1/],
    ['a foreign stream', [line({ ...established, stream: 'orders-1' })], /^line 1: stream "orders-1"/],
    ['an unknown event type', [line({ ...established, type: 'BodyDissolved' })], /^line 1: BodyDissolved v1 is not valid: no schema/],
    ['data its schema refuses', [line({ ...established, data: { ...established.data, bodyId: 'Not A Slug' } })], /^line 1: BodyEstablished v1 is not valid/],
    ['an event id used twice', [line(established), line({ ...admitted, eventId: established.eventId })], /^line 2: eventId .* appears twice/],
    [
      'a command id given again after another command',
      [
        line(established),
        line({ ...admitted, metadata: { ...metadata, commandId: 'c-2' } }),
        line({ ...admitted, position: 3, streamRevision: 2, eventId: '0190a000-0000-7000-8000-000000000003', data: { ...admitted.data, participantId: 'by' } }),
      ],
      /^line 3: metadata.commandId "c-1" was given first at line 1, to another command/,
    ],
    [
      "a command's events in two streams",
      [
        line(established),
        line({ ...established, position: 2, stream: 'body-x', eventId: '0190a000-0000-7000-8000-000000000004', data: { ...established.data, bodyId: 'x' } }),
      ],
      /^line 2: metadata.commandId "c-1" is given at line 1 to an event of body-kp: a command's events go to one stream/,
    ],
    ['metadata without an actor', [line({ ...established, metadata: { ...metadata, actor: undefined } })], /^line 1: metadata.actor/],
    ['an unexpected field', [line({ ...established, extra: 1 })], /^line 1: unexpected field extra/],
    [
      'a field given twice',
      [line(established), line(admitted).replace('"participantId":"ru"', '"participantId":"bw","participantId":"ru"')],
      /^line 2: the field data.participantId is given twice/,
    ],
    [
      'an envelope field given twice',
      [line(established).replace('{"position":1,', '{"position":1,"position":1,')],
      /^line 1: the field position is given twice/,
    ],
    [
      'a name with control characters',
      [line(established), line({ ...admitted, data: { ...admitted.data, name: 'Russia\u001b[2J\u0007' } })],
      /^line 2: data.name must not contain control characters/,
    ],
    [
      'a name with a bidirectional override',
      [line({ ...established, data: { ...established.data, name: 'KP \u202e' } })],
      /^line 1: data.name must not contain/,
    ],
    [
      'a definition with NUL',
      [line({ ...established, data: { ...established.data, definition: 'rough\u0000diamonds' } })],
      /^line 1: data.definition must not contain/,
    ],
    ['a name with half a character', [line({ ...established, data: { ...established.data, name: 'KP \ud800' } })], /^line 1: data.name must not contain/],
    [
      "an actor's name with half a character",
      [line({ ...established, metadata: { ...metadata, actor: { ...metadata.actor, name: 'Clerk \ud800' } } })],
      /^line 1: metadata.actor.name must not contain/,
    ],
  ])('refuses %s, naming the line', (_, lines, message) => {
    expect(refusal(lines)).toMatch(message);
  });

  it('accepts newlines and tabs in free text, as the API does', () => {
    expect(refusal([line({ ...established, data: { ...established.data, definition: 'rough\n\tdiamonds' } })])).toBe('accepted');
  });
});
