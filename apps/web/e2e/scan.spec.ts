import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  fillSimulatedAws,
  openConnectWizard,
  SIM_ACCOUNT_ID,
  SIM_SECRET,
  uniqueName,
} from './connect-wizard';
import { nav, signIn } from './sign-in';

test('connect the simulated AWS account, scan it live, walk its inventory and review its findings', async ({
  page,
}) => {
  expect(SIM_SECRET, 'set SIM_SECRET to the simulator secret access key').not.toBe('');
  const accountName = uniqueName('Simulated AWS');

  await signIn(page);
  const dialog = await openConnectWizard(page);
  await fillSimulatedAws(page, dialog, accountName, SIM_SECRET);
  await dialog.getByRole('combobox', { name: 'Rescan' }).click();
  await page.getByRole('option', { name: 'Every 12 hours' }).click();
  await dialog.getByRole('button', { name: 'Test connection and connect' }).click();
  await expect(dialog.getByText('Connection test passed')).toBeVisible({ timeout: 30_000 });

  // The first scan, started from the wizard: its progress bar is live until it completes.
  await dialog.getByRole('button', { name: 'Scan now' }).click();
  await expect(dialog.getByRole('progressbar', { name: `Scan of ${accountName}` })).toBeVisible();
  await expect(dialog.getByText('Completed', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  await expect(dialog.getByText(/^[1-9]\d* assets · \d+ open findings?$/)).toBeVisible();

  // The account's row shows the same scan, and a rescan from there runs live too.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: accountName });
  await expect(row).toContainText('us-east-1');
  await expect(row).toContainText('eu-west-1');
  await expect(row).toContainText('Rescans every 12 h');
  await expect(row.getByText('Completed', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Scan now' }).click();
  await expect(row.getByRole('progressbar', { name: `Scan of ${accountName}` })).toBeVisible();
  await expect(row.getByText('Completed', { exact: true })).toBeVisible({ timeout: 60_000 });

  // Inventory: this account's assets, narrowed by type, region and search.
  await nav(page, 'Inventory');
  await selectOption(page, 'Account', new RegExp(`^${accountName}`));
  const assetRows = page.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(assetRows.first()).toBeVisible();
  const all = await countRows(page);
  expect(all).toBeGreaterThan(1);

  await page.getByRole('combobox', { name: 'Asset type' }).click();
  await page.getByRole('option', { name: 'SageMaker endpoint', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => countRows(page), { timeout: 30_000 }).toBeLessThan(all);
  const endpoints = await countRows(page);
  expect(endpoints).toBeGreaterThan(0);
  expect(await columnTexts(page, 1)).toEqual(['SageMaker endpoint']);

  await page.getByRole('combobox', { name: 'Region' }).click();
  await page.getByRole('option', { name: 'eu-west-1' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => columnTexts(page, 3), { timeout: 30_000 }).toEqual(['eu-west-1']);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => countRows(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(all);

  // Shadow AI: the register is empty, so the AI services are flagged and the supporting IAM, S3 and KMS
  // resources are not.
  await selectOption(page, 'Shadow AI', /^Shadow AI only$/);
  await expect(page).toHaveURL(/[?&]shadow=true/);
  await expect
    .poll(async () => (await columnTexts(page, 0)).every((n) => n.includes('Shadow AI')))
    .toBe(true);
  await selectOption(page, 'Shadow AI', /^Not flagged$/);
  await expect(page).toHaveURL(/[?&]shadow=false/);
  await expect
    .poll(async () => (await columnTexts(page, 0)).some((n) => n.includes('Shadow AI')))
    .toBe(false);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => countRows(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(all);
  await selectOption(page, 'Account', new RegExp(`^${accountName}`));
  await page.getByRole('combobox', { name: 'Asset type' }).click();
  await page.getByRole('option', { name: 'SageMaker endpoint', exact: true }).click();
  await page.keyboard.press('Escape');
  // Read a name only once the table shows the filtered rows, not the list it had before.
  await expect.poll(() => columnTexts(page, 1), { timeout: 30_000 }).toEqual(['SageMaker endpoint']);
  const endpointName = (
    await assetRows.first().getByRole('cell').first().getByRole('link').innerText()
  ).trim();
  await page.getByRole('textbox', { name: 'Search' }).fill(endpointName);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect.poll(() => countRows(page), { timeout: 30_000 }).toBeLessThanOrEqual(endpoints);
  for (const name of await columnTexts(page, 0)) expect(name).toContain(endpointName);

  // The asset page: its relations as a graph whose neighbours are links.
  await assetRows.first().getByRole('link', { name: endpointName }).click();
  await expect(page.getByRole('heading', { name: endpointName, level: 2 })).toBeVisible();
  await expect(page.getByText(`arn:aws:sagemaker:`).first()).toBeVisible();
  const graph = page.getByRole('group', { name: `Relations of ${endpointName}` });
  await expect(graph).toBeVisible();
  const config = graph.getByRole('link', { name: /\(SageMaker endpoint config\)$/ });
  await expect(config).toHaveCount(1);
  await expect(graph).toContainText('uses_config');
  const configName = ((await config.getAttribute('aria-label')) ?? '').replace(/ \(.*\)$/, '');
  await config.click();
  await expect(page.getByRole('heading', { name: configName, level: 2 })).toBeVisible();
  // Walking the edge back: the config's graph shows the endpoint pointing at it.
  const back = page.getByRole('group', { name: `Relations of ${configName}` });
  await expect(back.getByRole('link', { name: `${endpointName} (SageMaker endpoint)` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Related assets' })).toContainText(`← uses_config`);

  // A hundred checks ran: pick the notebook checks by name, as an analyst would.
  await nav(page, 'Findings');
  await selectOption(page, 'Check', /^SageMaker notebook instance has direct internet access$/);
  await expectNotebookFindings(page, 'SageMaker notebook instance has direct internet access');
  await selectOption(page, 'Check', /^SageMaker notebook instance gives users root access$/);
  await expectNotebookFindings(page, /root access/i);

  await nav(page, 'Dashboard');
  const openFindings = page.getByRole('region', { name: 'Open findings', exact: true });
  await expect(openFindings).toHaveText(/Open findings\s*[1-9]\d*/);
});

async function selectOption(page: Page, label: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Rows of the inventory table once it has settled (all pages loaded so far). */
async function countRows(page: Page): Promise<number> {
  const footer = page.getByText(/^(Showing the first )?\d+ assets?$/);
  await expect(footer).toBeVisible();
  return Number(/(\d+) assets?$/.exec(await footer.innerText())?.[1] ?? NaN);
}

/**
 * The distinct texts of one column of the inventory table, once it has settled. Read in one pass in the page: a
 * row re-rendered between reading it and reading its cell would otherwise leave a locator waiting forever.
 */
async function columnTexts(page: Page, column: number): Promise<string[]> {
  await countRows(page);
  const texts = await page
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
    .evaluateAll(
      (rows, col) => rows.map((r) => (r.querySelectorAll('td')[col]?.textContent ?? '').trim()),
      column,
    );
  return [...new Set(texts)];
}

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

/** The Asset column (found by its header: the columns before it depend on the user's role) shows the asset name over its native id. */
async function assetCell(row: Locator): Promise<[string, string]> {
  const headers = await row.locator('xpath=ancestor::table[1]').getByRole('columnheader').allInnerTexts();
  const column = headers.map((h) => h.trim()).indexOf('Asset');
  expect(column).toBeGreaterThanOrEqual(0);
  const [name = '', nativeId = ''] = (await row.getByRole('cell').nth(column).innerText())
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return [name, nativeId];
}
