import { readFileSync, writeFileSync } from 'node:fs';
import { ANSWER_SCHEMAS_FILE, generateAnswerSchemas } from './answer-schemas.generate';

describe('the answer schemas of the OpenAPI document', () => {
  it('are what answers.ts says, type for type (UPDATE_DOCS=1 rewrites the file)', () => {
    const generated = `${JSON.stringify(generateAnswerSchemas(), null, 2)}\n`;
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(ANSWER_SCHEMAS_FILE, generated);
    expect(readFileSync(ANSWER_SCHEMAS_FILE, 'utf8')).toBe(generated);
  }, 60_000);
});
