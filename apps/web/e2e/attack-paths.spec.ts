import { expect, test, type Locator, type Page } from '@playwright/test';
import { nav, signIn } from './sign-in';

/** The AWS account scripts/browser-test.sh seeds (prisma/seed.ts). */
const SEEDED_ACCOUNT = 'Simulated AWS (demo)';
/**
 * The simulator's estate has notebooks with direct internet access running as SageMakerFullAccessRole, which
 * has AdministratorAccess attached: the exposed-notebook-admin-role rule finds a path from each.
 */
const NOTEBOOK_PATH = 'Internet-facing notebook runs as a role with admin rights';

function pathRows(page: Page): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell') });
}

test('scan, then follow an attack path from the list to its chain of assets and its findings; the dashboard shows score and trend', async ({
  page,
}) => {
  await signIn(page);

  // Attack paths are found by a scan's evaluation: scan the seeded account first.
  await nav(page, 'Cloud accounts');
  const account = page.getByRole('row').filter({ hasText: SEEDED_ACCOUNT });
  await account.getByRole('button', { name: 'Scan now' }).click();
  await expect(account.getByText('Completed', { exact: true })).toBeVisible({ timeout: 90_000 });

  // The dashboard: a score, its trend with today's point, and the open attack paths.
  await nav(page, 'Dashboard');
  await expect(page.getByRole('heading', { name: 'Posture overview' })).toBeVisible();
  await expect(page.getByLabel(/^Posture score \d{1,3} out of 100$/)).toBeVisible({ timeout: 30_000 });
  const trend = page.getByRole('region', { name: 'Posture trend' });
  const figure = trend.getByRole('figure');
  await expect(figure).toContainText(/Latest score \d{1,3} on [A-Z][a-z]{2} \d{1,2}/);
  await expect(figure).toContainText('Last 30 days, one point per day');
  // The chart draws at least today's point on the score line.
  await expect(figure.locator('.recharts-line-dot').first()).toBeVisible();
  await trend.getByText('7 days').click();
  await expect(figure).toContainText('Last 7 days, one point per day');
  const openPaths = page.getByRole('region', { name: 'Open attack paths' });
  await expect(openPaths.getByText(/^[1-9]\d*$/)).toBeVisible();

  // The attack paths list, riskiest first, each with where it starts.
  await openPaths.getByRole('link', { name: 'See the attack paths' }).click();
  await expect(page).toHaveURL(/\/attack-paths$/);
  await expect(page.getByRole('heading', { name: 'Attack paths', level: 2 })).toBeVisible();
  await expect(pathRows(page).first()).toBeVisible({ timeout: 30_000 });
  const risks = await pathRows(page).evaluateAll((rows) =>
    rows.map((r) => Number(r.querySelectorAll('td')[3]?.textContent?.trim())),
  );
  expect(risks.length).toBeGreaterThan(0);
  expect(risks).toEqual([...risks].sort((a, b) => b - a));
  const row = pathRows(page).filter({ hasText: NOTEBOOK_PATH }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('Open');
  const entry = (await row.getByRole('cell').nth(2).locator('p').first().innerText()).trim();
  expect(entry).not.toBe('');

  // The path: its chain of assets joined by the relation, the narrative, and the findings it is made of.
  await row.getByRole('link', { name: NOTEBOOK_PATH }).click();
  await expect(page).toHaveURL(/\/attack-paths\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: NOTEBOOK_PATH, level: 2 })).toBeVisible();
  const chain = page.getByRole('list', { name: `Chain of ${NOTEBOOK_PATH}` });
  const steps = chain.getByRole('listitem', { name: /^Step \d+:/ });
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('Notebook with direct internet access');
  await expect(steps.nth(0)).toContainText(entry);
  await expect(steps.nth(0)).toContainText('SageMaker notebook instance');
  await expect(steps.nth(1)).toContainText('Over-privileged execution role');
  await expect(steps.nth(1)).toContainText('IAM role');
  await expect(chain.getByText('uses role →')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Why it matters' })).toContainText(
    'Anyone who gets code running in the notebook',
  );
  const findings = page.getByRole('table', { name: 'Findings on this path' });
  const internet = findings.getByRole('link', {
    name: 'SageMaker notebook instance has direct internet access',
  });
  await expect(internet).toBeVisible();
  await expect(internet).toHaveAttribute('href', /^\/findings\/[0-9a-f-]{36}$/);
  // The notebook's finding and the role's (admin policy or wildcard actions), each on its asset.
  await expect(
    findings.getByRole('row').filter({ hasText: 'aws.sagemaker.execution_role.' }).first(),
  ).toBeVisible();
  await expect(
    findings.getByRole('row').filter({ hasText: 'aws.sagemaker.notebook.' }).first(),
  ).toContainText(entry);

  // The entry asset's page: its business context, which an owner can set.
  await steps.nth(0).getByRole('link', { name: entry }).click();
  await expect(page.getByRole('heading', { name: entry, level: 2 })).toBeVisible();
  const context = page.getByRole('region', { name: 'Business context' });
  await expect(context).toContainText(/Risk score\s*\d{1,3}\/100/);
  await context.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Business context' });
  await form.getByRole('combobox', { name: 'Criticality' }).click();
  await page.getByRole('option', { name: 'Critical', exact: true }).click();
  await form.getByRole('textbox', { name: 'Owner' }).fill('not an <email>');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText(/an email address, or a team name/)).toBeVisible();
  await form.getByRole('textbox', { name: 'Owner' }).fill('ml-platform');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(context).toContainText('Critical');
  await expect(context).toContainText('ml-platform');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Business context' })).toContainText('ml-platform');
});
