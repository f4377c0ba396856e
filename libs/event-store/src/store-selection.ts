import type { PostgresWaits } from './postgres/postgres-waits';

/** Which store a ledger runs on, as its configuration names it. */
export type StoreSelection =
  | { readonly kind: 'sqlite'; readonly file: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly schema: string;
      /** How long to wait for a connection and for the answer to a query before taking the server as unavailable. */
      readonly waits?: PostgresWaits;
    }
  | { readonly kind: 'eventstoredb'; readonly url: string };

export const STORE_KINDS = ['sqlite', 'postgres', 'eventstoredb'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** The store as logs and errors may name it: host and database, never a password. */
export function describeStore(selection: StoreSelection): string {
  if (selection.kind === 'sqlite') return `sqlite ${selection.file}`;
  // Hosts and path only: the options after `?` are left out, and the credentials up to the last
  // `@` before them (a password may hold an `@` written unescaped).
  const where = selection.url
    .replace(/^[^:]+:\/\//, '')
    .replace(/[?#].*$/, '')
    .replace(/^.*@/, '');
  return selection.kind === 'postgres' ? `postgres ${where} (schema ${selection.schema})` : `eventstoredb ${where}`;
}
