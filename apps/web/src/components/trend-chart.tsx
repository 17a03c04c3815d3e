import { Box, Group, Text } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useId } from 'react';
import { SEVERITIES, type TPostureTrendPoint } from '@aispm/contracts';

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Jun 2" for a YYYY-MM-DD day (UTC, as the API counts days). */
export function formatDay(day: string): string {
  return dayLabel.format(new Date(`${day}T00:00:00Z`));
}

const openFindings = (p: TPostureTrendPoint) => SEVERITIES.reduce((n, s) => n + p[s], 0);

/** How the score moved over the points shown, in words. */
export function trendSummary(points: readonly TPostureTrendPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'No evaluation in this period.';
  const latest = `Latest score ${last.score} on ${formatDay(last.day)}`;
  if (points.length === 1) return `${latest}; one evaluated day so far.`;
  const delta = last.score - first.score;
  const change =
    delta === 0
      ? 'unchanged'
      : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)} point${Math.abs(delta) === 1 ? '' : 's'}`;
  return `${latest}, ${change} since ${formatDay(first.day)}.`;
}

/**
 * The posture score per day (left axis, 0-100) and the open findings that day (right axis), from the posture
 * snapshots. A figure with a caption, so the trend is also there in words for whoever cannot see the chart.
 */
export function TrendChart({ points, days }: { points: readonly TPostureTrendPoint[]; days: number }) {
  const captionId = useId();
  const data = points.map((p) => ({ day: formatDay(p.day), score: p.score, open: openFindings(p) }));
  return (
    <Box component="figure" m={0} aria-labelledby={captionId}>
      {points.length === 0 ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          The trend starts with the first evaluation: each scan adds the day’s score.
        </Text>
      ) : (
        <LineChart
          h={200}
          data={data}
          dataKey="day"
          series={[
            { name: 'score', label: 'Posture score', color: 'indigo.6' },
            {
              name: 'open',
              label: 'Open findings',
              color: 'red.5',
              yAxisId: 'right',
              strokeDasharray: '5 4',
            },
          ]}
          curveType="linear"
          withRightYAxis
          yAxisProps={{ domain: [0, 100], allowDecimals: false, width: 32 }}
          rightYAxisProps={{ allowDecimals: false, width: 40 }}
          tickLine="none"
          gridAxis="y"
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 28 }}
          dotProps={{ r: 3 }}
        />
      )}
      <Group component="figcaption" id={captionId} justify="space-between" mt="xs" gap="xs">
        <Text size="sm">{trendSummary(points)}</Text>
        <Text size="xs" c="dimmed">
          Last {days} days, one point per day
        </Text>
      </Group>
    </Box>
  );
}
