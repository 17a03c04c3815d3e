import { expect, test, type Locator, type Page } from '@playwright/test';
import { nav, signIn } from './sign-in';

const SIM_URL = process.env.SIM_URL ?? 'http://127.0.0.1:4510';
const SIM_SECRET = process.env.SIM_SECRET ?? '';
const SIM_ACCOUNT_ID = '123456789012';

test('connect the simulated AWS account, scan it and review its findings', async ({ page }) => {
  expect(SIM_SECRET, 'set SIM_SECRET to the simulator secret access key').not.toBe('');
  // A fresh name per run, so a previous run's account (and its last scan) cannot satisfy the assertions.
  const accountName = `Simulated AWS ${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;

  await signIn(page);
  await nav(page, 'Cloud accounts');
  await expect(page.getByRole('heading', { name: 'Cloud accounts' })).toBeVisible();

  await page.getByRole('button', { name: 'Connect account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect a cloud account' });
  await expect(dialog.getByRole('radio', { name: 'AWS' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Azure.*coming soon/ })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(accountName);
  await dialog.getByRole('textbox', { name: 'AWS account IDs' }).fill(SIM_ACCOUNT_ID);
  await dialog.getByRole('combobox', { name: 'Regions' }).click();
  await page.getByRole('option', { name: 'us-east-1' }).click();
  await page.getByRole('option', { name: 'eu-west-1' }).click();
  await dialog.getByRole('textbox', { name: 'Custom endpoint' }).fill(SIM_URL);
  await dialog.getByRole('textbox', { name: 'Access key ID' }).fill('SIMDEMOACCESSKEY0001');
  await dialog.getByRole('textbox', { name: 'Secret access key' }).fill(SIM_SECRET);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: accountName });
  await expect(row).toBeVisible();
  await expect(row).toContainText('us-east-1');
  await expect(row).toContainText('eu-west-1');

  await row.getByRole('button', { name: 'Scan now' }).click();
  await expect(row.getByText('Completed')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/\d+ open findings? across/)).toBeVisible();

  await nav(page, 'Findings');
  await expectNotebookFindings(page, 'SageMaker notebook instance has direct internet access');
  await expectNotebookFindings(page, /root access/i);

  await nav(page, 'Dashboard');
  const openFindings = page.getByRole('region', { name: 'Open findings', exact: true });
  await expect(openFindings).toHaveText(/Open findings\s*[1-9]\d*/);
});

/** Rows with this title exist, and each names a notebook whose ARN (which lower-cases the name) ends with it. */
async function expectNotebookFindings(page: Page, title: string | RegExp): Promise<void> {
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell').filter({ hasText: title }) });
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    const [name, nativeId] = await assetCell(row);
    expect(name).toMatch(/\S/);
    expect(nativeId).toMatch(
      new RegExp(`^arn:aws:sagemaker:[a-z0-9-]+:${SIM_ACCOUNT_ID}:notebook-instance/`),
    );
    expect(nativeId.endsWith(`/${name.toLowerCase()}`)).toBe(true);
  }
}

/** The Asset column shows the asset name over its native id. */
async function assetCell(row: Locator): Promise<[string, string]> {
  const [name = '', nativeId = ''] = (await row.getByRole('cell').nth(2).innerText())
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return [name, nativeId];
}
