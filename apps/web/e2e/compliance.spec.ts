import { expect, test, type Page } from '@playwright/test';
import { uniqueName } from './connect-wizard';
import { nav, signIn } from './sign-in';

/** The AWS account scripts/browser-test.sh seeds (prisma/seed.ts). */
const SEEDED_ACCOUNT = 'Simulated AWS (demo)';

const BAD_YAML = `key: broken
name: Broken
controls:
  - id: A
    title: [never closed
`;

function goodYaml(key: string, name: string): string {
  return `key: ${key}
name: ${name}
version: "1.0"
controls:
  - id: ACME-1
    title: Notebooks stay off the internet
    checks:
      - checkId: aws.sagemaker.notebook.direct_internet_access
        relationship: equivalent-to
  - id: ACME-2
    title: Vendor reviews are on file
    checks: []
`;
}

async function chooseFile(page: Page, name: string, content: string) {
  const dialog = page.getByRole('dialog', { name: 'Upload a framework' });
  await dialog.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'application/yaml',
    buffer: Buffer.from(content),
  });
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
  return dialog;
}

test('scan, then read compliance per framework: a failing control with its check and assets; upload frameworks', async ({
  page,
}) => {
  await signIn(page);

  // Compliance reads what a scan's evaluation summarised: scan the seeded account first.
  await nav(page, 'Cloud accounts');
  const account = page.getByRole('row').filter({ hasText: SEEDED_ACCOUNT });
  await account.getByRole('button', { name: 'Scan now' }).click();
  await expect(account.getByText('Completed', { exact: true })).toBeVisible({ timeout: 90_000 });

  await nav(page, 'Compliance');
  await expect(page.getByRole('heading', { name: 'Compliance' })).toBeVisible();
  const owaspCard = page.getByRole('region', { name: 'OWASP Top 10 for LLM Applications 2025' });
  await expect(owaspCard).toContainText('10 controls');
  await expect(owaspCard.getByText(/^[1-9]\d* failing$/)).toBeVisible({ timeout: 30_000 });
  for (const name of [
    'MITRE ATLAS',
    'NIST AI RMF 1.0',
    'EU Artificial Intelligence Act - Regulation (EU) 2024/1689',
  ]) {
    await expect(page.getByRole('region', { name })).toBeVisible();
  }

  // OWASP LLM03 (Supply Chain): the simulated notebooks with direct internet access fail it.
  await owaspCard.getByRole('link', { name: 'OWASP Top 10 for LLM Applications 2025' }).click();
  await expect(page.getByRole('heading', { name: 'OWASP Top 10 for LLM Applications 2025' })).toBeVisible();
  const llm03 = page.getByRole('row').filter({ hasText: 'Supply Chain' });
  await expect(llm03.getByText('Failing', { exact: true })).toBeVisible();
  await llm03.click();
  const details = page.getByLabel('Control LLM03');
  const check = details
    .getByRole('row')
    .filter({ hasText: 'SageMaker notebook instance has direct internet access' });
  await expect(check).toBeVisible();
  await expect(check).toContainText('overlaps');
  await expect(details.getByRole('heading', { name: 'Affected assets' })).toBeVisible();
  // Only failing controls are listed once filtered; the licence of the catalog is shown with it.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Failing' }).click();
  await expect(page).toHaveURL(/[?&]status=failing/);
  const controlRows = page.locator('tr[aria-expanded]');
  await expect
    .poll(async () => (await controlRows.allInnerTexts()).every((text) => text.includes('Failing')))
    .toBe(true);
  await expect(page.getByText(/Licence: CC BY-SA 4.0/)).toBeVisible();
  // An affected asset links to its inventory page.
  const firstAsset = details.locator('a[href^="/inventory/"]').first();
  const href = await firstAsset.getAttribute('href');
  await firstAsset.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));

  // Upload: a YAML syntax error is answered with its line, and nothing is added.
  await nav(page, 'Compliance');
  await page.getByRole('button', { name: 'Upload framework' }).click();
  let dialog = await chooseFile(page, 'broken.yaml', BAD_YAML);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The framework was not accepted');
  await expect(alert).toContainText(/YAML syntax error at line 6, column 1/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'Broken' })).toHaveCount(0);

  // A good file appears in the list, with its own controls' statuses.
  const name = uniqueName('ACME AI policy');
  const key = `acme-${Date.now()}`;
  await page.getByRole('button', { name: 'Upload framework' }).click();
  dialog = await chooseFile(page, 'acme.yaml', goodYaml(key, name));
  await expect(dialog).toBeHidden();
  const card = page.getByRole('region', { name });
  await expect(card).toContainText('2 controls');
  await expect(card).toContainText('Custom');
  await card.getByRole('link', { name }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Vendor reviews are on file' })).toContainText(
    'Manual',
  );
  await expect(page.getByRole('row').filter({ hasText: 'Notebooks stay off the internet' })).toContainText(
    'Failing',
  );
});
