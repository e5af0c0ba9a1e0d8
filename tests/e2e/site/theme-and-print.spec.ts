/**
 * Themes: the site follows the system setting, the toggle's choice is remembered and applied
 * before the first paint; and code pages print without the site chrome.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { THEME_STORAGE_KEY } from '../../../src/elements/theme-preference';

const rootBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Colour theme' });

test('the theme follows the system setting when nothing was chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const light = await rootBackground(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await rootBackground(page);
  expect(light).not.toBe(dark);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
  await expect(themeSelect(page)).toHaveValue('system');
});

test('choosing a theme applies it at once and remembers it on the next page; System forgets it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const lightBackground = await rootBackground(page);
  await expect(themeSelect(page)).toBeEnabled();
  await themeSelect(page).selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBackground = await rootBackground(page);
  expect(darkBackground).not.toBe(lightBackground);

  await page.goto('codes/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(themeSelect(page)).toHaveValue('dark');
  expect(await rootBackground(page)).toBe(darkBackground);

  await themeSelect(page).selectOption({ label: 'System' });
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBeNull();
  expect(await rootBackground(page)).toBe(lightBackground);
});

test('a remembered theme is already applied when the body is first parsed (no flash)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const lightBackground = await rootBackground(page);
  await page.evaluate((key) => localStorage.setItem(key, 'dark'), THEME_STORAGE_KEY);
  // Record the theme at the moment <body> appears: before any module script or first paint.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      (window as unknown as { __atBody?: string }).__atBody =
        `${document.documentElement.dataset.theme}|${getComputedStyle(document.documentElement).backgroundColor}`;
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('codes/');
  const [theme, background] = (
    await page.evaluate(() => (window as unknown as { __atBody?: string }).__atBody ?? '|')
  ).split('|');
  expect(theme).toBe('dark');
  expect(background).not.toBe(lightBackground);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the theme control is disabled and the system setting applies', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./');
    await expect(themeSelect(page)).toBeDisabled();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
  });
});

test('a code page prints without header, navigation or search, shows link targets and keeps tables whole', async ({
  page,
}) => {
  await page.goto('codes/');
  const codeLink = page.locator('main table a[href*="/codes/"]').first();
  await codeLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Search' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const printed = await page.evaluate(() => {
    const link = [...document.querySelectorAll('main a[href]')].find(
      (anchor) => !anchor.getAttribute('href')!.startsWith('#'),
    );
    const table = document.querySelector('main table');
    return {
      linkAfter: link ? getComputedStyle(link, '::after').content : '',
      href: link?.getAttribute('href') ?? '',
      tableBreak: table ? getComputedStyle(table).breakInside : 'avoid',
      background: getComputedStyle(document.documentElement).backgroundColor,
    };
  });
  expect(printed.linkAfter).toContain(printed.href);
  expect(printed.tableBreak).toBe('avoid');
  expect(printed.background).toBe('rgb(255, 255, 255)');
});
