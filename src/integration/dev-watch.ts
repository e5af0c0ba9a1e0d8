/**
 * What `astro dev` must not watch. The test and benchmark builds write tens of thousands of files
 * under the project's `.cache/` and `dist/`: watching them ran the dev server out of file watchers
 * (ENOSPC) and it stopped serving. But the tools start their dev servers with an Astro root under
 * `.cache/astro-roots/`, and Astro reloads a page after a guide (MDX) changes only when it sees its
 * content data store (`<root>/.astro/data-store.json`) change: that folder, and the folders above
 * it, stay watched.
 */
import { isAbsolute, relative, sep } from 'node:path';

/** True when `path` is `folder` or inside it (absolute paths). */
function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/**
 * A chokidar `ignored` test for the dev server.
 * @param project the project folder (where `.cache/` and `dist/` are written)
 * @param root the Astro root of this server (the project, or a tool's folder under `.cache/`)
 * @param outDir the build's output folder
 */
export function devWatchIgnored(project: string, root: string, outDir: string): (path: string) => boolean {
  const out = outDir.replace(/[\\/]+$/, '');
  // An output folder that holds the project itself (`outDir: '.'`) is not skipped: that would be everything.
  const heavy = [`${project}${sep}.cache`, `${project}${sep}dist`, ...(within(project, out) ? [] : [out])];
  const dataStore = `${root}${sep}.astro`;
  return (path) => {
    if (!heavy.some((folder) => within(path, folder))) return false;
    // The root's content data store, and the folders chokidar walks through to reach it.
    return !(within(path, dataStore) || within(root, path));
  };
}
