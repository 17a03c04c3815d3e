import { Anchor, Badge, Button, MultiSelect, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconServer2 } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ZProvider, type TAsset } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useAssets, type AssetFilters } from '../api/assets.hooks';
import { usePosture } from '../api/posture.hooks';
import { NOWRAP, PagedTable, type Column } from '../components/data-table';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { SearchInput } from '../components/search-input';
import { TimeAgo } from '../components/time-ago';
import { CLOUD_LOCATIONS } from '../lib/cloud-locations';
import { assetTypeLabel, providerLabel } from '../lib/format';
import { assetPath } from '../lib/paths';
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

/** The region of resources listed once per account rather than per region (the connectors' GLOBAL_REGION). */
const GLOBAL_REGION = 'global';

const SHADOW_OPTIONS = [
  { value: 'true', label: 'Shadow AI only' },
  { value: 'false', label: 'Not flagged' },
];

export default function InventoryPage() {
  const [params, update] = useUrlState();
  const [searchKey, setSearchKey] = useState(0);
  const shadowParam = params.get('shadow');
  const filters: AssetFilters = {
    provider: readList(params, 'provider', ZProvider.options),
    assetType: readList(params, 'assetType'),
    region: readList(params, 'region'),
    accountId: params.get('accountId') ?? undefined,
    shadow: shadowParam === 'true' || shadowParam === 'false' ? shadowParam : undefined,
    q: params.get('q') ?? '',
  };
  const filtered =
    filters.provider.length + filters.assetType.length + filters.region.length > 0 ||
    filters.accountId !== undefined ||
    filters.shadow !== undefined ||
    filters.q !== '';

  const assets = useAssets(filters);
  const accounts = useAccounts();
  const posture = usePosture();
  const accountName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? '—';

  // Options come from what is known to exist, plus whatever the URL already selects.
  const typeOptions = unique([
    ...(posture.data?.assets.byType.map((t) => t.assetType) ?? []),
    ...filters.assetType,
  ]).map((value) => ({ value, label: assetTypeLabel(value) }));
  // An account with no regions keeps every location of its cloud; account-wide resources (IAM, buckets) are `global`.
  const regionOptions = unique([
    ...(accounts.data?.flatMap((a) =>
      a.regions.length > 0 ? a.regions : CLOUD_LOCATIONS[a.provider].map((l) => l.value),
    ) ?? []),
    ...(accounts.data?.length ? [GLOBAL_REGION] : []),
    ...filters.region,
  ]).sort();
  const accountOptions = (accounts.data ?? []).map((a) => ({
    value: a.id,
    label: `${a.name} (${providerLabel[a.provider]})`,
  }));

  // Links from before the asset page existed opened a drawer with ?asset=<id>.
  const legacyAssetId = params.get('asset');
  if (legacyAssetId) return <Navigate to={assetPath(legacyAssetId)} replace />;

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
          update({ provider: null, assetType: null, region: null, accountId: null, shadow: null, q: null });
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
          w={150}
          clearable
        />
        <MultiSelect
          label="Asset type"
          placeholder={filters.assetType.length ? undefined : 'Any'}
          data={typeOptions}
          value={filters.assetType}
          onChange={(assetType) => update({ assetType })}
          w={220}
          searchable
          clearable
        />
        <MultiSelect
          label="Region"
          placeholder={filters.region.length ? undefined : 'Any'}
          data={regionOptions}
          value={filters.region}
          onChange={(region) => update({ region })}
          w={160}
          searchable
          clearable
        />
        <Select
          label="Account"
          placeholder="Any"
          data={
            filters.accountId && !accountOptions.some((o) => o.value === filters.accountId)
              ? [...accountOptions, { value: filters.accountId, label: 'Unknown account' }]
              : accountOptions
          }
          value={filters.accountId ?? null}
          onChange={(accountId) => update({ accountId })}
          w={200}
          searchable
          clearable
        />
        <Select
          label="Shadow AI"
          placeholder="Any"
          data={SHADOW_OPTIONS}
          value={filters.shadow ?? null}
          onChange={(shadow) => update({ shadow })}
          w={190}
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
          <AssetRow key={asset.id} asset={asset} accountName={accountName(asset.accountId)} />
        )}
      />
    </>
  );
}

function AssetRow({ asset, accountName }: { asset: TAsset; accountName: string }) {
  const navigate = useNavigate();
  const href = assetPath(asset.id);
  // The name is the link (keyboard, middle click); a click anywhere else on the row follows it too.
  const open = (event: MouseEvent<HTMLTableRowElement>) => {
    if (event.target instanceof Element && event.target.closest('a')) return;
    void navigate(href);
  };
  return (
    <Table.Tr onClick={open} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Anchor component={Link} to={href} size="sm" fw={600} c="inherit">
          {asset.name}
        </Anchor>
        {asset.shadow ? (
          <Tooltip label={asset.shadow.reasons.map((r) => r.title).join(' · ')} multiline maw={320}>
            <Badge
              color="orange"
              size="xs"
              ml={6}
              variant="light"
              leftSection={<IconAlertTriangle size={10} />}
            >
              Shadow AI
            </Badge>
          </Tooltip>
        ) : null}
        {asset.deletedAt ? (
          <Badge color="gray" size="xs" ml={6}>
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

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
