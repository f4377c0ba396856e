import type { components } from './schema';

export type Schemas = components['schemas'];

/** A refusal as the API answers it (RFC 9457 problem with a catalogued code). */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly { field: string; messages: string[] }[] = [],
  ) {
    super(detail);
  }
}

const KEY_ITEM = 'concord-key';

/** The key lives in this tab's session storage only: never in a URL, gone when the tab closes. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY_ITEM),
  signIn: (key: string): void => sessionStorage.setItem(KEY_ITEM, key),
  signOut: (): void => sessionStorage.removeItem(KEY_ITEM),
};

async function answerOf<T>(response: Response): Promise<T> {
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : {};
  if (response.ok) return body as T;
  const problem = body as { code?: string; detail?: string; errors?: { field: string; messages: string[] }[] };
  throw new Refusal(response.status, problem.code ?? 'internal-error', problem.detail ?? response.statusText, problem.errors ?? []);
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const key = session.key();
  return { ...(key ? { authorization: `Bearer ${key}` } : {}), ...extra };
}

/** A GET of the API, typed by the answer it documents. */
export async function read<T>(path: string): Promise<T> {
  return answerOf<T>(await fetch(path, { headers: headers() }));
}

/** A GET of a plain-text answer (a signed checkpoint, byte for byte). */
export async function readText(path: string): Promise<string> {
  const response = await fetch(path, { headers: headers() });
  if (response.ok) return response.text();
  return answerOf<never>(response);
}

/**
 * A command. `idempotencyKey` is made once per form submission, so a double click or a retry after
 * a lost answer records once; `ifMatch` refuses the command when the record moved on since the
 * page was read.
 */
export async function record(path: string, body: object, options: { idempotencyKey: string; ifMatch?: number }): Promise<Schemas['CommandAnswer']> {
  const extra: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': options.idempotencyKey };
  if (options.ifMatch !== undefined) extra['if-match'] = `"${options.ifMatch}"`;
  return answerOf(await fetch(path, { method: 'POST', headers: headers(extra), body: JSON.stringify(body) }));
}
