import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCheck,
  IconCopy,
  IconMailForward,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { ZRole, type TCreatedInvitation, type TInvitation, type TMe, type TMember } from '@aispm/contracts';
import {
  useInvitations,
  useMembers,
  useRemoveMember,
  useRevokeInvitation,
  useUpdateMemberRole,
} from '../api/members.hooks';
import { DataTable, type Column } from '../components/data-table';
import { DetailsList } from '../components/details-list';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { TimeAgo } from '../components/time-ago';
import { formatDateTime, roleLabel } from '../lib/format';
import { useCan, useSession } from '../lib/session';
import { roleColor } from '../theme';
import { InviteMemberForm, roleOptions } from './members-invite-form';

const COLUMNS: Column[] = [{ label: 'Email' }, { label: 'Name' }, { label: 'Role' }, { label: 'Joined' }];
const INVITATION_COLUMNS: Column[] = [
  { label: 'Email' },
  { label: 'Role' },
  { label: 'Invited by' },
  { label: 'Sent' },
  { label: 'Expires' },
];
const ACTIONS_COLUMN: Column = { label: 'Actions' };

export default function MembersPage() {
  const members = useMembers();
  const invitations = useInvitations();
  const me = useSession();
  const canWrite = useCan('members:write');
  const [inviteOpened, invite] = useDisclosure(false);
  // The new invitation's link lives only here, until its dialog is closed.
  const [created, setCreated] = useState<TCreatedInvitation | null>(null);
  const [revoking, setRevoking] = useState<TInvitation | null>(null);
  const [removing, setRemoving] = useState<TMember | null>(null);

  return (
    <>
      <PageHeader
        title="Members"
        description={`People with access to ${me.organization.name}, and the role that decides what each may do.`}
        actions={
          canWrite ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={invite.open}>
              Invite member
            </Button>
          ) : null
        }
      />
      <DataTable
        query={members}
        columns={canWrite ? [...COLUMNS, ACTIONS_COLUMN] : COLUMNS}
        minWidth={640}
        skeletonRows={4}
        highlightOnHover={false}
        empty={{
          icon: <IconUsers />,
          title: 'No members',
          description: 'Nobody belongs to this organization yet.',
        }}
        renderRow={(member) => (
          <MemberRow
            key={member.userId}
            member={member}
            me={me}
            canWrite={canWrite}
            onRemove={() => setRemoving(member)}
          />
        )}
      />

      <Title order={3} size="h4" mt="xl" mb="sm">
        Pending invitations
      </Title>
      <DataTable
        query={invitations}
        columns={canWrite ? [...INVITATION_COLUMNS, ACTIONS_COLUMN] : INVITATION_COLUMNS}
        minWidth={760}
        skeletonRows={2}
        highlightOnHover={false}
        aria-label="Pending invitations"
        empty={{
          icon: <IconMailForward />,
          title: 'No pending invitations',
          description: 'Invitations waiting to be accepted are listed here until they are used or expire.',
          action: canWrite ? (
            <Button variant="light" size="xs" onClick={invite.open}>
              Invite someone
            </Button>
          ) : null,
        }}
        renderRow={(invitation) => (
          <Table.Tr key={invitation.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {invitation.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={roleColor[invitation.role]}>{roleLabel[invitation.role]}</Badge>
            </Table.Td>
            <Table.Td>{invitation.invitedBy}</Table.Td>
            <Table.Td>
              <TimeAgo iso={invitation.createdAt} size="sm" />
            </Table.Td>
            <Table.Td>
              <TimeAgo iso={invitation.expiresAt} size="sm" />
            </Table.Td>
            {canWrite ? (
              <Table.Td>
                <Button size="xs" variant="light" color="red" onClick={() => setRevoking(invitation)}>
                  Revoke
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        )}
      />

      <Modal opened={inviteOpened} onClose={invite.close} title="Invite a member">
        <InviteMemberForm
          callerRole={me.organization.role}
          onCreated={(invitation) => {
            invite.close();
            setCreated(invitation);
          }}
          onCancel={invite.close}
        />
      </Modal>

      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title="Invitation created"
        size="lg"
        closeOnClickOutside={false}
      >
        {created ? <CreatedInvitation invitation={created} onDone={() => setCreated(null)} /> : null}
      </Modal>

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke invitation">
        {revoking ? <RevokeInvitation invitation={revoking} onDone={() => setRevoking(null)} /> : null}
      </Modal>

      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove member">
        {removing ? (
          <RemoveMember
            member={removing}
            organization={me.organization.name}
            onDone={() => setRemoving(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}

function MemberRow({
  member,
  me,
  canWrite,
  onRemove,
}: {
  member: TMember;
  me: TMe;
  canWrite: boolean;
  onRemove: () => void;
}) {
  const isSelf = member.userId === me.user.id;
  // Only owners grant or take away the owner role (the API enforces it; this keeps it from being offered).
  const editable = canWrite && !isSelf && (member.role !== 'owner' || me.organization.role === 'owner');
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {member.email}
          </Text>
          {isSelf ? (
            <Badge size="xs" color="indigo">
              You
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        {member.name || (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <RoleSelect member={member} me={me} />
        ) : (
          <Badge color={roleColor[member.role]}>{roleLabel[member.role]}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        <TimeAgo iso={member.joinedAt} size="sm" />
      </Table.Td>
      {canWrite ? (
        <Table.Td>
          {editable ? (
            <Button size="xs" variant="light" color="red" onClick={onRemove}>
              Remove
            </Button>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** Changes the role as soon as another is picked; a refusal (the last owner, say) is shown as the API gave it. */
function RoleSelect({ member, me }: { member: TMember; me: TMe }) {
  const update = useUpdateMemberRole();
  return (
    <Select
      size="xs"
      w={140}
      aria-label={`Role of ${member.email}`}
      data={roleOptions(me.organization.role)}
      value={member.role}
      allowDeselect={false}
      disabled={update.isPending}
      comboboxProps={{ withinPortal: true }}
      onChange={(value) => {
        const role = ZRole.safeParse(value);
        if (!role.success || role.data === member.role) return;
        update.mutate(
          { userId: member.userId, role: role.data },
          {
            onSuccess: (updated) =>
              notifications.show({
                color: 'teal',
                title: 'Role changed',
                message: `${updated.email} is now ${roleLabel[updated.role]}.`,
              }),
            onError: (error) =>
              notifications.show({
                color: 'red',
                title: 'Could not change the role',
                message: error.message,
              }),
          },
        );
      }}
    />
  );
}

function CreatedInvitation({ invitation, onDone }: { invitation: TCreatedInvitation; onDone: () => void }) {
  const link = `${window.location.origin}${invitation.acceptUrl}`;
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Copy the link now">
        Send it to {invitation.email} yourself: aispm does not email it, and it will not be shown again. If it
        is lost, revoke the invitation and create another.
      </Alert>
      <DetailsList
        items={[
          { label: 'Email', value: invitation.email },
          { label: 'Role', value: roleLabel[invitation.role] },
          { label: 'Expires', value: formatDateTime(invitation.expiresAt) },
        ]}
      />
      <Code block aria-label="Invitation link" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {link}
      </Code>
      <Group justify="space-between">
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy link'}
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

function RevokeInvitation({ invitation, onDone }: { invitation: TInvitation; onDone: () => void }) {
  const revoke = useRevokeInvitation();
  return (
    <Stack gap="md">
      <Text size="sm">
        The link sent to{' '}
        <Text span inherit fw={600}>
          {invitation.email}
        </Text>{' '}
        stops working. You can invite them again afterwards.
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
              { id: invitation.id },
              {
                onSuccess: () => {
                  notifications.show({
                    color: 'teal',
                    title: 'Invitation revoked',
                    message: invitation.email,
                  });
                  onDone();
                },
              },
            )
          }
        >
          Revoke invitation
        </Button>
      </Group>
    </Stack>
  );
}

function RemoveMember({
  member,
  organization,
  onDone,
}: {
  member: TMember;
  organization: string;
  onDone: () => void;
}) {
  const remove = useRemoveMember();
  return (
    <Stack gap="md">
      <Text size="sm">
        <Text span inherit fw={600}>
          {member.email}
        </Text>{' '}
        ({roleLabel[member.role]}) loses access to {organization} from their next request, and the API tokens
        they created here are revoked. Their account and other organizations stay as they are.
      </Text>
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={remove.isPending}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(
              { userId: member.userId },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', title: 'Member removed', message: member.email });
                  onDone();
                },
              },
            )
          }
        >
          Remove member
        </Button>
      </Group>
    </Stack>
  );
}
