// ESLint for the whole repository: the recommended JavaScript and TypeScript rules. Formatting is
// Prettier's alone (.prettierrc.json), so no rule here is about layout.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'bench/peer/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // The console runs in the browser.
  { files: ['apps/console/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser } },
  // The CLI's launcher is plain CommonJS that Node runs as it is.
  { files: ['bin/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
