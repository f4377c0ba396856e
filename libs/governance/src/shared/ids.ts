/**
 * Identifiers are lowercase slugs chosen by the secretariat (`kimberley-process`, `ru`, `p-2022-07`).
 * They are branded so that a participant id cannot be passed where a proposal id is expected; the
 * brand is applied once, at the edge, by `parseSlug`.
 */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type BodyId = Brand<string, 'BodyId'>;
export type MemberId = Brand<string, 'MemberId'>;
export type MeetingId = Brand<string, 'MeetingId'>;
export type ProposalId = Brand<string, 'ProposalId'>;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** Brands a string already validated at the edge; throws on anything that is not a slug. */
export function asId<T extends BodyId | MemberId | MeetingId | ProposalId>(value: string): T {
  if (!isSlug(value)) throw new TypeError(`not a valid identifier: ${JSON.stringify(value)}`);
  return value as T;
}

export const bodyStream = (id: string): string => `body-${id}`;
export const meetingStream = (id: string): string => `meeting-${id}`;
export const proposalStream = (id: string): string => `proposal-${id}`;

export type StreamKind = 'body' | 'meeting' | 'proposal';

/** Splits a stream name back into its kind and aggregate id; undefined for foreign streams. */
export function parseStream(stream: string): { kind: StreamKind; id: string } | undefined {
  const match = /^(body|meeting|proposal)-(.+)$/.exec(stream);
  if (!match) return undefined;
  return { kind: match[1] as StreamKind, id: match[2] as string };
}
