import { ApiProblem } from './api-problem';
import { charsetOf, readJsonBody } from './json-body';

function refusal(bytes: Buffer, contentType?: string): { code: string; detail: string } {
  try {
    readJsonBody(bytes, contentType);
  } catch (error) {
    if (error instanceof ApiProblem) return { code: error.code, detail: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('readJsonBody', () => {
  const body = { participantId: 'ci', name: "Côte d'Ivoire ダイヤ" };

  it.each([undefined, 'application/json', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/json; CHARSET=utf8'])(
    'reads UTF-8 JSON sent as %s',
    (contentType) => {
      expect(readJsonBody(Buffer.from(JSON.stringify(body), 'utf8'), contentType)).toEqual(body);
    },
  );

  it('reads no bytes as no body, whatever type they are declared with', () => {
    expect(readJsonBody(Buffer.alloc(0), 'application/json')).toBeUndefined();
    expect(refusal(Buffer.from(' '), 'application/json').code).toBe('validation-failed');
  });

  it('refuses bytes that are not UTF-8 instead of recording replacement characters', () => {
    const latin1 = Buffer.from('{"grounds":"caf\u00e9"}', 'latin1');
    expect(refusal(latin1, 'application/json')).toEqual({ code: 'validation-failed', detail: 'the body is not UTF-8 text; send JSON encoded in UTF-8' });
  });

  it.each([
    'application/json; charset=iso-8859-1',
    'application/json; charset="windows-1252"',
    'application/json; charset=utf-16',
    'application/json; charset=',
  ])('refuses a body declared in another charset (%s) with 415', (contentType) => {
    expect(refusal(Buffer.from('{}'), contentType).code).toBe('unsupported-media-type');
  });

  it('reads the charset parameter only, not text that looks like one inside another quoted parameter', () => {
    expect(charsetOf('application/json')).toBeUndefined();
    expect(charsetOf('application/json; charset=latin1')).toBe('latin1');
    expect(charsetOf('application/json ; profile="x;charset=latin1" ; charset="UTF-8"')).toBe('UTF-8');
    expect(charsetOf('application/json; profile="x;charset=latin1"')).toBeUndefined();
    expect(charsetOf('application/json; profile="a \\"quoted\\" word"; Charset=us-ascii')).toBe('us-ascii');
    expect(readJsonBody(Buffer.from('{"a":1}'), 'application/json; profile="x;charset=latin1"')).toEqual({ a: 1 });
    expect(readJsonBody(Buffer.from('{"a":1}'), 'application/json; charset=US-ASCII')).toEqual({ a: 1 });
  });

  it('refuses a field given twice, naming it', () => {
    expect(refusal(Buffer.from('{"participantId":"bw","participantId":"ru"}'), 'application/json')).toEqual({
      code: 'validation-failed',
      detail: 'participantId is given more than once; send each field once',
    });
  });
});
