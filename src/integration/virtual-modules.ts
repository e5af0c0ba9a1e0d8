/**
 * The integration's virtual module: `virtual:error-catalog/options` gives pages, components and
 * the content config the validated integration options (the catalog folder among them), the way
 * Starlight exposes its user config. A Vite plugin, so it works in `astro dev` and `astro build`.
 */
import type { ErrorCatalogOptions } from './options';

const OPTIONS_ID = 'virtual:error-catalog/options';

export function virtualModulesPlugin(options: ErrorCatalogOptions) {
  const resolved = `\0${OPTIONS_ID}`;
  return {
    name: 'error-catalog:virtual-modules',
    resolveId(id: string) {
      return id === OPTIONS_ID ? resolved : undefined;
    },
    load(id: string) {
      return id === resolved ? `export default ${JSON.stringify(options)};` : undefined;
    },
  };
}
