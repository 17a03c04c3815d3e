import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconListCheck } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  CONTROL_STATUSES,
  type TComplianceControl,
  type TControlRelationship,
  type TControlStatus,
} from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useControlAssets, useFramework } from '../api/compliance.hooks';
import { DataTable, NOWRAP, rowOpenProps, type Column } from '../components/data-table';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { SeverityBadge } from '../components/severity-badge';
import { assetTypeLabel, providerLabel } from '../lib/format';
import { assetPath } from '../lib/paths';
import { useUrlState } from '../lib/search-params';
import { useCan } from '../lib/session';

const STATUS: Record<TControlStatus, { label: string; color: string; hint: string }> = {
  failing: { label: 'Failing', color: 'red', hint: 'A mapped check has open findings.' },
  passing: {
    label: 'Passing',
    color: 'teal',
    hint: 'Mapped checks reached verdicts and none has open findings.',
  },
  manual: { label: 'Manual', color: 'gray', hint: 'No check gives evidence yet: collect it outside aispm.' },
};

const RELATIONSHIP: Record<TControlRelationship, string> = {
  'equivalent-to': 'equivalent to',
  'subset-of': 'covers part of',
  'superset-of': 'goes beyond',
  'intersects-with': 'overlaps',
};

const COLUMNS: Column[] = [
  { label: '', w: 36 },
  { label: 'Status', w: 110 },
  { label: 'Control', w: 140 },
  { label: 'Title' },
  { label: 'Checks', miw: 260 },
];

export function ControlStatusBadge({ status }: { status: TControlStatus }) {
  return (
    <Badge
      color={STATUS[status].color}
      variant={status === 'manual' ? 'outline' : 'light'}
      title={STATUS[status].hint}
    >
      {STATUS[status].label}
    </Badge>
  );
}

