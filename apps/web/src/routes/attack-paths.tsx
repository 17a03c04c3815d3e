import { Anchor, Select, Table, Text } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { ZAttackPathStatus, type TAttackPathListItem, type TAttackPathStatus } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useAttackPaths, type AttackPathFilters } from '../api/attack-paths.hooks';
import { AttackPathStatusBadge, attackPathHref } from '../components/attack-path-status';
import { PagedTable, rowOpenProps, type Column } from '../components/data-table';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { RiskScore } from '../components/risk-score';
import { SeverityBadge } from '../components/severity-badge';
import { TimeAgo } from '../components/time-ago';
import { assetTypeLabel } from '../lib/format';
import { useUrlState } from '../lib/search-params';

const COLUMNS: Column[] = [
  { label: 'Severity', w: 96 },
  { label: 'Attack path', miw: 260 },
  { label: 'Entry asset' },
  { label: 'Risk', ta: 'right' },
  { label: 'Status' },
  { label: 'Last seen' },
];

const STATUS_LABEL: Record<TAttackPathStatus, string> = { open: 'Open', resolved: 'Resolved' };

/** Chains of findings along the inventory's relations, the riskiest first. */
export default function AttackPathsPage() {
  const [params, update] = useUrlState();
  const status = ZAttackPathStatus.catch('open').parse(params.get('status') ?? 'open');
  const filters: AttackPathFilters = { status, accountId: params.get('accountId') ?? undefined };
  const filtered = status !== 'open' || filters.accountId !== undefined;
  const paths = useAttackPaths(filters);
  const accounts = useAccounts();
  const navigate = useNavigate();

  return (
    <>
      <PageHeader
        title="Attack paths"
        description="Ways in that several findings open together: an exposed asset leading to privileges or data along its relations. Riskiest first."
      />
      <FilterBar
        filtered={filtered}
        resetLabel="Reset filters"
        onReset={() => update({ status: null, accountId: null })}
      >
        <Select
          label="Status"
          data={ZAttackPathStatus.options.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          value={status}
          onChange={(value) => update({ status: value === 'open' ? null : value })}
          allowDeselect={false}
          w={160}
        />
        <Select
          label="Account"
          placeholder="Any account"
          data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={filters.accountId ?? null}
          onChange={(accountId) => update({ accountId })}
          clearable
          w={260}
        />
      </FilterBar>
      <PagedTable
        query={paths}
        columns={COLUMNS}
        minWidth={900}
        noun={{ one: 'attack path', other: 'attack paths' }}
        empty={{
          icon: <IconRoute />,
          title: status === 'open' ? 'No open attack paths' : 'No resolved attack paths',
          description:
            status === 'open'
              ? 'No chain of findings was found on the last evaluation of your accounts.'
              : 'A path is resolved when a later scan no longer finds it.',
        }}
        renderRow={(path) => (
          <PathRow key={path.id} path={path} onOpen={() => void navigate(attackPathHref(path.id))} />
        )}
      />
    </>
  );
}

function PathRow({ path, onOpen }: { path: TAttackPathListItem; onOpen: () => void }) {
  return (
    <Table.Tr {...rowOpenProps(onOpen)}>
      <Table.Td>
        <SeverityBadge severity={path.severity} />
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={attackPathHref(path.id)}
          size="sm"
          fw={600}
          onClick={(event) => event.stopPropagation()}
        >
          {path.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {path.nodeCount} assets · {path.findingCount} {path.findingCount === 1 ? 'finding' : 'findings'}
        </Text>
      </Table.Td>
      <Table.Td>
        {path.entry ? (
          <>
            <Text size="sm">{path.entry.name}</Text>
            <Text size="xs" c="dimmed">
              {assetTypeLabel(path.entry.assetType)}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RiskScore score={path.riskScore} />
      </Table.Td>
      <Table.Td>
        <AttackPathStatusBadge status={path.status} />
      </Table.Td>
      <Table.Td>
        <TimeAgo iso={path.lastSeen} size="sm" />
      </Table.Td>
    </Table.Tr>
  );
}
