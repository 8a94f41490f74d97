import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const frameworkImports = ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'ioredis', 'react', 'react-dom', 'react/*', 'pg', 'express'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.data/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: frameworkImports, message: 'packages/domain is pure: no framework, database or UI imports.' }] },
      ],
    },
  },
  {
    // The API reads its environment once, at its entry points, through loadConfig (apps/api/src/config).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/main.ts', 'apps/api/src/worker.ts', 'apps/api/src/database/migrate.command.ts', 'apps/api/src/common/observability/start-tracing.ts', 'apps/api/src/**/*.spec.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Use the validated configuration (APP_CONFIG); only entry points pass process.env to loadConfig.' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // What the public portal's entry script is made of (app/router imports the desks lazily) says
    // only the portal's words (lib/i18n-messages); the desks' (lib/desk-messages) travel in their chunks.
    files: [
      'apps/web/src/main.tsx',
      'apps/web/src/app/{router,providers}.tsx',
      'apps/web/src/ui/**',
      'apps/web/src/lib/**',
      'apps/web/src/features/{portal,disclosure}/**',
      'apps/web/src/features/auth/{require-session.tsx,use-session.ts}',
      'apps/web/src/features/bureau/{compliance-messages.ts,compliance-table.tsx,use-bureau.ts,year-field.tsx}',
    ],
    ignores: ['apps/web/src/lib/desk-{i18n,messages}.ts', 'apps/web/src/lib/round-text.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/desk-i18n', '**/desk-messages'], message: "The portal's entry says only the portal's words (lib/i18n-messages); the desks' come with their lazily loaded chunks." }] },
      ],
    },
  },
);
