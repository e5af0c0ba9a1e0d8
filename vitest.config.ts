import { defineConfig } from 'vitest/config';

/**
 * The unit tests run on plain Vite: they test the model, the engine, the CLI and the tools, never an
 * Astro component, so Astro's Vite config (`getViteConfig`, which loads astro.config.mjs and so
 * the default catalog in every test worker) is not needed. Without it the suite took 132 s instead
 * of 152 s on this machine (900 tests, nothing else running).
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Test files share their worker's modules instead of importing the model, the engine and zod
    // afresh for each of the 51 files (collect 25 → 7 s, the suite 148 → 101 s alone). A file that
    // replaces a Node module with `vi.mock` resets the modules and imports what it tests after it.
    isolate: false,
    // Generous: npm test runs the unit tests beside the site builds on two cores, and the CLI tests
    // spawn the real bin several times each (a hang still fails, after a minute).
    testTimeout: 60_000,
  },
});
