import { expect, test } from '@playwright/test';
import {
  fillSimulatedAws,
  openConnectWizard,
  policyDocument,
  SIM_SECRET,
  uniqueName,
} from './connect-wizard';
import { signIn } from './sign-in';

/** What each provider's least-privilege document must grant (a read call its scan makes) and never grant. */
const POLICIES = [
  { provider: 'AWS', grants: 'sagemaker:ListNotebookInstances' },
  { provider: 'Azure', grants: 'Microsoft.MachineLearningServices/workspaces/read' },
  { provider: 'Google Cloud', grants: 'aiplatform.endpoints.list' },
] as const;

test('the connect wizard shows the read-only policy each provider needs, with its steps', async ({
  page,
}) => {
  await signIn(page);
  const dialog = await openConnectWizard(page);

  for (const { provider, grants } of POLICIES) {
    await dialog.getByRole('button', { name: /Provider/ }).click();
    await dialog.getByRole('radio', { name: provider }).click();
    await expect(dialog.getByRole('radio', { name: provider })).toBeChecked();
    await dialog.getByRole('button', { name: 'Next' }).click();

    const policy = policyDocument(dialog);
    await expect(policy, `${provider} policy`).toContainText(grants);
    // A read-only grant: nothing that creates, changes, deletes or invokes.
    await expect(policy).not.toContainText(
      /:(Create|Delete|Update|Put|Invoke)|\/(write|delete)"|\.(create|delete|update)"/,
    );
    await expect(
      dialog.getByRole('list', { name: 'Setup steps' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Copy policy' })).toBeVisible();
  }
});

test('a wrong secret key fails the connection test with the reason, and nothing is connected', async ({
  page,
}) => {
  expect(SIM_SECRET, 'set SIM_SECRET to the simulator secret access key').not.toBe('');
  const name = uniqueName('Wrong key');
  await signIn(page);
  const dialog = await openConnectWizard(page);
  await fillSimulatedAws(page, dialog, name, `${SIM_SECRET.slice(0, -4)}XXXX`);

  await dialog.getByRole('button', { name: 'Test connection and connect' }).click();
  const alert = dialog.getByRole('alert').filter({ hasText: 'Connection test failed' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('The secret access key does not match the access key');
  await expect(dialog.getByText('Connection test passed')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});
