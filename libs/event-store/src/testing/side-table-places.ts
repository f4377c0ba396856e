import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, freshSchemaName, withAdminClient } from '../postgres/testing/test-schemas';

export const TEST_PG_URL = process.env.CONCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Fresh places for the contract tests of a table kept beside the ledger (webhooks, API keys): a
 * SQLite file in a directory of its own, or a PostgreSQL schema of its own, each removed by `removeAll`.
 */
export class SideTablePlaces {
  private readonly directories: string[] = [];
  private readonly schemas: string[] = [];

  constructor(private readonly prefix: string) {}

  sqliteFile(): string {
    const directory = mkdtempSync(join(tmpdir(), `concord-${this.prefix}-`));
    this.directories.push(directory);
    return join(directory, 'ledger.sqlite');
  }

  /** A new schema, created (the event store would have made it), quoted as an identifier. */
  async postgresSchema(): Promise<string> {
    const schema = freshSchemaName();
    this.schemas.push(schema);
    await withAdminClient(TEST_PG_URL, (client) => client.query(`CREATE SCHEMA ${client.escapeIdentifier(schema)}`));
    return `"${schema}"`;
  }

  async removeAll(): Promise<void> {
    for (const directory of this.directories) rmSync(directory, { recursive: true, force: true });
    for (const schema of this.schemas) await dropSchema(TEST_PG_URL, schema);
  }
}
