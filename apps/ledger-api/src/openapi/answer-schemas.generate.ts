import { join, resolve } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = resolve(__dirname, '../../../..');
export const ANSWERS_SOURCE = join(ROOT, 'apps/ledger-api/src/openapi/answers.ts');
export const ANSWER_SCHEMAS_FILE = join(ROOT, 'apps/ledger-api/src/openapi/answer-schemas.json');

/**
 * The JSON Schemas of every answer type exported by `answers.ts`, as OpenAPI 3.1 component schemas
 * (references point into `#/components/schemas`). Interfaces are closed (no property but those
 * declared), so a test that validates real answers against them also catches a field added to an
 * answer and not to its type. Runs the TypeScript compiler: a development step, never at start.
 */
export function generateAnswerSchemas(): Record<string, unknown> {
  const generator = createGenerator({
    path: ANSWERS_SOURCE,
    tsconfig: join(ROOT, 'tsconfig.json'),
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const schema = generator.createSchema('*');
  const text = JSON.stringify(schema.definitions ?? {}).replaceAll('"#/definitions/', '"#/components/schemas/');
  return JSON.parse(text) as Record<string, unknown>;
}
