/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Generous: npm test runs the unit tests beside the site builds on two cores, and the CLI tests
    // spawn the real bin several times each (a hang still fails, after a minute).
    testTimeout: 60_000,
  },
});
