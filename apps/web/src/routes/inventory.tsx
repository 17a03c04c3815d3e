import {
  Badge,
  Button,
  Drawer,
  Group,
  MultiSelect,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFilterOff, IconServer2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ZProvider, type TAsset, type TCloudAccount } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useAsset, useAssets, type AssetFilters } from '../api/assets.hooks';
import { usePosture } from '../api/posture.hooks';
import { CopyValue } from '../components/copy-value';
import { LoadMore, NOWRAP, rowOpenProps, TableEmptyRow, TableSkeletonRows } from '../components/data-table';
import { DetailsList } from '../components/details-list';
import { JsonView } from '../components/json-view';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { SearchInput } from '../components/search-input';
import { TimeAgo } from '../components/time-ago';
import { assetTypeLabel, providerLabel } from '../lib/format';
import { readList, useUrlState } from '../lib/search-params';

const COLUMNS = 7;

export default function InventoryPage() {
  const [params, update] = useUrlState();
  const [searchKey, setSearchKey] = useState(0);
  const filters: AssetFilters = {
    provider: readList(params, 'provider', ZProvider.options),
    assetType: readList(params, 'assetType'),
    region: readList(params, 'region'),
    q: params.get('q') ?? '',
  };
  const filtered =
    filters.provider.length + filters.assetType.length + filters.region.length > 0 || filters.q !== '';
  const selectedId = params.get('asset');

  const assets = useAssets(filters);
  const accounts = useAccounts();
  const posture = usePosture();
  const accountName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? '—';

  // Options come from what is known to exist, plus whatever the URL already selects.
  const typeOptions = unique([
    ...(posture.data?.assets.byType.map((t) => t.assetType) ?? []),
    ...filters.assetType,
  ]).map((value) => ({ value, label: assetTypeLabel(value) }));
  const regionOptions = unique([
    ...(accounts.data?.flatMap((a) => a.regions) ?? []),
    ...filters.region,
  ]).sort();

  const rows = assets.data ?? [];
  const selected = rows.find((a) => a.id === selectedId);
  const fetched = useAsset(selectedId, selected === undefined);
  const drawerAsset = selected ?? fetched.data;

  return (
    <>
      <PageHeader
        title="Inventory"
        description="AI assets discovered in your cloud accounts, as the cloud APIs describe them."
      />

      <Paper p="md" mb="md" radius="md">
        <Group align="flex-end" gap="sm">
          <SearchInput
            key={searchKey}
            label="Search"
            placeholder="Name or native id"
            initialValue={filters.q}
            onSearch={(q) => update({ q })}
          />
          <MultiSelect
            label="Provider"
            placeholder={filters.provider.length ? undefined : 'Any'}
            data={ZProvider.options.map((p) => ({ value: p, label: providerLabel[p] }))}
            value={filters.provider}
            onChange={(provider) => update({ provider })}
            w={200}
            clearable
          />
          <MultiSelect
            label="Asset type"
            placeholder={filters.assetType.length ? undefined : 'Any'}
            data={typeOptions}
            value={filters.assetType}
            onChange={(assetType) => update({ assetType })}
            w={260}
            searchable
            clearable
          />
          <MultiSelect
            label="Region"
            placeholder={filters.region.length ? undefined : 'Any'}
            data={regionOptions}
            value={filters.region}
            onChange={(region) => update({ region })}
            w={220}
            searchable
            clearable
          />
          {filtered ? (
            <Button
              variant="subtle"
              leftSection={<IconFilterOff size={16} />}
              onClick={() => {
                update({ provider: null, assetType: null, region: null, q: null });
                setSearchKey((k) => k + 1);
              }}
            >
              Clear filters
            </Button>
          ) : null}
        </Group>
      </Paper>

      {assets.isError ? (
        <ProblemAlert error={assets.error} onRetry={() => void assets.refetch()} />
      ) : (
        <Paper radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Provider</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th ta="right">Open findings</Table.Th>
                  <Table.Th>Last seen</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assets.isPending ? (
                  <TableSkeletonRows columns={COLUMNS} />
                ) : rows.length === 0 ? (
                  <TableEmptyRow
                    colSpan={COLUMNS}
                    icon={<IconServer2 />}
                    title={filtered ? 'No asset matches these filters' : 'No assets discovered yet'}
                    description={
                      filtered
                        ? 'Widen the filters or clear them to see the whole inventory.'
                        : 'Connect a cloud account and run a scan to build the inventory.'
                    }
                    action={
                      filtered ? null : (
                        <Button component={Link} to="/accounts" variant="light" size="xs">
                          Go to Cloud accounts
                        </Button>
                      )
                    }
                  />
                ) : (
                  rows.map((asset) => (
                    <AssetRow
                      key={asset.id}
                      asset={asset}
                      accountName={accountName(asset.accountId)}
                      onOpen={() => update({ asset: asset.id })}
                    />
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length > 0 ? (
            <LoadMore
              shown={rows.length}
              noun={rows.length === 1 ? 'asset' : 'assets'}
              hasNextPage={assets.hasNextPage}
              isFetchingNextPage={assets.isFetchingNextPage}
              onLoadMore={() => void assets.fetchNextPage()}
            />
          ) : null}
        </Paper>
      )}

      <Drawer
        opened={selectedId !== null}
        onClose={() => update({ asset: null })}
        title={
          <Title order={3} component="span" size="h4">
            {drawerAsset?.name ?? 'Asset'}
          </Title>
        }
      >
        {drawerAsset ? (
          <AssetDetails
            asset={drawerAsset}
            account={accounts.data?.find((a) => a.id === drawerAsset.accountId)}
          />
        ) : fetched.isError ? (
          <ProblemAlert error={fetched.error} />
        ) : (
          <Stack>
            <Skeleton height={16} />
            <Skeleton height={16} width="70%" />
            <Skeleton height={240} />
          </Stack>
        )}
      </Drawer>
    </>
  );
}

function AssetRow({
  asset,
  accountName,
  onOpen,
}: {
  asset: TAsset;
  accountName: string;
  onOpen: () => void;
}) {
  return (
    <Table.Tr {...rowOpenProps(onOpen)}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {asset.name}
        </Text>
        {asset.deletedAt ? (
          <Badge color="gray" size="xs">
            Deleted
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>{assetTypeLabel(asset.assetType)}</Table.Td>
      <Table.Td>{providerLabel[asset.provider]}</Table.Td>
      <Table.Td style={NOWRAP}>{asset.region}</Table.Td>
      <Table.Td>{accountName}</Table.Td>
      <Table.Td ta="right">
        {asset.openFindings > 0 ? (
          <Badge color="red" variant="light">
            {asset.openFindings}
          </Badge>
        ) : (
          <Text span size="sm" c="dimmed">
            0
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <TimeAgo iso={asset.lastSeen} size="sm" />
      </Table.Td>
    </Table.Tr>
  );
}

function AssetDetails({ asset, account }: { asset: TAsset; account: TCloudAccount | undefined }) {
  const tags = Object.entries(asset.tags);
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge color="indigo">{assetTypeLabel(asset.assetType)}</Badge>
        <Badge color="gray">{providerLabel[asset.provider]}</Badge>
        <Badge color="gray">{asset.region}</Badge>
        {asset.deletedAt ? <Badge color="gray">Deleted</Badge> : null}
      </Group>

      <DetailsList
        items={[
          { label: 'Native id', value: <CopyValue value={asset.nativeId} label="native id" /> },
          {
            label: 'Account',
            value: account ? `${account.name} (${account.scopeIds.join(', ')})` : asset.accountId,
          },
          {
            label: 'Asset type',
            value: (
              <Text size="sm" ff="monospace">
                {asset.assetType}
              </Text>
            ),
          },
          { label: 'First seen', value: <TimeAgo iso={asset.firstSeen} size="sm" /> },
          { label: 'Last seen', value: <TimeAgo iso={asset.lastSeen} size="sm" /> },
          ...(asset.deletedAt
            ? [{ label: 'Deleted', value: <TimeAgo iso={asset.deletedAt} size="sm" /> }]
            : []),
          {
            label: 'Open findings',
            value:
              asset.openFindings > 0 ? (
                <Button
                  component={Link}
                  to={`/findings?assetId=${asset.id}`}
                  size="compact-sm"
                  variant="light"
                  color="red"
                >
                  View {asset.openFindings} open finding{asset.openFindings === 1 ? '' : 's'}
                </Button>
              ) : (
                'None'
              ),
          },
        ]}
      />

      <Stack gap="xs">
        <Title order={4} size="h5">
          Tags
        </Title>
        {tags.length === 0 ? (
          <Text size="sm" c="dimmed">
            No tags.
          </Text>
        ) : (
          <Group gap={6}>
            {tags.map(([key, value]) => (
              <Badge key={key} color="gray" variant="outline" style={{ textTransform: 'none' }}>
                {key}: {value}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={4} size="h5">
          Attributes
        </Title>
        <Text size="xs" c="dimmed">
          As returned by the cloud API on the last scan.
        </Text>
        <JsonView value={asset.attributes} label="attributes" />
      </Stack>
    </Stack>
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
