import { Anchor, Badge, Button, Group, MultiSelect, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconServer2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ZProvider, type TAsset, type TCloudAccount } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useAsset, useAssets, type AssetFilters } from '../api/assets.hooks';
import { usePosture } from '../api/posture.hooks';
import { CopyValue } from '../components/copy-value';
import { NOWRAP, PagedTable, rowOpenProps, type Column } from '../components/data-table';
import { DetailDrawer, DetailSection } from '../components/detail-drawer';
import { DetailsList } from '../components/details-list';
import { FilterBar } from '../components/filter-bar';
import { JsonView } from '../components/json-view';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { SearchInput } from '../components/search-input';
import { TimeAgo } from '../components/time-ago';
import { assetTypeLabel, providerLabel } from '../lib/format';
import { readList, useUrlState } from '../lib/search-params';

const COLUMNS: Column[] = [
  { label: 'Name' },
  { label: 'Type' },
  { label: 'Provider' },
  { label: 'Region' },
  { label: 'Account' },
  { label: 'Open findings', ta: 'right' },
  { label: 'Last seen' },
];

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

  const selected = assets.data?.find((a) => a.id === selectedId);
  // The single-asset answer also carries the asset's relations, so it is always fetched for the drawer.
  const fetched = useAsset(selectedId, selectedId !== null);
  const drawerAsset = fetched.data ?? selected;

  return (
    <>
      <PageHeader
        title="Inventory"
        description="AI assets discovered in your cloud accounts, as the cloud APIs describe them."
      />

      <FilterBar
        filtered={filtered}
        resetLabel="Clear filters"
        onReset={() => {
          update({ provider: null, assetType: null, region: null, q: null });
          setSearchKey((k) => k + 1);
        }}
      >
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
      </FilterBar>

      <PagedTable
        query={assets}
        columns={COLUMNS}
        minWidth={900}
        noun={{ one: 'asset', other: 'assets' }}
        empty={{
          icon: <IconServer2 />,
          title: filtered ? 'No asset matches these filters' : 'No assets discovered yet',
          description: filtered
            ? 'Widen the filters or clear them to see the whole inventory.'
            : 'Connect a cloud account and run a scan to build the inventory.',
          action: filtered ? null : (
            <Button component={Link} to="/accounts" variant="light" size="xs">
              Go to Cloud accounts
            </Button>
          ),
        }}
        renderRow={(asset) => (
          <AssetRow
            key={asset.id}
            asset={asset}
            accountName={accountName(asset.accountId)}
            onOpen={() => update({ asset: asset.id })}
          />
        )}
      />

      <DetailDrawer
        opened={selectedId !== null}
        onClose={() => update({ asset: null })}
        title={drawerAsset?.name ?? 'Asset'}
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
      </DetailDrawer>
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

      <DetailSection title="Tags">
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
      </DetailSection>

      <DetailSection title="Relations">
        {!asset.relations ? (
          <Text size="sm" c="dimmed">
            Loading…
          </Text>
        ) : asset.relations.length === 0 ? (
          <Text size="sm" c="dimmed">
            No relations to other inventoried assets.
          </Text>
        ) : (
          <Stack gap={4}>
            {asset.relations.map((r) => (
              <Group key={`${r.direction}-${r.kind}-${r.asset.id}`} gap={6} wrap="nowrap">
                <Badge
                  variant="light"
                  color={r.direction === 'out' ? 'indigo' : 'gray'}
                  style={{ textTransform: 'none' }}
                >
                  {r.direction === 'out' ? r.kind : `← ${r.kind}`}
                </Badge>
                <Anchor component={Link} to={`/inventory?asset=${r.asset.id}`} size="sm">
                  {r.asset.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {assetTypeLabel(r.asset.assetType)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </DetailSection>

      <DetailSection title="Attributes">
        <Text size="xs" c="dimmed">
          As returned by the cloud API on the last scan.
        </Text>
        <JsonView value={asset.attributes} label="attributes" />
      </DetailSection>
    </Stack>
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
