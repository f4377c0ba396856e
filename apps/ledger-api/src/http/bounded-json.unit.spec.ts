import { ApiProblem } from './api-problem';
import { JSON_LIMITS, parseBoundedJson } from './bounded-json';

function refusal(text: string): { code: string; detail: string; extensions: Readonly<Record<string, unknown>> } {
  try {
    parseBoundedJson(text);
  } catch (error) {
    if (error instanceof ApiProblem) return { code: error.code, detail: error.message, extensions: error.extensions };
    throw error;
  }
  throw new Error(`accepted ${text.slice(0, 80)}`);
}

const fields = (count: number, value: unknown = 'v'): Record<string, unknown> => Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, value]));

describe('parseBoundedJson', () => {
  it('gives back flat and nested bodies within the limits', () => {
    const flat = { participantId: 'ru', name: 'Russian Federation', kind: 'state', occurredAt: '2003-01-01', count: 3, adopted: false, reason: null };
    expect(parseBoundedJson(JSON.stringify(flat))).toEqual(flat);
    expect(parseBoundedJson(JSON.stringify(fields(JSON_LIMITS.objectKeys)))).toEqual(fields(JSON_LIMITS.objectKeys));
    const nested = { proposedBy: ['ua', 'eu'], text: 'x'.repeat(JSON_LIMITS.stringLength), inner: { a: [1, { b: null }] } };
    expect(parseBoundedJson(JSON.stringify(nested))).toEqual(nested);
    expect(parseBoundedJson('"text"')).toBe('text');
    expect(parseBoundedJson('[]')).toEqual([]);
  });

  it('counts characters, not UTF-16 units: a text of emoji at the limit passes, one more is refused', () => {
    const emoji = '\u{1F600}';
    expect(() => parseBoundedJson(JSON.stringify({ text: emoji.repeat(JSON_LIMITS.stringLength) }))).not.toThrow();
    expect(refusal(JSON.stringify({ text: emoji.repeat(JSON_LIMITS.stringLength + 1) })).detail).toBe(
      `text is longer than ${JSON_LIMITS.stringLength} characters`,
    );
  });

  it('refuses each limit of a flat body as it refuses it in a nested one, naming the field', () => {
    const tooLong = refusal(JSON.stringify({ name: 'ok', summary: 'x'.repeat(JSON_LIMITS.stringLength + 1) }));
    expect(tooLong).toEqual({
      code: 'request-too-complex',
      detail: `summary is longer than ${JSON_LIMITS.stringLength} characters`,
      extensions: { limit: 'stringLength', max: JSON_LIMITS.stringLength, errors: [{ field: 'summary', messages: [tooLong.detail] }] },
    });
    expect(refusal(JSON.stringify({ inner: { summary: 'x'.repeat(JSON_LIMITS.stringLength + 1) } })).detail).toBe(
      `inner.summary is longer than ${JSON_LIMITS.stringLength} characters`,
    );
    expect(refusal(JSON.stringify(fields(JSON_LIMITS.objectKeys + 1))).extensions['limit']).toBe('objectKeys');
    expect(refusal(JSON.stringify({ ['k'.repeat(JSON_LIMITS.keyLength + 1)]: 1 })).extensions['limit']).toBe('keyLength');
    const inherited = refusal('{"name":"N","constructor":1}');
    expect(inherited).toEqual({
      code: 'validation-failed',
      detail: 'constructor: property constructor should not exist',
      extensions: { errors: [{ field: 'constructor', messages: ['property constructor should not exist'] }] },
    });
    expect(refusal(`{"a":${'['.repeat(JSON_LIMITS.depth)}${']'.repeat(JSON_LIMITS.depth)}}`).extensions['limit']).toBe('depth');
    expect(refusal('{"a":').code).toBe('validation-failed');
  });
});
