/**
 * `theme-init.js`: the tiny render-blocking script that applies the remembered theme before the
 * first paint (no flash of the wrong theme). Generated from src/elements/theme-preference.ts so the
 * storage key lives in one place; Base.astro loads it with a plain `<script src>` in <head>.
 */
import type { APIRoute } from 'astro';
import { themeInitSource } from '../elements/theme-preference';

export const GET: APIRoute = () =>
  new Response(themeInitSource(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
