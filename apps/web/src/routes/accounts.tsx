import { Badge, Button, Code, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCloudPlus, IconPlayerPlay } from '@tabler/icons-react';
import type { TCloudAccount, TScan } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { ApiError } from '../api/client';
import { isScanActive, useScan, useStartScan } from '../api/scans.hooks';
import { DataTable, type Column } from '../components/data-table';
import { PageHeader } from '../components/page-header';
import { ScanProgress } from '../components/scan-progress';
import { TimeAgo } from '../components/time-ago';
import { providerLabel } from '../lib/format';
import { useCan } from '../lib/session';
import { ConnectAccountWizard } from './accounts-connect-wizard';

const COLUMNS: Column[] = [
  { label: 'Account' },
  { label: 'Regions' },
  { label: 'Endpoint' },
  { label: 'Credentials' },
  { label: 'Status' },
  { label: 'Last scan', miw: 220 },
];
const ACTIONS_COLUMN: Column = { label: 'Actions' };

const STATUS: Record<TCloudAccount['status'], { color: string; label: string }> = {
  pending: { color: 'gray', label: 'Pending' },
  connected: { color: 'teal', label: 'Connected' },
  error: { color: 'red', label: 'Error' },
  disabled: { color: 'gray', label: 'Disabled' },
};

export default function AccountsPage() {
  const accounts = useAccounts({ poll: true });
  const [connectOpened, connect] = useDisclosure(false);
  const canConnect = useCan('accounts:write');
  const canScan = useCan('scans:run');

  return (
    <>
      <PageHeader
        title="Cloud accounts"
        description="Connections aispm scans for AI assets. Credentials are encrypted at rest and never returned."
        actions={
          canConnect ? (
            <Button leftSection={<IconCloudPlus size={16} />} onClick={connect.open}>
              Connect account
            </Button>
          ) : null
        }
      />

      <DataTable
        query={accounts}
        columns={canScan ? [...COLUMNS, ACTIONS_COLUMN] : COLUMNS}
        minWidth={1080}
        verticalSpacing="sm"
        highlightOnHover={false}
        skeletonRows={3}
        empty={{
          icon: <IconCloudPlus />,
          title: 'No cloud account connected',
          description: canConnect
            ? 'Connect an AWS account, Azure subscription or Google Cloud project with read-only credentials to discover its AI services, models and data.'
            : 'Connecting one needs the accounts:write permission, which your role does not include.',
          action: canConnect ? (
            <Button variant="light" size="xs" onClick={connect.open}>
              Connect your first account
            </Button>
          ) : null,
        }}
        renderRow={(account) => <AccountRow key={account.id} account={account} canScan={canScan} />}
      />

      <Modal
        opened={connectOpened}
        onClose={connect.close}
        title="Connect a cloud account"
        size="xl"
        closeOnClickOutside={false}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <ConnectAccountWizard onClose={connect.close} />
      </Modal>
    </>
  );
}

function AccountRow({ account, canScan }: { account: TCloudAccount; canScan: boolean }) {
  const startScan = useStartScan();
  // A scan started here takes over from the one the account last ran.
  const scanId = startScan.data?.id ?? account.lastScanId;
  const scan = useScan(scanId);
  const active = startScan.isPending || isScanActive(scan.data?.status);
  const status = STATUS[account.status];

  const start = () =>
    startScan.mutate(
      { accountId: account.id },
      {
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: `Could not start a scan of ${account.name}`,
            message:
              error instanceof ApiError
                ? [error.problem.title, error.problem.detail].filter(Boolean).join(': ')
                : error.message,
          }),
      },
    );

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {account.name}
        </Text>
        <Text size="xs" c="dimmed">
          {providerLabel[account.provider]} ·{' '}
          <Text span inherit ff="monospace">
            {account.scopeIds.join(', ')}
          </Text>
        </Text>
      </Table.Td>
      <Table.Td maw={200}>
        <Group gap={4}>
          {account.regions.length === 0 ? (
            <Text size="sm" c="dimmed">
              All locations
            </Text>
          ) : (
            account.regions.map((region) => (
              <Badge key={region} color="gray" variant="outline" size="sm">
                {region}
              </Badge>
            ))
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {account.endpoint ? (
          <Code>{account.endpoint}</Code>
        ) : (
          <Text size="sm" c="dimmed">
            {providerLabel[account.provider]} default
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {account.credentialsFingerprint ? (
          <Tooltip label="Fingerprint of the stored credentials">
            <Code>{account.credentialsFingerprint}</Code>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={240}>
        <Badge color={status.color} variant="dot">
          {status.label}
        </Badge>
        {account.statusMessage ? (
          <Text size="xs" c={account.status === 'error' ? 'red' : 'dimmed'} mt={4}>
            {account.statusMessage}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <ScanSummary account={account} scan={scan.data} />
          <Text size="xs" c="dimmed">
            {scheduleLabel(account.scanIntervalHours)}
          </Text>
        </Stack>
      </Table.Td>
      {canScan ? (
        <Table.Td>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlayerPlay size={14} />}
            onClick={start}
            loading={startScan.isPending}
            disabled={active || account.status === 'disabled'}
          >
            Scan now
          </Button>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** How often the account is rescanned on its own. */
function scheduleLabel(hours: number | null): string {
  if (hours === null) return 'Scans on demand only';
  if (hours % 168 === 0) return hours === 168 ? 'Rescans weekly' : `Rescans every ${hours / 168} weeks`;
  if (hours % 24 === 0) return hours === 24 ? 'Rescans daily' : `Rescans every ${hours / 24} days`;
  return `Rescans every ${hours} h`;
}

function ScanSummary({ account, scan }: { account: TCloudAccount; scan: TScan | undefined }) {
  if (!scan) {
    return account.lastScanAt ? (
      <TimeAgo iso={account.lastScanAt} size="sm" />
    ) : (
      <Text size="sm" c="dimmed">
        Never scanned
      </Text>
    );
  }
  return <ScanProgress scan={scan} label={account.name} />;
}
