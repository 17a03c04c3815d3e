import { expect, test } from '@playwright/test';
import { nav, signIn } from './sign-in';

test('an invitation link is shown once; the invitee sets a password and lands in the console as an analyst', async ({
  page,
  browser,
}) => {
  // A fresh address per run, so a previous run's member or invitation cannot satisfy the assertions.
  const email = `invitee-${new Date().toISOString().replace(/\D/g, '').slice(0, 17)}@example.test`;
  const password = 'browser invitee password';

  await signIn(page);
  await nav(page, 'Members');
  await expect(page.getByRole('heading', { name: 'Members', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Invite member' }).click();
  const form = page.getByRole('dialog', { name: 'Invite a member' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Analyst' }).click();
  await expect(form.getByRole('combobox', { name: 'Role' })).toHaveValue('Analyst');
  await form.getByRole('button', { name: 'Create invitation' }).click();

  const shown = page.getByRole('dialog', { name: 'Invitation created' });
  await expect(shown).toContainText('it will not be shown again');
  const link = (await shown.getByLabel('Invitation link').innerText()).trim();
  expect(link).toMatch(/^https?:\/\/[^/]+\/accept-invitation\?token=aispm_inv_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);

  const pending = page
    .getByRole('table', { name: 'Pending invitations' })
    .getByRole('row')
    .filter({ hasText: email });
  await expect(pending).toContainText('Analyst');
  expect(await page.content(), 'the link must not be on the page once its dialog is closed').not.toContain(
    link,
  );

  // The invitee opens the link in a browser of their own: no session, no remembered organization.
  const invitee = await browser.newContext({
    baseURL: new URL(link).origin,
    viewport: { width: 1440, height: 900 },
  });
  try {
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(link);
    await expect(inviteePage.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
    await expect(inviteePage.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
    await inviteePage.getByRole('textbox', { name: 'Name' }).fill('Invited Analyst');
    await inviteePage.getByLabel('Password', { exact: true }).fill(password);
    await inviteePage.getByLabel('Confirm password', { exact: true }).fill(password);
    await inviteePage.getByRole('button', { name: 'Accept and sign in' }).click();

    const navigation = inviteePage.getByRole('navigation', { name: 'Main navigation' });
    await expect(navigation).toBeVisible();
    await expect(inviteePage).toHaveURL(/\/$/);
    await expect(navigation).toContainText(email);
    for (const name of ['Dashboard', 'Findings', 'Members', 'API tokens']) {
      await expect(navigation.getByRole('link', { name })).toBeVisible();
    }
    // An analyst does not read the audit log.
    await expect(navigation.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

    // The link worked once: opening it again is refused with the API's reason.
    await inviteePage.goto(link);
    await inviteePage.getByRole('textbox', { name: 'Name' }).fill('Invited Analyst');
    await inviteePage.getByLabel('Password', { exact: true }).fill(password);
    await inviteePage.getByLabel('Confirm password', { exact: true }).fill(password);
    await inviteePage.getByRole('button', { name: 'Accept and sign in' }).click();
    await expect(inviteePage.getByRole('alert')).toContainText('already been accepted');
  } finally {
    await invitee.close();
  }

  // The owner sees the new member with the role, and the invitation is no longer pending.
  await page.reload();
  const member = page.getByRole('row').filter({ hasText: email });
  await expect(member.getByRole('combobox', { name: `Role of ${email}` })).toHaveValue('Analyst');
  await expect(
    page.getByRole('table', { name: 'Pending invitations' }).getByRole('row').filter({ hasText: email }),
  ).toHaveCount(0);
});
