/** CSP gate: the site works under a Content-Security-Policy without 'unsafe-inline' scripts. */
import { defineCspGate } from '../support/gates';

defineCspGate();
