import { Badge, Button, Code, Group, Modal, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TApiToken, TCreatedApiToken } from '@aispm/contracts';
import { useRevokeToken, useTokens } from '../api/tokens.hooks';
import { ConfirmAction } from '../components/confirm-action';
import { DataTable, NOWRAP, type Column } from '../components/data-table';
import { ItemModal } from '../components/item-modal';
import { PageHeader } from '../components/page-header';
import { SecretOnce, SecretOnceModal } from '../components/secret-once';
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

      <SecretOnceModal
        item={created}
        onClose={() => setCreated(null)}
        title="API token created"
        render={(token, close) => <CreatedToken token={token} onDone={close} />}
      />

      <ItemModal item={revoking} onClose={() => setRevoking(null)} title="Revoke API token">
        {(token, close) => <RevokeToken token={token} onDone={close} />}
      </ItemModal>
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
    <SecretOnce
      warningTitle="Copy the token now"
      warning="It will not be shown again: aispm stores only a hash of it. If it is lost, revoke it and create another."
      details={[
        { label: 'Name', value: token.name },
        { label: 'Scopes', value: token.scopes.join(', ') },
        { label: 'Expires', value: formatDateTime(token.expiresAt) },
      ]}
      secret={token.token}
      secretLabel="API token"
      copyLabel="Copy token"
      onDone={onDone}
    >
      <Text size="sm">
        Send it in the <Code>Authorization: Bearer …</Code> header.
      </Text>
    </SecretOnce>
  );
}

function RevokeToken({ token, onDone }: { token: TApiToken; onDone: () => void }) {
  const revoke = useRevokeToken();
  return (
    <ConfirmAction
      mutation={revoke}
      variables={{ id: token.id }}
      confirmLabel="Revoke token"
      success={{ title: 'Token revoked', message: token.name }}
      onDone={onDone}
    >
      <Text size="sm">
        Anything using{' '}
        <Text span inherit fw={600}>
          {token.name}
        </Text>{' '}
        (<Code>{token.prefix}…</Code>) is refused from now on. This cannot be undone.
      </Text>
    </ConfirmAction>
  );
}
