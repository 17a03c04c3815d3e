import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconBellOff, IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TControlRelationship, TFindingDetail } from '@aispm/contracts';
import { useFindingExceptions } from '../api/exceptions.hooks';
import { useFinding } from '../api/findings.hooks';
import { CopyValue } from '../components/copy-value';
import { DetailsList } from '../components/details-list';
import { FindingHistory } from '../components/finding-history';
import { FindingRemediation } from '../components/finding-remediation';
import { FindingRiskBreakdown } from '../components/finding-risk-breakdown';
import { FindingStatusBadge } from '../components/finding-status-badge';
import { FindingSuppressForm, FindingUnsuppressForm } from '../components/finding-suppress-form';
import { ItemModal } from '../components/item-modal';
import { JsonView } from '../components/json-view';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { RiskScore } from '../components/risk-score';
import { SectionCard } from '../components/section-card';
import { SeverityBadge } from '../components/severity-badge';
import { TimeAgo } from '../components/time-ago';
import { assetTypeLabel, formatDateTime, providerLabel } from '../lib/format';
import { assetPath } from '../lib/paths';
import { useCan } from '../lib/session';

const RELATIONSHIP: Record<TControlRelationship, string> = {
  'equivalent-to': 'equivalent to',
  'subset-of': 'covers part of',
  'superset-of': 'goes beyond',
  'intersects-with': 'overlaps',
};

const CRITICALITY_LABEL = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

