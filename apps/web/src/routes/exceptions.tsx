import { Badge, Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { TFindingException } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useDeleteFindingException, useFindingExceptions } from '../api/exceptions.hooks';
import { useChecks } from '../api/findings.hooks';
import { ConfirmAction } from '../components/confirm-action';
import { DataTable, type Column } from '../components/data-table';
import { ItemModal } from '../components/item-modal';
import { PageHeader } from '../components/page-header';
import { TimeAgo } from '../components/time-ago';
import { useCan } from '../lib/session';
import { CreateExceptionForm } from './exceptions-create-form';

const COLUMNS: Column[] = [
  { label: 'Name' },
  { label: 'Covers', miw: 240 },
  { label: 'Reason', miw: 220 },
  { label: 'Owner' },
  { label: 'Expires' },
  { label: 'Suppressing', ta: 'right' },
  { label: 'Created' },
];
const ACTIONS_COLUMN: Column = { label: 'Actions' };

const creator = (createdBy: string) => createdBy.replace(/^user:/, '').replace(/^token:/, 'API token ');

/** Exception rules: accepted risk for whole accounts or tagged assets, optionally one check. */
export default function ExceptionsPage() {
  const rules = useFindingExceptions();
  const canWrite = useCan('accounts:write');
  const checks = useChecks();
  const accounts = useAccounts({ enabled: useCan('accounts:read') });
  const [createOpened, create] = useDisclosure(false);
  const [deleting, setDeleting] = useState<TFindingException | null>(null);
  const checkTitle = new Map((checks.data ?? []).map((c) => [c.id, c.title]));
  const accountName = new Map((accounts.data ?? []).map((a) => [a.id, a.name]));

  return (
    <>
      <PageHeader
        title="Exceptions"
        description="Rules that accept a risk for an account or for tagged assets: the findings they cover are suppressed with the rule's reason, owner and expiry, now and at every scan."
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
              Create rule
            </Button>
          ) : null
        }
      />

      <DataTable
        query={rules}
        columns={canWrite ? [...COLUMNS, ACTIONS_COLUMN] : COLUMNS}
        minWidth={1100}
        skeletonRows={3}
        aria-label="Exception rules"
        empty={{
          icon: <IconShieldOff />,
          title: 'No exception rules',
          description:
            'Suppress findings one by one from Findings, or create a rule for a whole account or tag.',
          action: canWrite ? (
            <Button variant="light" size="xs" onClick={create.open}>
              Create a rule
            </Button>
          ) : null,
        }}
        renderRow={(rule) => (
          <Table.Tr key={rule.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {rule.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm">
                  {rule.checkId ? (checkTitle.get(rule.checkId) ?? rule.checkId) : 'Every check'}
                </Text>
                <Group gap={4}>
                  {rule.accountId ? (
                    <Badge color="gray" variant="outline" style={{ textTransform: 'none' }}>
                      account {accountName.get(rule.accountId) ?? rule.accountId.slice(0, 8)}
                    </Badge>
                  ) : null}
                  {rule.tagKey ? (
                    <Badge color="gray" variant="outline" style={{ textTransform: 'none' }}>
                      {rule.tagKey}
                      {rule.tagValue ? ` = ${rule.tagValue}` : ' (any value)'}
                    </Badge>
                  ) : null}
                </Group>
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={3}>
                {rule.reason}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{rule.owner}</Text>
            </Table.Td>
            <Table.Td>
              <TimeAgo iso={rule.expiresAt} fallback="Never" size="sm" />
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {rule.suppressedFindings}
              </Text>
            </Table.Td>
            <Table.Td>
              <TimeAgo iso={rule.createdAt} size="sm" />
              <Text size="xs" c="dimmed">
                by {creator(rule.createdBy)}
              </Text>
            </Table.Td>
            {canWrite ? (
              <Table.Td>
                <Button size="xs" variant="light" color="red" onClick={() => setDeleting(rule)}>
                  Delete
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        )}
      />

      <Modal opened={createOpened} onClose={create.close} title="Create an exception rule" size="lg">
        <CreateExceptionForm onDone={create.close} />
      </Modal>

      <ItemModal item={deleting} onClose={() => setDeleting(null)} title="Delete exception rule">
        {(rule, close) => <DeleteRule rule={rule} onDone={close} />}
      </ItemModal>
    </>
  );
}

function DeleteRule({ rule, onDone }: { rule: TFindingException; onDone: () => void }) {
  const remove = useDeleteFindingException();
  return (
    <ConfirmAction
      mutation={remove}
      variables={{ id: rule.id }}
      confirmLabel="Delete rule"
      success={{ title: 'Exception rule deleted', message: rule.name }}
      onDone={onDone}
    >
      <Text size="sm">
        <Text span inherit fw={600}>
          {rule.name}
        </Text>{' '}
        stops covering findings. The {rule.suppressedFindings} finding
        {rule.suppressedFindings === 1 ? '' : 's'} it suppresses count as open again, until a rescan finds
        them fixed. <Code>{rule.reason}</Code> stays in their history.
      </Text>
    </ConfirmAction>
  );
}
