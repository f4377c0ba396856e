import { ERROR_CATALOGUE, ErrorCode } from '../../libs/ledger/src/errors/error-catalogue';
import { HttpAnswer } from './ledger-harness';

export const CATALOGUED_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/**
 * The codes this test file has seen answered. Jest gives every spec file its own module registry,
 * so the set covers exactly the file that asserts on it.
 */
const observed = new Set<ErrorCode>();

export function observedCodes(): ReadonlySet<ErrorCode> {
  return observed;
}

/**
 * An RFC 9457 problem with the given status and code, as catalogued, answered as
 * `application/problem+json`. Returns the problem so the test can check its extension members.
 */
export function expectProblem(answer: HttpAnswer, status: number, code: ErrorCode): HttpAnswer['body'] {
  expect({ status: answer.status, code: answer.body.code, body: answer.body }).toMatchObject({ status, code });
  expect(ERROR_CATALOGUE[code].status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json\b/);
  expect(answer.body).toMatchObject({
    type: `https://concord-ledger.dev/errors/${code}`,
    title: ERROR_CATALOGUE[code].title,
    code,
    detail: expect.any(String),
    instance: expect.stringMatching(/^\//),
  });
  expect(answer.body.status).toBe(status);
  observed.add(code);
  return answer.body;
}

/** A 400 `validation-failed` whose `errors` name the given field. */
export function expectInvalidField(answer: HttpAnswer, field: string): HttpAnswer['body'] {
  const problem = expectProblem(answer, 400, 'validation-failed');
  expect(problem.errors).toEqual(expect.arrayContaining([{ field, messages: expect.arrayContaining([expect.any(String)]) }]));
  return problem;
}
