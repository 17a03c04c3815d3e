import {
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  MultiSelect,
  Paper,
  Select,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconEye, IconEyeOff, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { SEVERITIES, ZFindingSort, ZFindingStatus, type TFinding, type TFindingSort } from '@aispm/contracts';
import { useAsset } from '../api/assets.hooks';
import { useChecks, useFindings, type FindingFilters } from '../api/findings.hooks';
import { NOWRAP, PagedTable, type Column } from '../components/data-table';
import { FilterBar } from '../components/filter-bar';
import { FindingLink } from '../components/finding-link';
import { FindingStatusBadge, findingStatusLabel } from '../components/finding-status-badge';
import { FindingSuppressForm, FindingUnsuppressForm } from '../components/finding-suppress-form';
import { ItemModal } from '../components/item-modal';
import { PageHeader } from '../components/page-header';
import { RiskScore } from '../components/risk-score';
import { SeverityBadge, severityLabel } from '../components/severity-badge';
import { TimeAgo } from '../components/time-ago';
import { formatDateTime } from '../lib/format';
import { readList, useUrlState } from '../lib/search-params';
import { useCan } from '../lib/session';

const COLUMNS: Column[] = [
  { label: 'Risk', ta: 'right', w: 96 },
  { label: 'Severity', w: 96 },
  { label: 'Check', miw: 200 },
  { label: 'Asset' },
  { label: 'Region' },
  { label: 'Status', miw: 140 },
  // First seen is the second line of this column, so the table fits a 1280 px wide window.
  { label: 'Last seen' },
];
const SELECT_COLUMN: Column = { label: '', w: 40 };

const SORT_LABEL: Record<TFindingSort, string> = { risk: 'Highest risk', severity: 'Most severe' };

/** `status` absent from the URL means the default (open); `all` means no status filter. */
const ALL = 'all';

type BulkAction = { kind: 'suppress' | 'unsuppress'; ids: string[] };

export default function FindingsPage() {
  const [params, update] = useUrlState();
  const statusParam = params.get('status');
  const sortParam = ZFindingSort.safeParse(params.get('sort'));
  const filters: FindingFilters = {
    sort: sortParam.success ? sortParam.data : 'risk',
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
  const canSuppress = useCan('findings:write');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<BulkAction | null>(null);

  const shown = findings.data ?? [];
  // Only what is on screen can be acted on: a selection survives a filter change only where rows remain.
  const selectedShown = shown.filter((f) => selected.has(f.id));
  const suppressible = selectedShown.filter((f) => f.status !== 'resolved');
  const unsuppressible = selectedShown.filter((f) => f.status === 'suppressed');
  const allSelected = shown.length > 0 && selectedShown.length === shown.length;
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const statusValue = filters.status.length === 1 ? filters.status[0]! : ALL;

  return (
    <>
      <PageHeader
        title="Findings"
        description="Failed checks on your AI assets, highest risk first: severity weighed by exposure, data sensitivity, privilege, business criticality and attack paths. Open one for its evidence, remediation and history."
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
          label="Sort"
          data={ZFindingSort.options.map((s) => ({ value: s, label: SORT_LABEL[s] }))}
          value={filters.sort}
          onChange={(value) => update({ sort: value === 'risk' ? null : value })}
          allowDeselect={false}
          w={150}
        />
        <Select
          label="Status"
          data={[
            ...ZFindingStatus.options.map((s) => ({ value: s, label: findingStatusLabel(s) })),
            { value: ALL, label: 'Any status' },
          ]}
          value={statusValue}
          onChange={(value) => update({ status: value === 'open' || value === null ? null : value })}
          allowDeselect={false}
          w={150}
        />
        <MultiSelect
          label="Severity"
          placeholder={filters.severity.length ? undefined : 'Any'}
          data={SEVERITIES.map((s) => ({ value: s, label: severityLabel(s) }))}
          value={filters.severity}
          onChange={(severity) => update({ severity })}
          w={260}
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
          miw={300}
          style={{ flex: 1 }}
        />
      </FilterBar>

      {canSuppress ? (
        <Paper px="md" py="xs" mb="md" radius="md">
          <Group justify="space-between">
            <Checkbox
              label={selectedShown.length > 0 ? `${selectedShown.length} selected` : 'Select all shown'}
              checked={allSelected}
              indeterminate={selectedShown.length > 0 && !allSelected}
              disabled={shown.length === 0}
              onChange={() => setSelected(allSelected ? new Set() : new Set(shown.map((f) => f.id)))}
            />
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconEyeOff size={14} />}
                disabled={suppressible.length === 0}
                onClick={() => setBulk({ kind: 'suppress', ids: suppressible.map((f) => f.id) })}
              >
                Suppress selected
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconEye size={14} />}
                disabled={unsuppressible.length === 0}
                onClick={() => setBulk({ kind: 'unsuppress', ids: unsuppressible.map((f) => f.id) })}
              >
                Unsuppress selected
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}

      <PagedTable
        query={findings}
        columns={canSuppress ? [SELECT_COLUMN, ...COLUMNS] : COLUMNS}
        minWidth={980}
        noun={{ one: 'finding', other: 'findings' }}
        aria-label="Findings"
        empty={{
          icon: <IconShieldCheck />,
          title: filtered ? 'No finding matches these filters' : 'No open findings',
          description: filtered
            ? 'Widen the filters to see more findings.'
            : 'Either nothing is misconfigured or no scan has run yet: check Cloud accounts.',
        }}
        renderRow={(finding) => (
          <FindingRow
            key={finding.id}
            finding={finding}
            selected={canSuppress ? selected.has(finding.id) : undefined}
            onToggle={() => toggle(finding.id)}
          />
        )}
      />

      <ItemModal
        item={bulk}
        onClose={() => setBulk(null)}
        title={bulk?.kind === 'unsuppress' ? 'Unsuppress findings' : 'Suppress findings'}
        size="lg"
      >
        {(action, close) => {
          const done = (changed: number) => {
            if (changed > 0) setSelected(new Set());
            close();
          };
          return action.kind === 'suppress' ? (
            <FindingSuppressForm findingIds={action.ids} onDone={done} />
          ) : (
            <FindingUnsuppressForm findingIds={action.ids} onDone={done} />
          );
        }}
      </ItemModal>
    </>
  );
}

function FindingRow({
  finding,
  selected,
  onToggle,
}: {
  finding: TFinding;
  /** undefined: the user cannot act on findings, so there is no checkbox. */
  selected: boolean | undefined;
  onToggle: () => void;
}) {
  return (
    <Table.Tr bg={selected ? 'var(--mantine-primary-color-light)' : undefined}>
      {selected !== undefined ? (
        <Table.Td>
          <Checkbox
            checked={selected}
            onChange={onToggle}
            aria-label={`Select ${finding.title} on ${finding.asset.name}`}
          />
        </Table.Td>
      ) : null}
      <Table.Td>
        <RiskScore score={finding.riskScore} />
      </Table.Td>
      <Table.Td>
        <SeverityBadge severity={finding.severity} />
      </Table.Td>
      <Table.Td>
        <FindingLink id={finding.id} size="sm" fw={600} c="inherit">
          {finding.title}
        </FindingLink>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate="end" maw={{ base: 200, xl: 340 }}>
          {finding.asset.name}
        </Text>
        {/* ARNs run to 80+ characters; the finding page shows the whole id with a copy button. */}
        <Tooltip label={finding.asset.nativeId} maw={480} multiline style={{ wordBreak: 'break-all' }}>
          <Text size="xs" c="dimmed" ff="monospace" truncate="end" maw={{ base: 200, xl: 340 }}>
            {finding.asset.nativeId}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td style={NOWRAP}>{finding.asset.region}</Table.Td>
      <Table.Td>
        <FindingStatusBadge status={finding.status} />
        {finding.suppression ? (
          <Tooltip
            label={`Owner ${finding.suppression.owner}${finding.suppression.until ? ` · until ${formatDateTime(finding.suppression.until)}` : ''}`}
          >
            <Text size="xs" c="dimmed" lineClamp={2} maw={240}>
              {finding.exceptionId ? 'Exception: ' : ''}
              {finding.suppression.reason}
            </Text>
          </Tooltip>
        ) : null}
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
