#!/usr/bin/env node
/**
 * The `error-catalog` command. The tool is written in TypeScript (src/cli/); this entry compiles it
 * once into .cache/cli/ (tools/build-cli.mjs, again only after a source file changed) and runs it.
 */
import { ensureCliBundle } from '../tools/build-cli.mjs';

let bundle;
try {
  bundle = await ensureCliBundle();
} catch (error) {
  const first = error?.errors?.[0];
  process.stderr.write(
    first
      ? `error-catalog could not compile its source: ${first.text}` +
          (first.location ? ` (${first.location.file}:${first.location.line})` : '') +
          '. Fix the file, or check out a working version of the project.\n'
      : `error-catalog could not compile itself (${error instanceof Error ? error.message : String(error)}). ` +
          'Run `npm ci` in the project folder to install esbuild and the other dependencies, then try again.\n',
  );
  process.exit(1);
}
const { run } = await import(bundle);
process.exitCode = await run(process.argv.slice(2));
