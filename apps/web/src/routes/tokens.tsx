import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TApiToken, TCreatedApiToken } from '@aispm/contracts';
import { useRevokeToken, useTokens } from '../api/tokens.hooks';
import { DataTable, NOWRAP, type Column } from '../components/data-table';
import { DetailsList } from '../components/details-list';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { TimeAgo } from '../components/time-ago';
import { formatDateTime } from '../lib/format';
import { useCan } from '../lib/session';
import { CreateTokenForm, SCOPE_HELP } from './tokens-create-form';

const COLUMNS: Column[] = [
  { label: 'Name' },
  { label: 'Prefix' },
  { label: 'Scopes' },
  { label: 'Created by' },
  { label: 'Created' },
  { label: 'Expires' },
  { label: 'Last used' },
  { label: 'Status' },
];
const ACTIONS_COLUMN: Column = { label: 'Actions' };

type TokenStatus = 'active' | 'revoked' | 'expired';

const STATUS: Record<TokenStatus, { color: string; label: string }> = {
  active: { color: 'teal', label: 'Active' },
  revoked: { color: 'red', label: 'Revoked' },
  expired: { color: 'gray', label: 'Expired' },
};

function tokenStatus(token: TApiToken): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= Date.now() ? 'expired' : 'active';
}

export default function TokensPage() {
  const tokens = useTokens();
  const canWrite = useCan('tokens:write');
  const [createOpened, create] = useDisclosure(false);
  // The new token's secret lives only here, until its dialog is closed.
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<TApiToken | null>(null);

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Scoped, expiring tokens for scripts and CI. aispm keeps only a hash: a token is shown once, when it is created."
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
              Create token
            </Button>
          ) : null
        }
      />

      <DataTable
        query={tokens}
        columns={canWrite ? [...COLUMNS, ACTIONS_COLUMN] : COLUMNS}
        minWidth={1100}
        skeletonRows={3}
        highlightOnHover={false}
        empty={{
          icon: <IconKey />,
          title: 'No API tokens',
          description: 'Create a token to call the API from a script or a CI pipeline.',
          action: canWrite ? (
            <Button variant="light" size="xs" onClick={create.open}>
              Create your first token
            </Button>
          ) : null,
        }}
        renderRow={(token) => (
          <TokenRow key={token.id} token={token} onRevoke={canWrite ? () => setRevoking(token) : undefined} />
        )}
      />

      <Modal opened={createOpened} onClose={create.close} title="Create an API token" size="lg">
        <CreateTokenForm
          onCreated={(token) => {
            create.close();
            setCreated(token);
          }}
          onCancel={create.close}
        />
      </Modal>

      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title="API token created"
        size="lg"
        closeOnClickOutside={false}
      >
        {created ? <CreatedToken token={created} onDone={() => setCreated(null)} /> : null}
      </Modal>

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke API token">
        {revoking ? <RevokeToken token={revoking} onDone={() => setRevoking(null)} /> : null}
      </Modal>
    </>
  );
}

function TokenRow({ token, onRevoke }: { token: TApiToken; onRevoke: (() => void) | undefined }) {
  const status = tokenStatus(token);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {token.name}
        </Text>
      </Table.Td>
      <Table.Td style={NOWRAP}>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      <Table.Td maw={260}>
        <Group gap={4}>
          {token.scopes.map((scope) => (
            <Tooltip key={scope} label={SCOPE_HELP[scope]}>
              <Badge color="gray" variant="outline" size="sm">
                {scope}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{token.createdBy}</Table.Td>
      <Table.Td>
        <TimeAgo iso={token.createdAt} size="sm" />
      </Table.Td>
      <Table.Td>
        <TimeAgo iso={token.expiresAt} size="sm" />
      </Table.Td>
      <Table.Td>
        <TimeAgo iso={token.lastUsedAt} fallback="Never" size="sm" />
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS[status].color} variant="dot">
          {STATUS[status].label}
        </Badge>
      </Table.Td>
      {onRevoke ? (
        <Table.Td>
          {status === 'active' ? (
            <Button size="xs" variant="light" color="red" onClick={onRevoke}>
              Revoke
            </Button>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

function CreatedToken({ token, onDone }: { token: TCreatedApiToken; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Copy the token now">
        It will not be shown again: aispm stores only a hash of it. If it is lost, revoke it and create
        another.
      </Alert>
      <DetailsList
        items={[
          { label: 'Name', value: token.name },
          { label: 'Scopes', value: token.scopes.join(', ') },
          { label: 'Expires', value: formatDateTime(token.expiresAt) },
        ]}
      />
      <Text size="sm">
        Send it in the <Code>Authorization: Bearer …</Code> header.
      </Text>
      <Code block aria-label="API token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {token.token}
      </Code>
      <Group justify="space-between">
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy token'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

function RevokeToken({ token, onDone }: { token: TApiToken; onDone: () => void }) {
  const revoke = useRevokeToken();
  return (
    <Stack gap="md">
      <Text size="sm">
        Anything using{' '}
        <Text span inherit fw={600}>
          {token.name}
        </Text>{' '}
        (<Code>{token.prefix}…</Code>) is refused from now on. This cannot be undone.
      </Text>
      {revoke.isError ? <ProblemAlert error={revoke.error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={revoke.isPending}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={revoke.isPending}
          onClick={() =>
            revoke.mutate(
              { id: token.id },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', title: 'Token revoked', message: token.name });
                  onDone();
                },
              },
            )
          }
        >
          Revoke token
        </Button>
      </Group>
    </Stack>
  );
}
