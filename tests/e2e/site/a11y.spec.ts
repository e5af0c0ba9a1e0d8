/** Accessibility gate: axe (WCAG 2.2 AA) over every URL of the sitemap, light and dark. */
import { defineAxeSweep } from '../support/gates';

defineAxeSweep();
