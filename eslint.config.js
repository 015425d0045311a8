import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', '.svelte-check/', '**/__screenshots__/', 'test-results/']),
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // The engine must run unchanged in the page and in Node: no DOM, no Node, no other room's imports.
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            '**/sim/*',
            '**/ui/*',
            '**/node/*',
            '**/i18n/*',
            '**/lessons/*',
            'svelte',
            'svelte/*',
          ],
        },
      ],
      // No clock either: time is the caller's (the simulator's virtual clock, a socket driver's timers).
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'process',
        'Buffer',
        'localStorage',
        'setTimeout',
        'setInterval',
        'clearTimeout',
        'clearInterval',
        'requestAnimationFrame',
        'performance',
        'Date',
      ],
    },
  },
  {
    // The simulator imports only the engine: it speaks in catalog keys, never in a language (DESIGN.md).
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/ui/*', '**/i18n/*', '**/lessons/*', '**/node/*', 'svelte', 'svelte/*'] },
      ],
    },
  },
  {
    // Captures are read by the engine alone: no DOM, no Node, so the page's worker and the tests share it.
    files: ['src/capture/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            '**/ui/*',
            '**/sim/*',
            '**/i18n/*',
            '**/lessons/*',
            '**/node/*',
            'svelte',
            'svelte/*',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'process', 'Buffer', 'localStorage'],
    },
  },
  {
    // Lessons and their checkers import only the engine; the Vite plugin that builds them runs in Node.
    files: ['src/lessons/**/*.ts'],
    ignores: ['src/lessons/vite-plugin.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/ui/*', '**/sim/*', '**/i18n/*', '**/node/*', 'svelte', 'svelte/*'] },
      ],
    },
  },
  {
    // The capstone's grader drives the simulator and the engine; it speaks in catalog keys, as sim/ does.
    files: ['src/build/**/*.ts'],
    ignores: ['src/build/sandbox/vite-plugin.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/ui/*',
            '**/i18n/*',
            '**/lessons/*',
            '**/node/*',
            '**/capture/*',
            'svelte',
            'svelte/*',
          ],
        },
      ],
    },
  },
  {
    // Catalogs may read the engine's ids and the keys sim/ and lessons/ produce, never the UI.
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/ui/*', '**/node/*'] }],
    },
  },
);
