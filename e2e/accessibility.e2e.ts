import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { chooseLook, LOOKS, userWithMail } from './ui-fixture';

/**
 * axe-core over every page — sign-in, sign-up, the inbox, an open message, compose and
 * Settings — in both languages and both themes: no serious or critical violation of WCAG
 * 2.x A/AA (colour contrast is checked in each theme). Each page's counts are printed
 * (`axe <page> <locale> <theme>: …`) and attached to the report, for the closing note.
 */
test.use({ viewport: { width: 1440, height: 900 } });

type Finding = { rule: string; impact: string | null | undefined; where: string[] };

async function check(page: Page, name: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const count = (impact: string) =>
    results.violations.filter((violation) => violation.impact === impact).length;
  const summary = `axe ${name}: ${results.passes.length} rules passed, violations critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`;
  console.log(summary);
  await test.info().attach(`axe ${name}`, { body: summary, contentType: 'text/plain' });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      where: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
}

test('sign-in and sign-up pages have no serious violation', async ({ browser, baseURL }) => {
  for (const look of LOOKS) {
    const context = await browser.newContext();
    await chooseLook(context, baseURL ?? '', look);
    const page = await context.newPage();
    for (const path of ['/sign-in', '/sign-up']) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', look.locale);
      const name = `${path.slice(1)} ${look.locale} ${look.theme}`;
      expect(await check(page, name), name).toEqual([]);
    }
    await context.close();
  }
});

test('inbox, an open message, compose and settings have no serious violation', async ({
  page,
  context,
  baseURL,
}) => {
  const { subject } = await userWithMail(page, 'axe');
  for (const look of LOOKS) {
    await chooseLook(context, baseURL ?? '', look);
    const where = `${look.locale} ${look.theme}`;
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', look.locale);
    await expect(page.locator('html')).toHaveAttribute('data-theme', look.theme);
    const row = page.getByRole('row').filter({ hasText: subject });
    await expect(row).toBeVisible({ timeout: 60_000 });
    expect(await check(page, `inbox ${where}`), `inbox ${where}`).toEqual([]);

    await row.getByRole('link').click();
    await expect(page.getByRole('article').getByRole('heading', { name: subject })).toBeVisible();
    // the open message's row is the grid's current row
    await expect(row).toHaveAttribute('aria-selected', 'true');
    expect(await check(page, `message ${where}`), `message ${where}`).toEqual([]);

    await page.getByRole('button', { name: look.locale === 'en' ? 'Compose' : '写信' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await check(page, `compose ${where}`), `compose ${where}`).toEqual([]);
    await page.keyboard.press('Escape');

    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await check(page, `settings ${where}`), `settings ${where}`).toEqual([]);
  }
});
