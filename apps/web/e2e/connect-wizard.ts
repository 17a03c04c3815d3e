import { expect, type Locator, type Page } from '@playwright/test';
import { nav } from './sign-in';

export const SIM_URL = process.env.SIM_URL ?? 'http://127.0.0.1:4510';
export const SIM_SECRET = process.env.SIM_SECRET ?? '';
export const SIM_ACCESS_KEY_ID = 'SIMDEMOACCESSKEY0001';
export const SIM_ACCOUNT_ID = '123456789012';

/** A name no earlier run can have used, so its rows and scans cannot satisfy a later run's assertions. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
}

/** Opens the connect wizard from the Cloud accounts page; returns its dialog. */
export async function openConnectWizard(page: Page): Promise<Locator> {
  await nav(page, 'Cloud accounts');
  await expect(page.getByRole('heading', { name: 'Cloud accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Connect account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect a cloud account' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The policy block of the Permissions step. */
export function policyDocument(dialog: Locator): Locator {
  return dialog.getByLabel(/^Least-privilege /);
}

/**
 * From the Provider step, fills in the simulated AWS account with `secret` and goes to the Schedule step.
 * The simulator is a custom endpoint, behind the wizard's advanced settings.
 */
export async function fillSimulatedAws(page: Page, dialog: Locator, name: string, secret: string) {
  await expect(dialog.getByRole('radio', { name: 'AWS' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(policyDocument(dialog)).toContainText('sagemaker:ListNotebookInstances');
  await dialog.getByRole('button', { name: 'Next' }).click();

  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByRole('textbox', { name: 'AWS account IDs' }).fill(SIM_ACCOUNT_ID);
  await dialog.getByRole('combobox', { name: 'Regions' }).click();
  await page.getByRole('option', { name: 'us-east-1' }).click();
  await page.getByRole('option', { name: 'eu-west-1' }).click();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).click(); // closes the region list
  await dialog.getByRole('button', { name: 'Custom endpoint and CA certificate' }).click();
  await dialog.getByRole('textbox', { name: 'Custom endpoint' }).fill(SIM_URL);
  await dialog.getByRole('textbox', { name: 'Access key ID' }).fill(SIM_ACCESS_KEY_ID);
  await dialog.getByRole('textbox', { name: 'Secret access key' }).fill(secret);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('button', { name: 'Test connection and connect' })).toBeVisible();
}
