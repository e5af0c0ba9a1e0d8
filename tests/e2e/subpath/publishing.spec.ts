/** Publishing under the sub-path /docs/errors/: sitemap, catalog.json, redirects and 404 keep the base path. */
import { definePublishingChecks } from '../support/publishing-checks';

definePublishingChecks();
