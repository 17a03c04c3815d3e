import { expect, test } from '@playwright/test';
import { adminCredentials, fillSignIn, nav, signIn } from './sign-in';

test('without a session the console shows the sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Sign in with SSO/ })).toBeDisabled();
});

test('a wrong password is refused with the API’s message', async ({ page }) => {
  const { email } = adminCredentials();
  await page.goto('/login');
  await fillSignIn(page, { email, password: 'not-the-password' });
  await expect(page.getByRole('alert')).toContainText('Invalid email or password.');
  await expect(page).toHaveURL(/\/login$/);
});

test('an API token is shown once, listed without its secret, revoked and audited; then sign out', async ({
  page,
}) => {
  const { email } = adminCredentials();
  const tokenName = `Browser test ${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;

  // A deep link survives the detour through the sign-in page.
  await page.goto('/tokens');
  await expect(page).toHaveURL(/\/login\?next=%2Ftokens$/);
  await signIn(page);
  await expect(page).toHaveURL(/\/tokens$/);
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navigation).toContainText(email);
  for (const link of ['Members', 'API tokens', 'Audit log']) {
    await expect(navigation.getByRole('link', { name: link })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Create token' }).click();
  const form = page.getByRole('dialog', { name: 'Create an API token' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(tokenName);
  await form.getByRole('checkbox', { name: 'read:inventory' }).check();
  await expect(form.getByRole('textbox', { name: 'Expires in (days)' })).toHaveValue('90');
  await form.getByRole('button', { name: 'Create token' }).click();

  const shown = page.getByRole('dialog', { name: 'API token created' });
  await expect(shown).toContainText('It will not be shown again');
  const secret = (await shown.getByLabel('API token').innerText()).trim();
  expect(secret).toMatch(/^aispm_pat_\S{20,}$/);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);

  const row = page.getByRole('row').filter({ hasText: tokenName });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('read:inventory');
  await expect(row).toContainText(`${secret.slice(0, 'aispm_pat_'.length + 4)}…`);
  expect(await page.content(), 'the token must not be on the page once its dialog is closed').not.toContain(
    secret,
  );

  await row.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke API token' });
  await expect(confirm).toContainText(tokenName);
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  await nav(page, 'Audit log');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const audited = page.getByRole('row').filter({ hasText: tokenName });
  await expect(audited.filter({ hasText: 'api_token.create' })).toHaveCount(1);
  await expect(audited.filter({ hasText: 'api_token.revoke' })).toHaveCount(1);
  // Newest first: the revocation is listed above the creation.
  await expect(audited.first()).toContainText('api_token.revoke');

  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The session really ended: the console asks to sign in again.
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Faudit$/);
});
