import { Anchor, Breadcrumbs, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { TAttackPath } from '@aispm/contracts';
import { useAttackPath } from '../api/attack-paths.hooks';
import { AttackPathChain } from '../components/attack-path-chain';
import { AttackPathStatusBadge } from '../components/attack-path-status';
import { DetailsList } from '../components/details-list';
import { FindingStatusBadge } from '../components/finding-status-badge';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { RiskScore } from '../components/risk-score';
import { SectionCard } from '../components/section-card';
import { SeverityBadge } from '../components/severity-badge';
import { TimeAgo } from '../components/time-ago';
import { assetPath } from '../lib/paths';

const findingHref = (id: string) => `/findings/${encodeURIComponent(id)}`;

/** One attack path: the chain of assets, why it matters, and the findings that make it up. */
export default function AttackPathPage() {
  const { pathId = '' } = useParams();
  const path = useAttackPath(pathId);

  if (path.isError) {
    return (
      <>
        <PathBreadcrumbs title="Attack path" />
        <ProblemAlert error={path.error} onRetry={() => void path.refetch()} />
      </>
    );
  }
  if (!path.data) {
    return (
      <Stack aria-busy aria-label="Loading attack path">
        <PathBreadcrumbs title="Attack path" />
        <Skeleton height={28} width="50%" />
        <Skeleton height={16} width="30%" />
        <Skeleton height={160} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  const p = path.data;
  return (
    <>
      <PathBreadcrumbs title={p.title} />
      <PageHeader
        title={p.title}
        description={`${p.nodes.length} assets · ${p.findings.length} ${p.findings.length === 1 ? 'finding' : 'findings'} · rule ${p.pattern}`}
        actions={
          <Group gap="xs">
            <SeverityBadge severity={p.severity} size="lg" />
            <AttackPathStatusBadge status={p.status} />
          </Group>
        }
      />
      <Stack gap="lg">
        <SectionCard title="Chain">
          <AttackPathChain path={p} assetHref={assetPath} />
        </SectionCard>

        <SectionCard title="Why it matters">
          <Stack gap="md">
            <Text size="sm">
              {p.narrative ?? 'This rule is no longer part of aispm; its explanation is gone.'}
            </Text>
            <DetailsList
              items={[
                { label: 'Risk score', value: <RiskScoreInline score={p.riskScore} /> },
                { label: 'First seen', value: <TimeAgo iso={p.firstSeen} size="sm" /> },
                { label: 'Last seen', value: <TimeAgo iso={p.lastSeen} size="sm" /> },
                ...(p.resolvedAt
                  ? [{ label: 'Resolved', value: <TimeAgo iso={p.resolvedAt} size="sm" /> }]
                  : []),
              ]}
            />
          </Stack>
        </SectionCard>

        <SectionCard title="Findings on this path">
          <PathFindings path={p} />
        </SectionCard>
      </Stack>
    </>
  );
}

function RiskScoreInline({ score }: { score: number }) {
  return (
    <Group gap={6}>
      <Text size="sm" fw={600}>
        {score}/100
      </Text>
      <Text size="xs" c="dimmed">
        the highest of its findings
      </Text>
    </Group>
  );
}

function PathBreadcrumbs({ title }: { title: string }) {
  return (
    <Breadcrumbs mb="xs" aria-label="Breadcrumb">
      <Anchor component={Link} to="/attack-paths" size="sm">
        Attack paths
      </Anchor>
      <Text size="sm" c="dimmed">
        {title}
      </Text>
    </Breadcrumbs>
  );
}

function PathFindings({ path }: { path: TAttackPath }) {
  const names = new Map(path.nodes.map((n) => [n.assetId, n.asset?.name ?? n.name]));
  if (path.findings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The findings of this path are no longer stored.
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Findings on this path">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={96}>Severity</Table.Th>
              <Table.Th>Finding</Table.Th>
              <Table.Th>Asset</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Risk</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {path.findings.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <SeverityBadge severity={f.severity} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={findingHref(f.id)} size="sm" fw={600}>
                    {f.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {f.checkId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={assetPath(f.assetId)} size="sm">
                    {names.get(f.assetId) ?? f.assetId}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <FindingStatusBadge status={f.status} />
                </Table.Td>
                <Table.Td>
                  <RiskScore score={f.riskScore} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
