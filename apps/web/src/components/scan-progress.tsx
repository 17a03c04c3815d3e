import { Badge, Group, List, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { TScan, TScanError } from '@aispm/contracts';
import { isScanActive } from '../api/scans.hooks';
import { ScanStatusBadge } from './scan-status-badge';
import { TimeAgo } from './time-ago';

const TABULAR = { fontVariantNumeric: 'tabular-nums' } as const;

/** Share of the scan's listing tasks that have finished, 0-100; nothing is known before the worker plans them. */
export function scanPercent(scan: Pick<TScan, 'tasksTotal' | 'tasksDone'>): number {
  if (scan.tasksTotal <= 0) return 0;
  return Math.min(100, Math.round((scan.tasksDone / scan.tasksTotal) * 100));
}

/**
 * A scan as it runs and once it ends: status, a progress bar over its listing tasks, the assets found so far and
 * each failed listing (service, region, code) as it happens. `label` names the account for the progress bar.
 */
export function ScanProgress({
  scan,
  label,
  maxErrors = 3,
}: {
  scan: TScan;
  label: string;
  maxErrors?: number;
}) {
  if (isScanActive(scan.status)) {
    return (
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <ScanStatusBadge status={scan.status} />
          <Text size="xs" c="dimmed" style={TABULAR}>
            {scan.tasksTotal > 0 ? `${scan.tasksDone}/${scan.tasksTotal} tasks` : 'Planning…'}
          </Text>
        </Group>
        <Progress
          value={scan.status === 'evaluating' ? 100 : scanPercent(scan)}
          animated
          size="sm"
          aria-label={`Scan of ${label}`}
        />
        <Text size="xs" c="dimmed" style={TABULAR}>
          {scan.assetsSeen} asset{scan.assetsSeen === 1 ? '' : 's'} found so far
          {scan.status === 'evaluating' ? ' · evaluating checks' : ''}
        </Text>
        <ScanErrors errors={scan.errors} max={maxErrors} />
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <ScanStatusBadge status={scan.status} />
        {scan.partial ? (
          <Tooltip label="Some listings failed: the inventory of those services was kept as it was">
            <Badge color="yellow">Partial</Badge>
          </Tooltip>
        ) : null}
        <TimeAgo iso={scan.finishedAt ?? scan.createdAt} size="xs" c="dimmed" />
      </Group>
      {scan.status === 'completed' ? (
        <Text size="xs" c="dimmed" style={TABULAR}>
          {scan.assetsSeen} asset{scan.assetsSeen === 1 ? '' : 's'} · {scan.findingsOpen} open finding
          {scan.findingsOpen === 1 ? '' : 's'}
        </Text>
      ) : scan.errors.length === 0 ? (
        <Text size="xs" c="red">
          The scan failed.
        </Text>
      ) : null}
      <ScanErrors errors={scan.errors} max={maxErrors} />
    </Stack>
  );
}

/** Failed listings, one line each; the rest are counted so a long list does not push the table apart. */
function ScanErrors({ errors, max }: { errors: TScanError[]; max: number }) {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, max);
  return (
    <Stack gap={2} aria-label="Failed listings">
      <List size="xs" spacing={2} c="red">
        {shown.map((e, index) => (
          <List.Item key={`${e.service}-${e.region}-${index}`}>
            <Text size="xs" c="red">
              <Text span inherit ff="monospace">
                {e.service}
              </Text>{' '}
              ({e.region}): {e.code}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2} title={e.message}>
              {e.message}
            </Text>
          </List.Item>
        ))}
      </List>
      {errors.length > max ? (
        <Text size="xs" c="dimmed">
          and {errors.length - max} more failed listing{errors.length - max === 1 ? '' : 's'}
        </Text>
      ) : null}
    </Stack>
  );
}
