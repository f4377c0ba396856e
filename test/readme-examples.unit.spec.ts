import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

describe("the README's integrator example", () => {
  it('shows the webhook receiver exactly as examples/webhook-receiver.mjs has it, which a test runs against the ledger', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const receiver = readFileSync(join(ROOT, 'examples', 'webhook-receiver.mjs'), 'utf8');
    const code = receiver
      .split('\n')
      .filter((line) => !line.startsWith('//'))
      .join('\n')
      .trim();
    expect(readme).toContain(`\`\`\`js\n${code}\n\`\`\``);
  });
});
