import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  Drawer,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFilterOff, IconShieldCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { SEVERITIES, ZFindingStatus, type TCheckSummary, type TFinding } from '@aispm/contracts';
import { useAsset } from '../api/assets.hooks';
import { useChecks, useFindings, type FindingFilters } from '../api/findings.hooks';
import { CopyValue } from '../components/copy-value';
import { LoadMore, NOWRAP, rowOpenProps, TableEmptyRow, TableSkeletonRows } from '../components/data-table';
import { DetailsList } from '../components/details-list';
import { FindingStatusBadge, findingStatusLabel } from '../components/finding-status-badge';
import { JsonView } from '../components/json-view';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { RiskScore } from '../components/risk-score';
import { SeverityBadge, severityLabel } from '../components/severity-badge';
import { TimeAgo } from '../components/time-ago';
import { assetTypeLabel, providerLabel } from '../lib/format';
import { readList, useUrlState } from '../lib/search-params';

const COLUMNS = 8;
/** `status` absent from the URL means the default (open); `all` means no status filter. */
const ALL = 'all';

export default function FindingsPage() {
  const [params, update] = useUrlState();
  const statusParam = params.get('status');
  const filters: FindingFilters = {
    status:
      statusParam === ALL ? [] : statusParam ? readList(params, 'status', ZFindingStatus.options) : ['open'],
    severity: readList(params, 'severity', SEVERITIES),
    checkId: readList(params, 'checkId').slice(0, 1),
    assetId: params.get('assetId') ?? undefined,
  };
  const filtered =
    statusParam !== null ||
    filters.severity.length > 0 ||
    filters.checkId.length > 0 ||
    filters.assetId !== undefined;

  const findings = useFindings(filters);
  const checks = useChecks();
  const asset = useAsset(filters.assetId ?? null, filters.assetId !== undefined);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const rows = findings.data ?? [];
  const selected = rows.find((f) => f.id === selectedId);
  const checkById = new Map((checks.data ?? []).map((c) => [c.id, c]));
  const statusValue = filters.status.length === 1 ? filters.status[0]! : ALL;

  return (
    <>
      <PageHeader
        title="Findings"
        description="Failed checks on your AI assets, most severe first. Open a finding for its evidence and remediation."
      />

      <Paper p="md" mb="md" radius="md">
        <Group align="flex-end" gap="sm">
          <Select
            label="Status"
            data={[
              ...ZFindingStatus.options.map((s) => ({ value: s, label: findingStatusLabel(s) })),
              { value: ALL, label: 'Any status' },
            ]}
            value={statusValue}
            onChange={(value) => update({ status: value === 'open' || value === null ? null : value })}
            allowDeselect={false}
            w={160}
          />
          <MultiSelect
            label="Severity"
            placeholder={filters.severity.length ? undefined : 'Any'}
            data={SEVERITIES.map((s) => ({ value: s, label: severityLabel(s) }))}
            value={filters.severity}
            onChange={(severity) => update({ severity })}
            w={280}
            clearable
          />
          <Select
            label="Check"
            placeholder="Any check"
            data={(checks.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            value={filters.checkId[0] ?? null}
            onChange={(checkId) => update({ checkId })}
            searchable
            clearable
            nothingFoundMessage="No check matches"
            miw={320}
            style={{ flex: 1 }}
          />
          {filtered ? (
            <Button
              variant="subtle"
              leftSection={<IconFilterOff size={16} />}
              onClick={() => update({ status: null, severity: null, checkId: null, assetId: null })}
            >
              Reset filters
            </Button>
          ) : null}
        </Group>
        {filters.assetId ? (
          <Group gap={6} mt="sm">
            <Text size="sm" c="dimmed">
              Asset:
            </Text>
            <Badge
              color="indigo"
              size="lg"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label="Clear asset filter"
                  onClick={() => update({ assetId: null })}
                />
              }
            >
              {asset.data?.name ?? filters.assetId}
            </Badge>
          </Group>
        ) : null}
      </Paper>

      {findings.isError ? (
        <ProblemAlert error={findings.error} onRetry={() => void findings.refetch()} />
      ) : (
        <Paper radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={1100}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={96}>Severity</Table.Th>
                  <Table.Th miw={260}>Check</Table.Th>
                  <Table.Th>Asset</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Risk</Table.Th>
                  <Table.Th>First seen</Table.Th>
                  <Table.Th>Last seen</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {findings.isPending ? (
                  <TableSkeletonRows columns={COLUMNS} />
                ) : rows.length === 0 ? (
                  <TableEmptyRow
                    colSpan={COLUMNS}
                    icon={<IconShieldCheck />}
                    title={filtered ? 'No finding matches these filters' : 'No open findings'}
                    description={
                      filtered
                        ? 'Widen the filters to see more findings.'
                        : 'Either nothing is misconfigured or no scan has run yet: check Cloud accounts.'
                    }
                  />
                ) : (
                  rows.map((finding) => (
                    <FindingRow key={finding.id} finding={finding} onOpen={() => setSelectedId(finding.id)} />
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length > 0 ? (
            <LoadMore
              shown={rows.length}
              noun={rows.length === 1 ? 'finding' : 'findings'}
              hasNextPage={findings.hasNextPage}
              isFetchingNextPage={findings.isFetchingNextPage}
              onLoadMore={() => void findings.fetchNextPage()}
            />
          ) : null}
        </Paper>
      )}

      <Drawer
        opened={selected !== undefined}
        onClose={() => setSelectedId(null)}
        title={
          <Title order={3} component="span" size="h4">
            {selected?.title ?? 'Finding'}
          </Title>
        }
      >
        {selected ? (
          <FindingDetails
            finding={selected}
            check={checkById.get(selected.checkId)}
            checksError={checks.isError ? checks.error : null}
          />
        ) : null}
      </Drawer>
    </>
  );
}

function FindingRow({ finding, onOpen }: { finding: TFinding; onOpen: () => void }) {
  return (
    <Table.Tr {...rowOpenProps(onOpen)}>
      <Table.Td>
        <SeverityBadge severity={finding.severity} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {finding.title}
        </Text>
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm">{finding.asset.name}</Text>
        <Text size="xs" c="dimmed" ff="monospace" truncate="end" title={finding.asset.nativeId}>
          {finding.asset.nativeId}
        </Text>
      </Table.Td>
      <Table.Td style={NOWRAP}>{finding.asset.region}</Table.Td>
      <Table.Td>
        <FindingStatusBadge status={finding.status} />
      </Table.Td>
      <Table.Td>
        <RiskScore score={finding.riskScore} />
      </Table.Td>
      <Table.Td>
        <TimeAgo iso={finding.firstSeen} size="sm" />
      </Table.Td>
      <Table.Td>
        <TimeAgo iso={finding.lastSeen} size="sm" />
      </Table.Td>
    </Table.Tr>
  );
}

function FindingDetails({
  finding,
  check,
  checksError,
}: {
  finding: TFinding;
  check: TCheckSummary | undefined;
  checksError: Error | null;
}) {
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <SeverityBadge severity={finding.severity} size="lg" />
        <FindingStatusBadge status={finding.status} />
        <Badge color="gray" variant="outline">
          Risk {finding.riskScore}/100
        </Badge>
      </Group>

      <Section title="Asset">
        <DetailsList
          items={[
            {
              label: 'Name',
              value: (
                <Anchor component={Link} to={`/inventory?asset=${finding.assetId}`} size="sm">
                  {finding.asset.name}
                </Anchor>
              ),
            },
            { label: 'Native id', value: <CopyValue value={finding.asset.nativeId} label="native id" /> },
            { label: 'Type', value: assetTypeLabel(finding.asset.assetType) },
            {
              label: 'Location',
              value: `${providerLabel[finding.asset.provider]} · ${finding.asset.region}`,
            },
            { label: 'First seen', value: <TimeAgo iso={finding.firstSeen} size="sm" /> },
            { label: 'Last seen', value: <TimeAgo iso={finding.lastSeen} size="sm" /> },
            ...(finding.resolvedAt
              ? [{ label: 'Resolved', value: <TimeAgo iso={finding.resolvedAt} size="sm" /> }]
              : []),
          ]}
        />
      </Section>

      {checksError ? (
        <ProblemAlert error={checksError} />
      ) : check ? (
        <>
          <Section title="Why it matters">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {check.rationale}
            </Text>
          </Section>
          <Section title="Remediation">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {check.remediation}
            </Text>
          </Section>
          {check.controls.length > 0 ? (
            <Section title="Controls">
              <Group gap={6}>
                {check.controls.map((control) => (
                  <Badge key={control} color="gray" variant="outline">
                    {control}
                  </Badge>
                ))}
              </Group>
            </Section>
          ) : null}
        </>
      ) : null}

      <Section title="Evidence">
        <Text size="xs" c="dimmed">
          What the check saw on the asset when it failed. Check{' '}
          <Text span ff="monospace" size="xs">
            {finding.checkId}
          </Text>
          .
        </Text>
        <JsonView value={finding.evidence} label="evidence" />
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
