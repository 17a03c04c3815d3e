import { expect, type Page } from '@playwright/test';

/** The owner account scripts/browser-test.sh seeds; the tests cannot do anything without it. */
export function adminCredentials(): { email: string; password: string } {
  const email = process.env.WEB_ADMIN_EMAIL ?? '';
  const password = process.env.WEB_ADMIN_PASSWORD ?? '';
  expect(
    email && password,
    'set WEB_ADMIN_EMAIL and WEB_ADMIN_PASSWORD to a seeded owner account (scripts/browser-test.sh exports them)',
  ).toBeTruthy();
  return { email, password };
}

/** Fills in the sign-in form the page is showing (or opens it) and waits until the console is shown. */
export async function signIn(page: Page, credentials = adminCredentials()): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await fillSignIn(page, credentials);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

export async function fillSignIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
}
