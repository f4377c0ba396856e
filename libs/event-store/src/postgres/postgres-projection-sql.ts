/** The projection store's statements for one quoted schema name (see migration 2). */
export interface ProjectionSql {
  readonly checkpoint: string;
  readonly checkpointForUpdate: string;
  readonly rowsOfKey: string;
  readonly rowsOfAllKeys: string;
  readonly storeRows: string;
  readonly advanceCheckpoint: string;
  readonly deleteRows: string;
  readonly deleteCheckpoint: string;
}

export function projectionSql(schema: string): ProjectionSql {
  const rows = `${schema}.projection_rows`;
  const checkpoints = `${schema}.projection_checkpoints`;
  // COLLATE "C" compares ids by code point, as SQLite and the in-memory store do, whatever the
  // database's collation; value as text, which JSON keeps exactly as written.
  const rowsOf = (keyFilter: string): string => `SELECT collection, id, key, position, value::text AS value FROM ${rows}
      WHERE projection = $1 AND collection = $2${keyFilter} ORDER BY position, id COLLATE "C"`;
  return {
    checkpoint: `SELECT position FROM ${checkpoints} WHERE projection = $1`,
    checkpointForUpdate: `SELECT position FROM ${checkpoints} WHERE projection = $1 FOR UPDATE`,
    rowsOfKey: rowsOf(' AND position <= $3 AND key = $4'),
    rowsOfAllKeys: rowsOf(' AND position <= $3'),
    // One statement per chunk, however many rows: unnest turns the column arrays into rows.
    // The WHERE: a row from further on in the log is never replaced by one from before it.
    storeRows: `INSERT INTO ${rows} AS stored (projection, collection, id, key, position, value)
      SELECT $1::text, * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::json[])
      ON CONFLICT (projection, collection, id) DO UPDATE SET key = excluded.key, position = excluded.position, value = excluded.value
      WHERE stored.position <= excluded.position`,
    // GREATEST: a process that commits late (it folded the same events more slowly) never moves it back.
    advanceCheckpoint: `INSERT INTO ${checkpoints} AS stored (projection, position) VALUES ($1, $2)
      ON CONFLICT (projection) DO UPDATE SET position = GREATEST(stored.position, excluded.position)`,
    deleteRows: `DELETE FROM ${rows} WHERE projection = $1`,
    deleteCheckpoint: `DELETE FROM ${checkpoints} WHERE projection = $1 RETURNING position`,
  };
}
