// Lint with module boundaries as errors: shared imports nothing of ours, client never imports
// server, migrations import nothing from server/ (nx 24's @nx plugins lag behind, so the
// boundaries are plain ESLint import restrictions).
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

const boundary = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }] },
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'client/src/api/generated/**', 'data/**', '.tmp/**', '.nx/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // Test clients read loosely typed GraphQL responses.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e.ts', 'server/test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', globalThis: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  boundary(['shared/**'], ['@schulverwaltung/server', '@schulverwaltung/client', '**/server/**', '**/client/**', '@nestjs/*', 'typeorm', 'vue'],
    'shared/ is isomorphic: it imports nothing of server or client, nor framework code.'),
  boundary(['client/**'], ['@schulverwaltung/server', '**/server/**', '**/migrations/**', 'typeorm', '@nestjs/*'],
    'The client never imports server code: use the GraphQL API and @schulverwaltung/shared.'),
  boundary(['migrations/**'], ['**/server/**', '@schulverwaltung/*'],
    'Migrations use raw SQL and import nothing from server/ (they must not change when the code does).'),
  boundary(['server/**'], ['@schulverwaltung/client', '**/client/**'], 'The server never imports client code.'),
);
