import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['tests/unit/**/*.test.ts'],
            environment: 'node',
            setupFiles: ['tests/support/i18n-setup.ts'],
            // A hang guard, not a speed check: property tests (fast-check, pako) take ~3 s alone and
            // passed the 5 s default only on a quiet machine (deflate.property failed at load 12).
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'interop',
            include: ['tests/interop/**/*.test.ts'],
            environment: 'node',
            setupFiles: ['tests/support/i18n-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  }),
);
