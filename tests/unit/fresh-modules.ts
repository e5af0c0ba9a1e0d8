/**
 * For a test file that replaces a Node module with `vi.mock`. The unit test files share their
 * worker's modules (`isolate: false`, vitest.config.ts), so what the file tests may already be loaded
 * with the real module: this drops the loaded modules, so the file's `await import(…)` after the call
 * reads through the mock, and drops them again when the file ends, so the files after it get modules
 * that read the real one.
 */
import { afterAll, vi } from 'vitest';

export function freshModulesAfterMock(mocked: string): void {
  vi.resetModules();
  afterAll(() => {
    vi.doUnmock(mocked);
    vi.resetModules();
  });
}
