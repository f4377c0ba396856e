/** The injection token of `LedgerConfig.publicUrl`: the base of every URL the ledger publishes about itself. */
export const PUBLIC_URL = Symbol('PublicUrl');
