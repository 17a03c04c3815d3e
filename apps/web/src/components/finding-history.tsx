import { Code, Group, Text, Timeline, Tooltip } from '@mantine/core';
import {
  IconBellOff,
  IconBellRinging,
  IconCircleCheck,
  IconCircleDot,
  IconRefresh,
  IconScale,
  IconShieldCheck,
  IconShieldOff,
  type Icon,
} from '@tabler/icons-react';
import type { TFindingEvent, TFindingEventKind } from '@aispm/contracts';
import { formatDateTime } from '../lib/format';
import { TimeAgo } from './time-ago';

const KIND: Record<TFindingEventKind, { label: string; icon: Icon; color: string }> = {
  opened: { label: 'Opened', icon: IconCircleDot, color: 'red' },
  reopened: { label: 'Reopened', icon: IconRefresh, color: 'red' },
  resolved: { label: 'Resolved', icon: IconCircleCheck, color: 'teal' },
  suppressed: { label: 'Suppressed', icon: IconBellOff, color: 'gray' },
  unsuppressed: { label: 'Suppression lifted', icon: IconBellRinging, color: 'orange' },
  suppression_expired: { label: 'Suppression expired', icon: IconBellRinging, color: 'orange' },
  excepted: { label: 'Suppressed by an exception rule', icon: IconShieldOff, color: 'gray' },
  exception_removed: { label: 'Exception rule removed', icon: IconShieldCheck, color: 'orange' },
  severity_changed: { label: 'Severity changed', icon: IconScale, color: 'yellow' },
};

export const findingEventLabel = (kind: TFindingEventKind) => KIND[kind].label;

/** `user:<email>` shows the email, `token:<id>` the token, `system` the scan's evaluation or an expiry. */
function actorLabel(actor: string): string {
  if (actor === 'system') return 'aispm';
  if (actor.startsWith('user:')) return actor.slice('user:'.length);
  if (actor.startsWith('token:')) return `API token ${actor.slice('token:'.length, 'token:'.length + 8)}`;
  return actor;
}

function detailText(event: TFindingEvent): string | null {
  const d = event.detail;
  if (event.kind === 'severity_changed' && typeof d.from === 'string' && typeof d.to === 'string')
    return `${d.from} → ${d.to}`;
  if (event.kind === 'suppressed' && typeof d.owner === 'string')
    return `Owner ${d.owner}${typeof d.until === 'string' ? ` · until ${formatDateTime(d.until)}` : ''}`;
  if (d.assetDeleted === true) return 'The asset was deleted.';
  return null;
}

/** The finding's transitions, newest first: what happened, when, who or which scan, and why. */
export function FindingHistory({ events, truncated }: { events: TFindingEvent[]; truncated: boolean }) {
  if (events.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No history recorded.
      </Text>
    );
  return (
    <>
      <Timeline bulletSize={24} lineWidth={2} aria-label="Finding history">
        {events.map((e) => {
          const kind = KIND[e.kind];
          const detail = detailText(e);
          return (
            <Timeline.Item
              key={e.id}
              bullet={<kind.icon size={14} />}
              color={kind.color}
              title={kind.label}
              aria-label={kind.label}
            >
              <Group gap={6} wrap="wrap">
                <TimeAgo iso={e.at} size="xs" c="dimmed" />
                <Text size="xs" c="dimmed">
                  · {actorLabel(e.actor)}
                </Text>
                {e.scanId ? (
                  <Tooltip label={e.scanId}>
                    <Text size="xs" c="dimmed">
                      · scan <Code>{e.scanId.slice(0, 8)}</Code>
                    </Text>
                  </Tooltip>
                ) : null}
              </Group>
              {e.reason ? (
                <Text size="sm" mt={4}>
                  {e.reason}
                </Text>
              ) : null}
              {detail ? (
                <Text size="xs" c="dimmed" mt={2}>
                  {detail}
                </Text>
              ) : null}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {truncated ? (
        <Text size="xs" c="dimmed" mt="sm">
          Only the {events.length} most recent events are shown.
        </Text>
      ) : null}
    </>
  );
}
