/** The members of an event as `concord export` writes it, one line each; a line with any other is no export. */
export const EXPORTED_FIELDS: readonly string[] = ['position', 'stream', 'streamRevision', 'eventId', 'type', 'schemaVersion', 'data', 'metadata'];

/** The first member of `record` an exported event does not have. */
export function firstUnexportedField(record: object): string | undefined {
  return Object.keys(record).find((key) => !EXPORTED_FIELDS.includes(key));
}