/** One finding: why it matters, how to fix it, how its risk score was reached, and what happened to it. */
export default function FindingPage() {
  const { findingId = '' } = useParams();
  const finding = useFinding(findingId);
  const canSuppress = useCan('findings:write');
  const [action, setAction] = useState<'suppress' | 'unsuppress' | null>(null);

  if (finding.isError) {
    return (
      <>
        <FindingBreadcrumbs title="Finding" />
        <ProblemAlert error={finding.error} onRetry={() => void finding.refetch()} />
      </>
    );
  }
  if (!finding.data) {
    return (
      <Stack aria-busy aria-label="Loading finding">
        <FindingBreadcrumbs title="Finding" />
        <Skeleton height={28} width="50%" />
        <Skeleton height={16} width="30%" />
        <Skeleton height={320} />
      </Stack>
    );
  }
  const f = finding.data;

  return (
    <>
      <FindingBreadcrumbs title={f.title} />
      <PageHeader
        title={f.title}
        description={
          <>
            <Text span ff="monospace" size="sm">
              {f.checkId}
            </Text>{' '}
            on {f.asset.name} · first seen <TimeAgo iso={f.firstSeen} inherit /> · last seen{' '}
            <TimeAgo iso={f.lastSeen} inherit />
          </>
        }
        actions={
          canSuppress && f.status !== 'resolved' ? (
            f.status === 'suppressed' ? (
              <Button
                variant="default"
                leftSection={<IconEye size={16} />}
                onClick={() => setAction('unsuppress')}
              >
                Unsuppress
              </Button>
            ) : (
              <Button leftSection={<IconEyeOff size={16} />} onClick={() => setAction('suppress')}>
                Suppress
              </Button>
            )
          ) : null
        }
      />

      <Stack gap="lg">
        <Group gap="sm" aria-label="Finding summary">
          <SeverityBadge severity={f.severity} size="lg" />
          <FindingStatusBadge status={f.status} />
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              Risk
            </Text>
            <RiskScore score={f.riskScore} />
          </Group>
          {f.resolvedAt ? (
            <Text size="sm" c="dimmed">
              Resolved <TimeAgo iso={f.resolvedAt} inherit />
            </Text>
          ) : null}
        </Group>

        {f.suppression ? <SuppressionNotice finding={f} /> : null}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <SectionCard title="Why it matters">
                {f.check ? (
                  <Stack gap="sm">
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {f.check.rationale}
                    </Text>
                    {f.check.reads.length > 0 ? (
                      <Text size="xs" c="dimmed">
                        The verdict reads {f.check.reads.join(', ')}.
                      </Text>
                    ) : null}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    This version of aispm no longer has the check {f.checkId}.
                  </Text>
                )}
              </SectionCard>

              {f.check ? (
                <SectionCard title="Remediation">
                  <FindingRemediation remediation={f.check.remediation} />
                </SectionCard>
              ) : null}

              <SectionCard title="Evidence">
                <Text size="xs" c="dimmed" mb="xs">
                  What the check saw on the asset when it last failed.
                </Text>
                <JsonView value={f.evidence} label="evidence" />
              </SectionCard>

              {f.check && f.check.controls.length > 0 ? (
                <SectionCard title="Controls">
                  <Table aria-label="Controls">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Control</Table.Th>
                        <Table.Th>Title</Table.Th>
                        <Table.Th>This check</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {f.check.controls.map((c) => (
                        <Table.Tr key={c.ref}>
                          <Table.Td>
                            <Text size="sm" ff="monospace">
                              {c.ref}
                            </Text>
                          </Table.Td>
                          <Table.Td>{c.title ?? '—'}</Table.Td>
                          <Table.Td>{RELATIONSHIP[c.relationship]}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </SectionCard>
              ) : null}
            </Stack>
          </Grid.Col>

          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              <SectionCard title="Risk score">
                {f.riskFactors ? (
                  <FindingRiskBreakdown factors={f.riskFactors} score={f.riskScore} />
                ) : (
                  <Text size="sm" c="dimmed">
                    Scored {f.riskScore} before its factors were recorded; the next scan records them.
                  </Text>
                )}
              </SectionCard>

              <SectionCard title="Asset">
                <AssetFacts finding={f} />
              </SectionCard>

              <SectionCard title="Attack paths">
                {f.attackPaths.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Not on any open attack path.
                  </Text>
                ) : (
                  <List spacing="xs" size="sm" aria-label="Attack paths">
                    {f.attackPaths.map((p) => (
                      <List.Item key={p.id}>
                        <Group gap={6} wrap="nowrap">
                          <SeverityBadge severity={p.severity} size="sm" />
                          <Anchor component={Link} to={`/attack-paths/${encodeURIComponent(p.id)}`} size="sm">
                            {p.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            risk {p.riskScore}
                          </Text>
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                )}
              </SectionCard>

              <SectionCard title="History">
                <FindingHistory events={f.history} truncated={f.historyTruncated} />
              </SectionCard>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>

      <ItemModal
        item={action}
        onClose={() => setAction(null)}
        title={action === 'unsuppress' ? 'Unsuppress finding' : 'Suppress finding'}
        size="lg"
      >
        {(kind, close) =>
          kind === 'suppress' ? (
            <FindingSuppressForm findingIds={[f.id]} onDone={close} />
          ) : (
            <FindingUnsuppressForm findingIds={[f.id]} onDone={close} />
          )
        }
      </ItemModal>
    </>
  );
}

function FindingBreadcrumbs({ title }: { title: string }) {
  return (
    <Breadcrumbs mb="xs" aria-label="Breadcrumb">
      <Anchor component={Link} to="/findings" size="sm">
        Findings
      </Anchor>
      <Text size="sm" c="dimmed">
        {title}
      </Text>
    </Breadcrumbs>
  );
}

function SuppressionNotice({ finding }: { finding: TFindingDetail }) {
  const s = finding.suppression!;
  const byRule = finding.exceptionId !== null;
  // The rule's name, for those who may read the rules (findings:read).
  const rules = useFindingExceptions({ enabled: byRule });
  const rule = rules.data?.find((r) => r.id === finding.exceptionId);
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconBellOff />}
      title={byRule ? 'Suppressed by an exception rule' : 'Suppressed'}
    >
      <Stack gap={4}>
        <Text size="sm">{s.reason}</Text>
        <Text size="xs" c="dimmed">
          Owner {s.owner}
          {s.since ? ` · since ${formatDateTime(s.since)}` : ''}
          {s.until ? ` · until ${formatDateTime(s.until)}` : ' · no expiry'}
          {byRule ? (
            <>
              {' · rule '}
              <Anchor component={Link} to="/exceptions" size="xs">
                {rule?.name ?? 'see Exceptions'}
              </Anchor>
            </>
          ) : null}
        </Text>
      </Stack>
    </Alert>
  );
}

function AssetFacts({ finding }: { finding: TFindingDetail }) {
  const a = finding.asset;
  return (
    <DetailsList
      items={[
        {
          label: 'Name',
          value: (
            <Anchor component={Link} to={assetPath(a.id)} size="sm">
              {a.name}
            </Anchor>
          ),
        },
        { label: 'Native id', value: <CopyValue value={a.nativeId} label="native id" /> },
        { label: 'Type', value: assetTypeLabel(a.assetType) },
        { label: 'Location', value: `${providerLabel[a.provider]} · ${a.region}` },
        {
          label: 'Criticality',
          value: a.criticality ? (
            <Badge variant="outline" color="gray">
              {CRITICALITY_LABEL[a.criticality]}
            </Badge>
          ) : (
            <Text span size="sm" c="dimmed">
              Not set
            </Text>
          ),
        },
        {
          label: 'Owner',
          value: a.owner ?? (
            <Text span size="sm" c="dimmed">
              Not set
            </Text>
          ),
        },
      ]}
    />
  );
}
