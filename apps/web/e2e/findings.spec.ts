import { expect, test, type Locator, type Page } from '@playwright/test';
import { uniqueName } from './connect-wizard';
import { nav, signIn } from './sign-in';

/** The AWS account scripts/browser-test.sh seeds (prisma/seed.ts). */
const SEEDED_ACCOUNT = 'Simulated AWS (demo)';

/** The findings table's rows (not its header), once it has loaded. */
function findingRows(page: Page): Locator {
  return page
    .getByRole('table', { name: 'Findings' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
}

/** The risk scores of the rows shown, top to bottom, read in one pass (the table may re-render meanwhile). */
async function riskColumn(page: Page): Promise<number[]> {
  await expect(page.getByText(/^(Showing the first )?\d+ findings?$/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Findings' });
  const column = await table
    .getByRole('columnheader')
    .evaluateAll((headers) => headers.findIndex((h) => h.textContent?.trim() === 'Risk'));
  return findingRows(page).evaluateAll(
    (rows, col) => rows.map((r) => Number(r.querySelectorAll('td')[col]?.textContent?.trim())),
    column,
  );
}

/** A date input's value, `days` from today. */
function dateInDays(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

test('review findings by risk, read one with its remediation and history, and suppress it with a reason', async ({
  page,
}) => {
  await signIn(page);

  // Findings come from a scan's evaluation: scan the seeded account first.
  await nav(page, 'Cloud accounts');
  const account = page.getByRole('row').filter({ hasText: SEEDED_ACCOUNT });
  await account.getByRole('button', { name: 'Scan now' }).click();
  await expect(account.getByText('Completed', { exact: true })).toBeVisible({ timeout: 90_000 });

  // Open findings, highest risk first, each score shown.
  await nav(page, 'Findings');
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort' })).toHaveValue('Highest risk');
  await expect(findingRows(page).first()).toBeVisible({ timeout: 30_000 });
  const scores = await riskColumn(page);
  expect(scores.length).toBeGreaterThan(1);
  expect(scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 100)).toBe(true);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  // The riskiest finding's page.
  const top = findingRows(page).first();
  const link = top.getByRole('link').first();
  const title = (await link.innerText()).trim();
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/findings\/[0-9a-f-]{36}$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(page.getByLabel('Risk score formula')).toHaveText(new RegExp(`= ${scores[0]}$`));

  const remediation = page.getByRole('tablist', { name: 'Remediation' });
  await expect(remediation.getByRole('tab', { name: 'Console' })).toHaveAttribute('aria-selected', 'true');
  await remediation.getByRole('tab', { name: 'CLI' }).click();
  await expect(page.getByLabel('CLI remediation')).toContainText(/\S/);
  await expect(page.getByRole('button', { name: 'Copy CLI commands' })).toBeVisible();
  await remediation.getByRole('tab', { name: 'Terraform' }).click();
  await expect(page.getByLabel('Terraform remediation')).toContainText('resource "');

  const history = page.getByLabel('Finding history');
  await expect(history.getByText('Opened', { exact: true })).toBeVisible();

  // Suppress it: a reason, the owner (the signed-in user by default) and an expiry.
  const reason = uniqueName('Compensating control: egress proxy in front of the notebook');
  await page.getByRole('button', { name: 'Suppress', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Suppress finding' });
  await dialog.getByRole('button', { name: 'Suppress 1 finding' }).click();
  // Nothing is sent without a reason.
  await expect(dialog.getByText('Say why the risk is accepted')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await expect(dialog.getByRole('textbox', { name: 'Owner' })).toHaveValue(/@/);
  await dialog.getByLabel('Expires').fill(dateInDays(30));
  await dialog.getByRole('button', { name: 'Suppress 1 finding' }).click();
  await expect(dialog).toBeHidden();

  const notice = page.getByRole('alert', { name: 'Suppressed' });
  await expect(notice).toContainText(reason);
  await expect(notice).toContainText(/Owner \S+@\S+ · since .* · until /);
  await expect(page.getByLabel('Finding summary').getByText('Suppressed')).toBeVisible();
  await expect(history.getByText('Suppressed', { exact: true })).toBeVisible();
  await expect(history).toContainText(reason);
  await expect(page.getByRole('button', { name: 'Unsuppress' })).toBeVisible();

  // Listed as suppressed, with the reason; no longer among the open findings.
  await nav(page, 'Findings');
  await expect(findingRows(page).first()).toBeVisible();
  await expect(page.locator(`a[href="${href}"]`)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Suppressed' }).click();
  await expect(page).toHaveURL(/[?&]status=suppressed/);
  const row = findingRows(page).filter({ has: page.locator(`a[href="${href}"]`) });
  await expect(row).toContainText('Suppressed');
  await expect(row).toContainText(reason);
});