export default function ComplianceFrameworkPage() {
  const { key = '' } = useParams();
  const [params, update] = useUrlState();
  const accountId = params.get('accountId') ?? undefined;
  const statusParam = params.get('status');
  const status = (CONTROL_STATUSES as readonly string[]).includes(statusParam ?? '')
    ? (statusParam as TControlStatus)
    : null;
  const framework = useFramework(key, accountId);
  const accounts = useAccounts({ enabled: useCan('accounts:read') });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const data = framework.data;
  const rows = (data?.items ?? []).filter((c) => status === null || c.status === status);

  return (
    <>
      <Anchor component={Link} to="/compliance" size="sm">
        ← Compliance
      </Anchor>
      <PageHeader
        title={data?.name ?? key}
        description={
          data
            ? `Version ${data.version} · ${data.controls.total} controls: ${data.controls.failing} failing, ${data.controls.passing} passing, ${data.controls.manual} manual`
            : undefined
        }
      />

      <FilterBar
        filtered={accountId !== undefined || status !== null}
        resetLabel="Reset filters"
        onReset={() => update({ accountId: null, status: null })}
      >
        <Select
          label="Status"
          placeholder="Any status"
          data={CONTROL_STATUSES.map((s) => ({ value: s, label: STATUS[s].label }))}
          value={status}
          onChange={(value) => update({ status: value })}
          clearable
          w={180}
        />
        <Select
          label="Cloud account"
          placeholder="All accounts"
          data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={accountId ?? null}
          onChange={(value) => update({ accountId: value })}
          clearable
          w={260}
        />
      </FilterBar>

      <DataTable
        query={{ ...framework, data: framework.data ? rows : undefined }}
        columns={COLUMNS}
        minWidth={900}
        empty={{
          icon: <IconListCheck />,
          title: status
            ? `No ${STATUS[status].label.toLowerCase()} control`
            : 'This framework has no controls',
          description: status ? 'Choose another status to see more controls.' : '',
        }}
        renderRow={(control) => (
          <Fragment key={control.id}>
            <ControlRow
              control={control}
              expanded={expanded.has(control.id)}
              onToggle={() => toggle(control.id)}
            />
            {expanded.has(control.id) ? (
              <Table.Tr>
                <Table.Td colSpan={COLUMNS.length} bg="var(--mantine-color-default-hover)">
                  <ControlDetails frameworkKey={key} control={control} accountId={accountId} />
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Fragment>
        )}
      />

      {data?.attribution ? (
        <Text size="xs" c="dimmed" mt="md">
          Catalog: {data.attribution.source}. Licence: {data.attribution.license}. Mappings from checks to
          controls are aispm&apos;s own.
        </Text>
      ) : null}
    </>
  );
}

function ControlRow({
  control,
  expanded,
  onToggle,
}: {
  control: TComplianceControl;
  expanded: boolean;
  onToggle: () => void;
}) {
  return (
    <Table.Tr {...rowOpenProps(onToggle)} aria-expanded={expanded}>
      <Table.Td>{expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}</Table.Td>
      <Table.Td>
        <ControlStatusBadge status={control.status} />
      </Table.Td>
      <Table.Td style={NOWRAP}>
        <Text size="sm" ff="monospace">
          {control.id}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {control.title}
        </Text>
      </Table.Td>
      <Table.Td>
        {control.checks.length === 0 ? (
          <Text size="sm" c="dimmed">
            No mapped check
          </Text>
        ) : (
          <Text size="sm">
            {control.checks.length} {control.checks.length === 1 ? 'check' : 'checks'}
            {control.failing > 0 ? ` · ${control.failing} failing` : ''}
            {control.passing > 0 ? ` · ${control.passing} passing` : ''}
            {control.suppressed > 0 ? ` · ${control.suppressed} suppressed` : ''}
            {control.unknown > 0 ? ` · ${control.unknown} unknown` : ''}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ControlDetails({
  frameworkKey,
  control,
  accountId,
}: {
  frameworkKey: string;
  control: TComplianceControl;
  accountId: string | undefined;
}) {
  return (
    <Stack gap="md" py="xs" aria-label={`Control ${control.id}`}>
      {control.description ? <Text size="sm">{control.description}</Text> : null}
      {control.checks.length === 0 ? (
        <Text size="sm" c="dimmed">
          No aispm check gives evidence for this control: record it with your own evidence.
        </Text>
      ) : (
        <>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Severity</Table.Th>
                  <Table.Th>Check</Table.Th>
                  <Table.Th>Relationship</Table.Th>
                  <Table.Th ta="right">Failing</Table.Th>
                  <Table.Th ta="right">Passing</Table.Th>
                  <Table.Th ta="right">Suppressed</Table.Th>
                  <Table.Th ta="right">Unknown</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {control.checks.map((check) => (
                  <Table.Tr key={check.checkId}>
                    <Table.Td>
                      <SeverityBadge severity={check.severity} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/findings?checkId=${encodeURIComponent(check.checkId)}`}
                        size="sm"
                        fw={600}
                      >
                        {check.title}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {check.checkId}
                      </Text>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <Text size="sm" title={check.relationship}>
                        {RELATIONSHIP[check.relationship]}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text
                        size="sm"
                        c={check.failing > 0 ? 'red' : undefined}
                        fw={check.failing > 0 ? 700 : 400}
                      >
                        {check.failing}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{check.passing}</Table.Td>
                    <Table.Td ta="right">{check.suppressed}</Table.Td>
                    <Table.Td ta="right">{check.unknown}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {control.failing > 0 ? (
            <AffectedAssets frameworkKey={frameworkKey} controlId={control.id} accountId={accountId} />
          ) : null}
        </>
      )}
    </Stack>
  );
}

function AffectedAssets({
  frameworkKey,
  controlId,
  accountId,
}: {
  frameworkKey: string;
  controlId: string;
  accountId: string | undefined;
}) {
  const assets = useControlAssets(frameworkKey, controlId, accountId);
  return (
    <Stack gap="xs">
      <Title order={5}>Affected assets</Title>
      {assets.isError ? (
        <ProblemAlert error={assets.error} onRetry={() => void assets.refetch()} />
      ) : assets.isPending ? (
        <Text size="sm" c="dimmed">
          Loading affected assets…
        </Text>
      ) : (
        <Stack gap={6}>
          {assets.data.map((asset) => (
            <Group key={asset.id} gap="sm" wrap="nowrap">
              <Anchor component={Link} to={assetPath(asset.id)} size="sm" fw={600}>
                {asset.name}
              </Anchor>
              <Text size="xs" c="dimmed" style={NOWRAP}>
                {assetTypeLabel(asset.assetType)} · {providerLabel[asset.provider]} · {asset.region}
              </Text>
              <Group gap={4}>
                {asset.checks.map((c) => (
                  <Badge key={c.checkId} size="sm" variant="outline" color="red" title={c.checkId}>
                    {c.title}
                  </Badge>
                ))}
              </Group>
            </Group>
          ))}
          {assets.hasNextPage ? (
            <Button
              variant="default"
              size="xs"
              w="fit-content"
              onClick={() => void assets.fetchNextPage()}
              loading={assets.isFetchingNextPage}
            >
              Load more
            </Button>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
