/**
 * The site-wide gates (tests/e2e/support/gates.ts) on the internal support site: its pages add
 * the internal banner, escalations and internal notes to the default site's.
 */
import { defineSiteGates } from '../support/gates';

defineSiteGates();
