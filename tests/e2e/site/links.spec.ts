/** Link gate: every internal link, asset and #anchor of the built site resolves (within the base path). */
import { defineLinkGate } from '../support/gates';

defineLinkGate();
