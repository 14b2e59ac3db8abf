import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import { resolve } from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * `npm run lint`: ESLint's and typescript-eslint's type-checked recommendations for the whole code
 * base and React's hooks rules for the renderer. The compiler's own checks (unused locals and parameters)
 * run in `npm run typecheck`; the import direction is build/dependency-cruiser.cjs.
 */
const root = resolve(import.meta.dirname, '..');

export default defineConfig(
  {
    basePath: root,
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '**/*.mjs', '**/*.cjs'],
  },
  {
    basePath: root,
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The compiler's noUnusedLocals and noUnusedParameters (tsconfig.json) report the same, once.
      '@typescript-eslint/no-unused-vars': 'off',
      // zustand actions and Mantine's form helpers are closures that their types declare with method
      // syntax; none of them reads `this`, so destructuring them is safe and the rule only adds noise.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    basePath: root,
    files: ['test/**/*.ts'],
    rules: {
      // Stubs stand in for async interfaces (a bridge, a print window) and answer at once.
      '@typescript-eslint/require-await': 'off',
      // Tests read raw JSON and hand hostile, untyped input to the core on purpose; expect() checks
      // the shape at run time.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    basePath: root,
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      // A notice that the React Compiler would skip a component using TanStack Virtual or Mantine's
      // form; the app is not built with the compiler, so there is nothing to act on.
      'react-hooks/incompatible-library': 'off',
      // A renderer module that passes ~400 lines splits by what it does (developers' guide).
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
);
