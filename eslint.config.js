// Lint: TypeScript rules plus the layering of DESIGN.md, enforced as import restrictions.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ours = (...folders) =>
  folders.map((f) => ({
    group: [`**/${f}/*`, `**/${f}`],
    message: `layering: this folder may not import ${f}/`,
  }));
const noElectron = { name: 'electron', message: 'only electron/shell/ and electron/main.ts import electron' };

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'test-artifacts', 'coverage', 'shared/masters/data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off', // migrations take Kysely<any> on purpose
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ...ours('db', 'electron', 'renderer'),
            { group: ['node:*'], message: 'shared/ runs in the renderer too' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: ours('electron', 'renderer') }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            { name: 'better-sqlite3-multiple-ciphers', message: 'the renderer sees only window.api' },
          ],
          patterns: [...ours('db', 'electron'), { group: ['node:*'], message: 'the renderer has no Node' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.{ts,tsx}'],
    ignores: ['electron/shell/**', 'electron/main.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: ours('renderer') }] },
  },
  {
    // Use cases write rows only through db/records (synced entities: row, clocks, op, search
    // document) or db/stores (local tables), inside the transaction their unit of work owns
    // (issue 19). Reads may use kysely and sql freely.
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'services write through db/records or db/stores, not kysely directly',
        },
        {
          selector:
            "TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=/\\b(INSERT|insert|UPDATE|update|DELETE|delete|REPLACE|replace)\\b/]",
          message: 'services write through db/records or db/stores, not raw SQL',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'no focused tests' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'no silent skips' },
      ],
    },
  },
);
