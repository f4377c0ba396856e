#!/usr/bin/env node
// The auditors' and operators' CLI. It runs the built code; `npm ci` builds it (the prepare script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'apps', 'ledger-cli', 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('concord: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
require(main);
