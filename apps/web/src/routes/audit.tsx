import { Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { TAuditEvent } from '@aispm/contracts';
import { useAuditEvents } from '../api/audit.hooks';
import { CopyValue } from '../components/copy-value';
import { NOWRAP, PagedTable, rowOpenProps, type Column } from '../components/data-table';
import { DetailDrawer, DetailSection } from '../components/detail-drawer';
import { DetailsList } from '../components/details-list';
import { JsonView } from '../components/json-view';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../lib/format';

const COLUMNS: Column[] = [
  { label: 'Time' },
  { label: 'Actor' },
  { label: 'Action' },
  { label: 'Target' },
  { label: 'IP' },
  { label: 'Request id' },
];

/** Who acted: their email when the API recorded one, else their id, else the kind of actor (system). */
function actorOf(event: TAuditEvent): string {
  return event.actor ?? event.actorId ?? event.actorType;
}

/** A name the action recorded for its target (a token's or account's name), if any. */
function targetName(event: TAuditEvent): string | null {
  const name = event.metadata.name;
  return typeof name === 'string' && name ? name : null;
}

export default function AuditPage() {
  const events = useAuditEvents();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = events.data?.find((e) => e.id === selectedId);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every state-changing action in this organization, newest first. Open an entry for its details."
      />

      <PagedTable
        query={events}
        columns={COLUMNS}
        minWidth={1000}
        noun={{ one: 'event', other: 'events' }}
        empty={{
          icon: <IconHistory />,
          title: 'No audit events yet',
          description: 'Connecting accounts, starting scans and managing API tokens are recorded here.',
        }}
        renderRow={(event) => (
          <AuditRow key={event.id} event={event} onOpen={() => setSelectedId(event.id)} />
        )}
      />

      <DetailDrawer
        opened={selected !== undefined}
        onClose={() => setSelectedId(null)}
        title={selected?.action ?? 'Audit event'}
      >
        {selected ? <AuditDetails event={selected} /> : null}
      </DetailDrawer>
    </>
  );
}

function AuditRow({ event, onOpen }: { event: TAuditEvent; onOpen: () => void }) {
  const name = targetName(event);
  return (
    <Table.Tr {...rowOpenProps(onOpen)}>
      <Table.Td style={NOWRAP}>
        <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{actorOf(event)}</Text>
        {event.actorType !== 'user' ? (
          <Text size="xs" c="dimmed">
            {event.actorType}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Code>{event.action}</Code>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{name ?? event.targetType}</Text>
        <Text size="xs" c="dimmed" ff="monospace" style={NOWRAP}>
          {name ? `${event.targetType} ` : ''}
          {event.targetId ?? ''}
        </Text>
      </Table.Td>
      <Table.Td style={NOWRAP}>{event.ip ?? <Dash />}</Table.Td>
      <Table.Td>
        {event.requestId ? (
          <Text size="xs" ff="monospace" truncate="end" maw={200}>
            {event.requestId}
          </Text>
        ) : (
          <Dash />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AuditDetails({ event }: { event: TAuditEvent }) {
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge color="indigo">{event.action}</Badge>
        <Badge color="gray">{event.actorType}</Badge>
      </Group>
      <DetailsList
        items={[
          { label: 'Time', value: formatDateTime(event.createdAt) },
          { label: 'Actor', value: actorOf(event) },
          ...(event.actorId
            ? [{ label: 'Actor id', value: <CopyValue value={event.actorId} label="actor id" /> }]
            : []),
          { label: 'Target type', value: event.targetType },
          ...(event.targetId
            ? [{ label: 'Target id', value: <CopyValue value={event.targetId} label="target id" /> }]
            : []),
          { label: 'IP address', value: event.ip ?? '—' },
          { label: 'User agent', value: event.userAgent ?? '—' },
          ...(event.requestId
            ? [{ label: 'Request id', value: <CopyValue value={event.requestId} label="request id" /> }]
            : []),
        ]}
      />
      <DetailSection title="Details">
        <JsonView value={event.metadata} label="event details" />
      </DetailSection>
    </Stack>
  );
}

function Dash() {
  return (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
}
