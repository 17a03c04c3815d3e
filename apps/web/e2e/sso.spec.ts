import { expect, test } from '@playwright/test';

// The browser-test stack runs without OIDC_* settings; the full single sign-on flow against a real identity
// provider is covered by apps/api/src/modules/auth/sso.e2e-spec.ts.
test('without single sign-on configured the button stays off, and a refused SSO sign-in is explained', async ({
  page,
}) => {
  await page.goto('/login?sso_error=no_account');
  await expect(page.getByRole('alert')).toContainText('Single sign-on does not create accounts');
  await expect(page.getByRole('button', { name: 'Sign in with SSO (not configured)' })).toBeDisabled();
});
