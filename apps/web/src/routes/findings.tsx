import {
  Anchor,
  Badge,
  CloseButton,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { SEVERITIES, ZFindingStatus, type TCheckSummary, type TFinding } from '@aispm/contracts';
import { useAsset } from '../api/assets.hooks';
import { useChecks, useFindings, type FindingFilters } from '../api/findings.hooks';
import { CopyValue } from '../components/copy-value';
import { NOWRAP, PagedTable, rowOpenProps, type Column } from '../components/data-table';
import { DetailDrawer, DetailSection } from '../components/detail-drawer';
import { DetailsList } from '../components/details-list';
import { FilterBar } from '../components/filter-bar';
import { FindingStatusBadge, findingStatusLabel } from '../components/finding-status-badge';
import { JsonView } from '../components/json-view';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { RiskScore } from '../components/risk-score';
import { SeverityBadge, severityLabel } from '../components/severity-badge';
import { TimeAgo } from '../components/time-ago';
import { assetTypeLabel, providerLabel } from '../lib/format';
import { assetPath } from '../lib/paths';
import { readList, useUrlState } from '../lib/search-params';

const COLUMNS: Column[] = [
  { label: 'Severity', w: 96 },
  { label: 'Check', miw: 200 },
  { label: 'Asset' },
  { label: 'Region' },
  { label: 'Status' },
  { label: 'Risk', ta: 'right' },
  // First seen is the second line of this column, so the table fits a 1280 px wide window.
  { label: 'Last seen' },
];
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

  const selected = findings.data?.find((f) => f.id === selectedId);
  const checkById = new Map((checks.data ?? []).map((c) => [c.id, c]));
  const statusValue = filters.status.length === 1 ? filters.status[0]! : ALL;

  return (
    <>
      <PageHeader
        title="Findings"
        description="Failed checks on your AI assets, most severe first. Open a finding for its evidence and remediation."
      />

      <FilterBar
        filtered={filtered}
        resetLabel="Reset filters"
        onReset={() => update({ status: null, severity: null, checkId: null, assetId: null })}
        below={
          filters.assetId ? (
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
          ) : null
        }
      >
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
      </FilterBar>

      <PagedTable
        query={findings}
        columns={COLUMNS}
        minWidth={960}
        noun={{ one: 'finding', other: 'findings' }}
        empty={{
          icon: <IconShieldCheck />,
          title: filtered ? 'No finding matches these filters' : 'No open findings',
          description: filtered
            ? 'Widen the filters to see more findings.'
            : 'Either nothing is misconfigured or no scan has run yet: check Cloud accounts.',
        }}
        renderRow={(finding) => (
          <FindingRow key={finding.id} finding={finding} onOpen={() => setSelectedId(finding.id)} />
        )}
      />

      <DetailDrawer
        opened={selected !== undefined}
        onClose={() => setSelectedId(null)}
        title={selected?.title ?? 'Finding'}
      >
        {selected ? (
          <FindingDetails
            finding={selected}
            check={checkById.get(selected.checkId)}
            checksError={checks.isError ? checks.error : null}
          />
        ) : null}
      </DetailDrawer>
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
      <Table.Td>
        <Text size="sm">{finding.asset.name}</Text>
        {/* ARNs run to 80+ characters; the drawer shows the whole id with a copy button. */}
        <Tooltip label={finding.asset.nativeId} maw={480} multiline style={{ wordBreak: 'break-all' }}>
          <Text size="xs" c="dimmed" ff="monospace" truncate="end" maw={{ base: 220, xl: 360 }}>
            {finding.asset.nativeId}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td style={NOWRAP}>{finding.asset.region}</Table.Td>
      <Table.Td>
        <FindingStatusBadge status={finding.status} />
      </Table.Td>
      <Table.Td>
        <RiskScore score={finding.riskScore} />
      </Table.Td>
      <Table.Td>
        <TimeAgo iso={finding.lastSeen} size="sm" />
        <Text size="xs" c="dimmed" style={NOWRAP}>
          first <TimeAgo iso={finding.firstSeen} inherit />
        </Text>
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

      <DetailSection title="Asset">
        <DetailsList
          items={[
            {
              label: 'Name',
              value: (
                <Anchor component={Link} to={assetPath(finding.assetId)} size="sm">
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
      </DetailSection>

      {checksError ? (
        <ProblemAlert error={checksError} />
      ) : check ? (
        <>
          <DetailSection title="Why it matters">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {check.rationale}
            </Text>
          </DetailSection>
          <DetailSection title="Remediation">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {check.remediation}
            </Text>
          </DetailSection>
          {check.controls.length > 0 ? (
            <DetailSection title="Controls">
              <Group gap={6}>
                {check.controls.map((control) => (
                  <Badge key={control} color="gray" variant="outline">
                    {control}
                  </Badge>
                ))}
              </Group>
            </DetailSection>
          ) : null}
        </>
      ) : null}

      <DetailSection title="Evidence">
        <Text size="xs" c="dimmed">
          What the check saw on the asset when it failed. Check{' '}
          <Text span ff="monospace" size="xs">
            {finding.checkId}
          </Text>
          .
        </Text>
        <JsonView value={finding.evidence} label="evidence" />
      </DetailSection>
    </Stack>
  );
}
