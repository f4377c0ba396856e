/** Something the ledger says that the caller asked about and cannot have: exit code 1, one line. */
export class Finding extends Error {
  override readonly name = 'Finding';
}
