import { createHash } from 'node:crypto';

/**
 * What an advisory lock of the store protects. `append` serialises appends (see
 * `postgres-append.ts`); `migrate` serialises schema migrations of processes starting together.
 */
export type LockPurpose = 'append' | 'migrate';

/**
 * The 64-bit key of the store's advisory lock for `purpose` in `schema`, as a decimal string (pg
 * sends it as a bigint parameter). Advisory locks are per database, so two stores in different
 * schemas of one database must not share a key; deriving it from a hash of purpose and schema
 * keeps them apart, and the `concord-ledger:` prefix keeps them clear of other applications' keys.
 * Every process computes the same key, which is what makes the lock work across processes.
 */
export function advisoryLockKey(purpose: LockPurpose, schema: string): string {
  const digest = createHash('sha256').update(`concord-ledger:${purpose}:${schema}`).digest();
  return digest.readBigInt64BE(0).toString();
}
