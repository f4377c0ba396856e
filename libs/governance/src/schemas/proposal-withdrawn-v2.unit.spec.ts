import { CURRENT_SCHEMA_VERSION, EVENT_SCHEMAS, EventPayload, upcast, UPCASTERS, validateEventData } from './index';

/**
 * `ProposalWithdrawn` v2, the ledger's first schema evolution: v1 stays published exactly as it was,
 * and every stored v1 event is read as v2 with `withdrawnBy: null` ("not recorded").
 */

/** The v1 schema as published before v2 existed, byte for byte: stored v1 events are validated against it. */
const PUBLISHED_V1 =
  '{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://concord-ledger.dev/schemas/events/ProposalWithdrawn/v1.json",' +
  '"title":"ProposalWithdrawn","description":"Records that the open proposal was withdrawn, and why. It is closed and accepts no further records.",' +
  '"type":"object","properties":{"proposalId":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]{0,63}$",' +
  '"description":"The proposal, whose stream (`proposal-<proposalId>`) holds this event."},' +
  '"reason":{"type":"string","minLength":1,"description":"Why the proposal was withdrawn."},' +
  '"occurredAt":{"type":"string","format":"date-time","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}\\\\.\\\\d{3}Z$",' +
  '"description":"World time: when the proposal was withdrawn, as given by the secretariat, stored as a UTC date-time (never later than recordedAt)."}},' +
  '"required":["proposalId","reason","occurredAt"],"additionalProperties":false,' +
  '"examples":[{"proposalId":"ukraine-agenda","reason":"The proponents withdrew it for lack of any prospect of consensus.","occurredAt":"2023-06-30T00:00:00.000Z"}]}';

/** Valid v1 payloads across the range the v1 schema allows: short and longest slugs, any non-empty text, any moment. */
function validV1Payloads(): EventPayload[] {
  const proposalIds = ['p', '0', 'ukraine-agenda', 'def-2022', `a${'-'.repeat(63)}`, `z${'9'.repeat(63)}`];
  const reasons = ['x', ' ', 'Superseded.', 'Retiré faute de consensus — “no prospect”, 撤回 🕊', 'line one\nline two\ttabbed', 'r'.repeat(20_000)];
  const moments = ['0001-01-01T00:00:00.000Z', '2022-06-24T00:00:00.000Z', '2023-06-30T23:59:59.999Z', '2100-12-31T12:30:45.123Z'];
  return proposalIds.flatMap((proposalId) => reasons.flatMap((reason) => moments.map((occurredAt) => Object.freeze({ proposalId, reason, occurredAt }))));
}

describe('ProposalWithdrawn schema versions', () => {
  it('is written at version 2', () => {
    expect(CURRENT_SCHEMA_VERSION.ProposalWithdrawn).toBe(2);
    expect(Object.keys(EVENT_SCHEMAS.ProposalWithdrawn)).toEqual(['1', '2']);
  });

  it('keeps the v1 schema exactly as published', () => {
    expect(JSON.stringify(EVENT_SCHEMAS.ProposalWithdrawn[1])).toBe(PUBLISHED_V1);
  });

  it('v2 accepts withdrawnBy as one or more unique slugs, or null', () => {
    const base = { proposalId: 'def-2022', reason: 'Superseded.', occurredAt: '2022-06-24T00:00:00.000Z' };
    for (const withdrawnBy of [null, ['ua'], ['eu', 'ua', 'us']]) {
      expect(validateEventData('ProposalWithdrawn', 2, { ...base, withdrawnBy })).toEqual({ valid: true });
    }
  });

  it('v2 refuses an empty, repeating or non-slug withdrawnBy, and a missing one', () => {
    const base = { proposalId: 'def-2022', reason: 'Superseded.', occurredAt: '2022-06-24T00:00:00.000Z' };
    for (const withdrawnBy of [[], ['ua', 'ua'], ['Ukraine'], 'ua', [1]]) {
      expect(validateEventData('ProposalWithdrawn', 2, { ...base, withdrawnBy }).valid).toBe(false);
    }
    expect(validateEventData('ProposalWithdrawn', 2, base)).toEqual({ valid: false, errors: ['data: missing required property "withdrawnBy"'] });
  });

  it('v1 still refuses withdrawnBy: what was published is not widened', () => {
    const v2 = { proposalId: 'def-2022', reason: 'Superseded.', withdrawnBy: null, occurredAt: '2022-06-24T00:00:00.000Z' };
    expect(validateEventData('ProposalWithdrawn', 1, v2)).toEqual({ valid: false, errors: ['data: unexpected property "withdrawnBy"'] });
  });
});

describe('upcasting ProposalWithdrawn v1 to v2', () => {
  const payloads = validV1Payloads();

  it('registers exactly the step from 1', () => {
    expect(Object.keys(UPCASTERS.ProposalWithdrawn ?? {})).toEqual(['1']);
  });

  it('turns every valid v1 payload into a valid v2 payload with withdrawnBy: null, the rest unchanged', () => {
    expect(payloads.length).toBeGreaterThan(100);
    for (const v1 of payloads) {
      expect(validateEventData('ProposalWithdrawn', 1, v1)).toEqual({ valid: true });
      const upcasted = upcast('ProposalWithdrawn', 1, v1);
      expect(upcasted.schemaVersion).toBe(2);
      expect(upcasted.data).toEqual({ ...v1, withdrawnBy: null });
      expect(validateEventData('ProposalWithdrawn', 2, upcasted.data)).toEqual({ valid: true });
      // Also as an export carries it, through JSON.
      expect(
        validateEventData(
          'ProposalWithdrawn',
          2,
          JSON.parse(JSON.stringify(upcast('ProposalWithdrawn', 1, JSON.parse(JSON.stringify(v1)) as EventPayload).data)),
        ),
      ).toEqual({
        valid: true,
      });
    }
  });

  it('orders the fields as v2 lists them, so that upcast data reads like data written at v2', () => {
    const [v1] = payloads;
    expect(Object.keys(upcast('ProposalWithdrawn', 1, v1 as EventPayload).data)).toEqual(['proposalId', 'reason', 'withdrawnBy', 'occurredAt']);
  });

  it('never mutates the stored payload, and passes v2 data through untouched', () => {
    const stored = Object.freeze({ proposalId: 'def-2022', reason: 'Superseded.', occurredAt: '2022-06-24T00:00:00.000Z' });
    upcast('ProposalWithdrawn', 1, stored);
    expect(stored).toEqual({ proposalId: 'def-2022', reason: 'Superseded.', occurredAt: '2022-06-24T00:00:00.000Z' });
    const v2 = Object.freeze({ ...stored, withdrawnBy: ['ua'] });
    expect(upcast('ProposalWithdrawn', 2, v2)).toEqual({ schemaVersion: 2, data: v2 });
    expect(upcast('ProposalWithdrawn', 2, v2).data).toBe(v2);
  });

  it('refuses a version newer than 2: it was written by a newer ledger', () => {
    expect(() => upcast('ProposalWithdrawn', 3, {})).toThrow(
      'cannot upcast ProposalWithdrawn from schemaVersion 3: the current version is 2, so it was written by a newer ledger',
    );
  });
});
