import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Grid,
  Group,
  Progress,
  RingProgress,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  type MantineColor,
} from '@mantine/core';
import { BarChart } from '@mantine/charts';
import {
  IconAlertTriangle,
  IconCloud,
  IconCloudPlus,
  IconEyeOff,
  IconRadar,
  IconRoute,
  IconServer2,
  IconShieldCheck,
  IconTargetArrow,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { SEVERITIES, type TCloudAccount, type TPostureSummary, type TScan } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { usePosture, usePostureTrend } from '../api/posture.hooks';
import { isScanActive, useScan } from '../api/scans.hooks';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { DetailsList } from '../components/details-list';
import { ScanStatusBadge } from '../components/scan-status-badge';
import { SectionCard } from '../components/section-card';
import { SeverityBadge, severityLabel } from '../components/severity-badge';
import { StatCard } from '../components/stat-card';
import { TimeAgo } from '../components/time-ago';
import { TrendChart } from '../components/trend-chart';
import { assetTypeLabel, providerLabel } from '../lib/format';
import { useCan } from '../lib/session';
import { severityColor } from '../theme';

export default function DashboardPage() {
  const posture = usePosture();
  const accounts = useAccounts();

  return (
    <>
      <PageHeader
        title="Posture overview"
        description="Security posture of the AI workloads in your connected cloud accounts."
      />
      {posture.isPending ? (
        <DashboardSkeleton />
      ) : posture.isError ? (
        <ProblemAlert error={posture.error} onRetry={() => void posture.refetch()} />
      ) : posture.data.accounts === 0 ? (
        <NoAccounts />
      ) : (
        <Dashboard posture={posture.data} accounts={accounts.data ?? []} />
      )}
    </>
  );
}

function Dashboard({ posture, accounts }: { posture: TPostureSummary; accounts: TCloudAccount[] }) {
  const { assets, findings } = posture;
  const canReadFindings = useCan('findings:read');
  const byProvider = assets.byProvider
    .filter((p) => p.count > 0)
    .map((p) => `${providerLabel[p.provider]} ${p.count}`)
    .join(' · ');

  return (
    <Stack gap="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ScoreCard score={posture.score} evaluated={assets.evaluated} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md" h="100%">
            <StatCard
              label="Cloud accounts"
              value={posture.accounts}
              icon={<IconCloud size={16} />}
              hint={
                <Anchor component={Link} to="/accounts" size="xs">
                  Manage accounts
                </Anchor>
              }
            />
            <StatCard
              label="AI assets"
              value={assets.total}
              icon={<IconServer2 size={16} />}
              hint={byProvider || 'Nothing discovered yet'}
            />
            <StatCard
              label="Assets with open findings"
              value={assets.withOpenFindings}
              color={assets.withOpenFindings > 0 ? 'orange' : 'teal'}
              icon={<IconTargetArrow size={16} />}
              hint={
                assets.evaluated > 0
                  ? `${Math.round((assets.withOpenFindings / assets.evaluated) * 100)}% of ${assets.evaluated} evaluated`
                  : undefined
              }
            />
            <StatCard
              label="Open findings"
              value={findings.open}
              color={findings.open > 0 ? 'red' : 'teal'}
              icon={<IconAlertTriangle size={16} />}
              hint={
                canReadFindings ? (
                  <Anchor component={Link} to="/findings" size="xs">
                    Review findings
                  </Anchor>
                ) : undefined
              }
            />
            <StatCard
              label="Open attack paths"
              value={posture.attackPaths.open}
              color={posture.attackPaths.open > 0 ? 'red' : 'teal'}
              icon={<IconRoute size={16} />}
              hint={
                canReadFindings ? (
                  <Anchor component={Link} to="/attack-paths" size="xs">
                    {posture.attackPaths.open > 0 ? 'See the attack paths' : 'Attack paths'}
                  </Anchor>
                ) : undefined
              }
            />
            <StatCard
              label="Shadow AI assets"
              value={assets.shadow}
              color={assets.shadow > 0 ? 'orange' : 'teal'}
              icon={<IconEyeOff size={16} />}
              hint={
                <Anchor component={Link} to="/inventory?shadow=true" size="xs">
                  Outside the register
                </Anchor>
              }
            />
          </SimpleGrid>
        </Grid.Col>
      </Grid>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <TrendCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <LastScanCard scan={posture.lastScan} accounts={accounts} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SeverityChart posture={posture} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <CloudsCard posture={posture} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <TopChecks posture={posture} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <AssetsByType posture={posture} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FrameworksCard posture={posture} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

const TREND_DAYS = ['7', '30', '90'] as const;

function TrendCard() {
  const [days, setDays] = useState<(typeof TREND_DAYS)[number]>('30');
  const trend = usePostureTrend(Number(days));
  return (
    <SectionCard
      title="Posture trend"
      h="100%"
      actions={
        <SegmentedControl
          size="xs"
          data={TREND_DAYS.map((d) => ({ value: d, label: `${d} days` }))}
          value={days}
          onChange={(value) => setDays(value as (typeof TREND_DAYS)[number])}
          aria-label="Trend period"
        />
      }
    >
      {trend.isError ? (
        <ProblemAlert error={trend.error} onRetry={() => void trend.refetch()} />
      ) : trend.data ? (
        <TrendChart points={trend.data.points} days={trend.data.days} />
      ) : (
        <Skeleton height={228} radius="md" />
      )}
    </SectionCard>
  );
}

function CloudsCard({ posture }: { posture: TPostureSummary }) {
  return (
    <SectionCard title="By cloud" h="100%">
      {posture.clouds.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconCloud />}
          withIndicatorBackground
          title="No evaluated account yet"
          description="Each cloud gets its own score after its accounts are scanned."
        />
      ) : (
        <Table aria-label="Posture by cloud" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cloud</Table.Th>
              <Table.Th ta="right">Score</Table.Th>
              <Table.Th ta="right">Assets</Table.Th>
              <Table.Th ta="right">Failing</Table.Th>
              <Table.Th ta="right">Open findings</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {posture.clouds.map((c) => (
              <Table.Tr key={c.provider}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {providerLabel[c.provider]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.accounts} {c.accounts === 1 ? 'account' : 'accounts'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {c.score === null ? (
                    '—'
                  ) : (
                    <Badge color={scoreColor(c.score)} variant="light">
                      {c.score}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.assets}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.withOpenFindings}/{c.evaluated}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.openFindings}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}

function FrameworksCard({ posture }: { posture: TPostureSummary }) {
  return (
    <SectionCard
      title="Compliance frameworks"
      actions={
        <Anchor component={Link} to="/compliance" size="sm">
          Compliance
        </Anchor>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
        {posture.frameworks.map((f) => {
          const { total, failing, passing, manual } = f.controls;
          const share = (n: number) => (total > 0 ? (n / total) * 100 : 0);
          return (
            <Anchor
              key={f.key}
              component={Link}
              to={`/compliance/${encodeURIComponent(f.key)}`}
              underline="never"
              c="inherit"
              aria-label={`${f.name}: ${failing} of ${total} controls failing`}
            >
              <Group justify="space-between" mb={4} wrap="nowrap" gap="xs">
                <Text size="sm" truncate="end">
                  {f.name}
                </Text>
                <Text size="sm" fw={650} c={failing > 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {failing} failing
                </Text>
              </Group>
              <Progress.Root size="sm" aria-hidden>
                <Progress.Section value={share(failing)} color="red" />
                <Progress.Section value={share(passing)} color="teal" />
                <Progress.Section value={share(manual)} color="gray.4" />
              </Progress.Root>
              <Text size="xs" c="dimmed" mt={4}>
                {passing} passing · {manual} need evidence · {total} controls
              </Text>
            </Anchor>
          );
        })}
      </SimpleGrid>
    </SectionCard>
  );
}

function scoreColor(score: number): MantineColor {
  if (score >= 80) return 'teal';
  if (score >= 60) return 'yellow';
  if (score >= 40) return 'orange';
  return 'red';
}

function ScoreCard({ score, evaluated }: { score: number | null; evaluated: number }) {
  return (
    <SectionCard title="Posture score" h="100%">
      <Group wrap="nowrap" gap="lg">
        <RingProgress
          size={132}
          thickness={12}
          roundCaps
          sections={score === null ? [] : [{ value: score, color: scoreColor(score) }]}
          label={
            <Text
              ta="center"
              fz={score === null ? 28 : 32}
              fw={750}
              c={score === null ? 'dimmed' : undefined}
            >
              {score ?? '—'}
            </Text>
          }
          aria-label={
            score === null ? 'Posture score not available yet' : `Posture score ${score} out of 100`
          }
        />
        <Stack gap={6}>
          {score === null ? (
            <Text size="sm" c="dimmed">
              The score appears after the first evaluated scan. Start one from{' '}
              <Anchor component={Link} to="/accounts">
                Cloud accounts
              </Anchor>
              .
            </Text>
          ) : (
            <>
              <Text size="sm">
                <Text span fw={650}>
                  {score}%
                </Text>{' '}
                of the {evaluated} evaluated AI {evaluated === 1 ? 'asset has' : 'assets have'} no open
                finding.
              </Text>
              <Text size="xs" c="dimmed">
                Resolve findings on the most exposed assets first to raise the score.
              </Text>
            </>
          )}
        </Stack>
      </Group>
    </SectionCard>
  );
}

function SeverityChart({ posture }: { posture: TPostureSummary }) {
  // Every severity is plotted, zeros included, so the shape of the chart is comparable from scan to scan.
  const data = SEVERITIES.map((severity) => ({
    severity: severityLabel(severity),
    count: posture.findings.bySeverity.find((s) => s.severity === severity)?.count ?? 0,
    color: `${severityColor[severity]}.6`,
  }));
  return (
    <SectionCard
      title="Open findings by severity"
      h="100%"
      actions={
        <Anchor component={Link} to="/findings" size="sm">
          All findings
        </Anchor>
      }
    >
      <BarChart
        h={200}
        data={data}
        dataKey="severity"
        series={[{ name: 'count', label: 'Open findings', color: 'gray.6' }]}
        maxBarWidth={56}
        gridAxis="x"
        tickLine="none"
        yAxisProps={{ allowDecimals: false, width: 32 }}
        aria-hidden
      />
      <Group gap="xs" mt="md">
        {SEVERITIES.map((severity) => {
          const count = data.find((d) => d.severity === severityLabel(severity))?.count ?? 0;
          return (
            <Anchor
              key={severity}
              component={Link}
              to={`/findings?severity=${severity}`}
              underline="never"
              aria-label={`${count} open ${severity} findings`}
            >
              <SeverityBadge
                severity={severity}
                size="lg"
                rightSection={
                  <Text span fw={700} size="xs">
                    {count}
                  </Text>
                }
              />
            </Anchor>
          );
        })}
      </Group>
    </SectionCard>
  );
}

function LastScanCard({ scan: summarised, accounts }: { scan: TScan | null; accounts: TCloudAccount[] }) {
  // The posture summary refreshes every few seconds; the scan itself is polled every second while it runs.
  const live = useScan(summarised?.id);
  const scan = live.data ?? summarised;
  if (!scan) {
    return (
      <SectionCard title="Last scan" h="100%">
        <EmptyState
          size="sm"
          icon={<IconRadar />}
          withIndicatorBackground
          title="No scan yet"
          description="Scan an account to build the inventory and evaluate the checks."
        >
          <EmptyState.Actions>
            <Button component={Link} to="/accounts" size="xs" variant="light">
              Go to Cloud accounts
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </SectionCard>
    );
  }
  const account = accounts.find((a) => a.id === scan.accountId);
  const active = isScanActive(scan.status);
  return (
    <SectionCard title="Last scan" h="100%" actions={<ScanStatusBadge status={scan.status} />}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {account?.name ?? 'Unknown account'}
          </Text>
          <Text size="sm" c="dimmed">
            {scan.finishedAt ? 'finished ' : scan.startedAt ? 'started ' : 'queued '}
            <TimeAgo iso={scan.finishedAt ?? scan.startedAt ?? scan.createdAt} />
          </Text>
        </Group>
        {active ? (
          <Progress
            value={scan.tasksTotal > 0 ? (scan.tasksDone / scan.tasksTotal) * 100 : 0}
            animated
            aria-label="Scan progress"
          />
        ) : null}
        <SimpleGrid cols={3} spacing="xs">
          <Figure label="Assets seen" value={scan.assetsSeen} />
          <Figure label="Open findings" value={scan.findingsOpen} />
          <Figure
            label="Tasks"
            value={`${scan.tasksDone}/${scan.tasksTotal}`}
            note={scan.tasksFailed > 0 ? `${scan.tasksFailed} failed` : undefined}
          />
        </SimpleGrid>
        <DetailsList
          items={[
            { label: 'Trigger', value: scan.trigger },
            { label: 'Queued', value: <TimeAgo iso={scan.createdAt} size="sm" /> },
            { label: 'Duration', value: duration(scan) },
            ...(account ? [{ label: 'Regions', value: account.regions.join(', ') }] : []),
          ]}
        />
        {scan.partial ? (
          <Badge color="yellow" variant="light" leftSection={<IconAlertTriangle size={12} />}>
            Partial: some listings failed, their inventory was kept as it was
          </Badge>
        ) : null}
        {scan.errors.length > 0 ? (
          <Table withTableBorder fz="xs" verticalSpacing={4} highlightOnHover={false}>
            <Table.Caption>Errors reported by the scan</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scan.errors.slice(0, 5).map((e, i) => (
                <Table.Tr key={`${e.service}-${e.region}-${i}`}>
                  <Table.Td>{e.service}</Table.Td>
                  <Table.Td>{e.region}</Table.Td>
                  <Table.Td>
                    <Text fz="xs" fw={600}>
                      {e.code}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {e.message}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

function duration(scan: TScan): string {
  if (!scan.startedAt) return 'Not started';
  const end = scan.finishedAt ? new Date(scan.finishedAt).getTime() : Date.now();
  const seconds = Math.max(0, Math.round((end - new Date(scan.startedAt).getTime()) / 1000));
  const text = seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return scan.finishedAt ? text : `${text} so far`;
}

function Figure({ label, value, note }: { label: string; value: string | number; note?: string }) {
  return (
    <Card p="xs" radius="sm" bg="var(--app-main-bg)" withBorder={false}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="red">
          {note}
        </Text>
      ) : null}
    </Card>
  );
}

function TopChecks({ posture }: { posture: TPostureSummary }) {
  const checks = posture.findings.topChecks;
  return (
    <SectionCard title="Top failing checks" h="100%">
      {checks.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconShieldCheck />}
          withIndicatorBackground
          title="No failing checks"
          description="Every evaluated asset passes every check."
        />
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>Severity</Table.Th>
                <Table.Th>Check</Table.Th>
                <Table.Th ta="right" w={100}>
                  Findings
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checks.map((check) => (
                <Table.Tr key={check.checkId}>
                  <Table.Td>
                    <SeverityBadge severity={check.severity} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/findings?checkId=${encodeURIComponent(check.checkId)}`}
                      size="sm"
                    >
                      {check.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {check.count}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

const TOP_TYPES = 10;

function AssetsByType({ posture }: { posture: TPostureSummary }) {
  const all = [...posture.assets.byType].sort((a, b) => b.count - a.count);
  // The largest types; the inventory lists every one.
  const types = all.slice(0, TOP_TYPES);
  const max = Math.max(1, ...types.map((t) => t.count));
  return (
    <SectionCard
      title="AI assets by type"
      h="100%"
      actions={
        <Anchor component={Link} to="/inventory" size="sm">
          Inventory
        </Anchor>
      }
    >
      {types.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconServer2 />}
          withIndicatorBackground
          title="No assets yet"
          description="Assets appear here after a scan discovers them."
        />
      ) : (
        <Stack gap="sm">
          {types.map((t) => (
            <Anchor
              key={t.assetType}
              component={Link}
              to={`/inventory?assetType=${encodeURIComponent(t.assetType)}`}
              underline="never"
              c="inherit"
            >
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Text size="sm">{assetTypeLabel(t.assetType)}</Text>
                <Text size="sm" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t.count}
                </Text>
              </Group>
              <Progress value={(t.count / max) * 100} size="sm" color="indigo" aria-hidden />
            </Anchor>
          ))}
          {all.length > types.length ? (
            <Anchor component={Link} to="/inventory" size="sm">
              {all.length - types.length} more {all.length - types.length === 1 ? 'type' : 'types'} in the
              inventory
            </Anchor>
          ) : null}
        </Stack>
      )}
    </SectionCard>
  );
}

function NoAccounts() {
  return (
    <Card radius="md" py={60}>
      <EmptyState
        icon={<IconCloudPlus />}
        variant="light"
        size="lg"
        title="Connect your first cloud account"
        description="aispm discovers SageMaker notebooks, endpoints and models in the accounts you connect, then checks them for risky configurations."
      >
        <EmptyState.Actions>
          <Button component={Link} to="/accounts" leftSection={<IconCloud size={16} />}>
            Go to Cloud accounts
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}

function DashboardSkeleton() {
  return (
    <Stack gap="md" aria-busy aria-label="Loading posture">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Skeleton height={196} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} height={90} radius="md" />
            ))}
          </SimpleGrid>
        </Grid.Col>
      </Grid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Skeleton height={300} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Skeleton height={300} radius="md" />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
