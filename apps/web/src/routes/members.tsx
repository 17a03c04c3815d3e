import { Badge, Button, Group, Modal, Select, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMailForward, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { ZRole, type TCreatedInvitation, type TInvitation, type TMe, type TMember } from '@aispm/contracts';
import {
  useInvitations,
  useMembers,
  useRemoveMember,
  useRevokeInvitation,
  useUpdateMemberRole,
} from '../api/members.hooks';
import { ConfirmAction } from '../components/confirm-action';
import { DataTable, type Column } from '../components/data-table';
import { ItemModal } from '../components/item-modal';
import { PageHeader } from '../components/page-header';
import { SecretOnce, SecretOnceModal } from '../components/secret-once';
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

      <SecretOnceModal
        item={created}
        onClose={() => setCreated(null)}
        title="Invitation created"
        render={(invitation, close) => <CreatedInvitation invitation={invitation} onDone={close} />}
      />

      <ItemModal item={revoking} onClose={() => setRevoking(null)} title="Revoke invitation">
        {(invitation, close) => <RevokeInvitation invitation={invitation} onDone={close} />}
      </ItemModal>

      <ItemModal item={removing} onClose={() => setRemoving(null)} title="Remove member">
        {(member, close) => (
          <RemoveMember member={member} organization={me.organization.name} onDone={close} />
        )}
      </ItemModal>
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
  return (
    <SecretOnce
      warningTitle="Copy the link now"
      warning={`Send it to ${invitation.email} yourself: aispm does not email it, and it will not be shown again. If it is lost, revoke the invitation and create another.`}
      details={[
        { label: 'Email', value: invitation.email },
        { label: 'Role', value: roleLabel[invitation.role] },
        { label: 'Expires', value: formatDateTime(invitation.expiresAt) },
      ]}
      secret={`${window.location.origin}${invitation.acceptUrl}`}
      secretLabel="Invitation link"
      copyLabel="Copy link"
      onDone={onDone}
    />
  );
}

function RevokeInvitation({ invitation, onDone }: { invitation: TInvitation; onDone: () => void }) {
  const revoke = useRevokeInvitation();
  return (
    <ConfirmAction
      mutation={revoke}
      variables={{ id: invitation.id }}
      confirmLabel="Revoke invitation"
      success={{ title: 'Invitation revoked', message: invitation.email }}
      onDone={onDone}
    >
      <Text size="sm">
        The link sent to{' '}
        <Text span inherit fw={600}>
          {invitation.email}
        </Text>{' '}
        stops working. You can invite them again afterwards.
      </Text>
    </ConfirmAction>
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
    <ConfirmAction
      mutation={remove}
      variables={{ userId: member.userId }}
      confirmLabel="Remove member"
      success={{ title: 'Member removed', message: member.email }}
      onDone={onDone}
    >
      <Text size="sm">
        <Text span inherit fw={600}>
          {member.email}
        </Text>{' '}
        ({roleLabel[member.role]}) loses access to {organization} from their next request, and the API tokens
        they created here are revoked. Their account and other organizations stay as they are.
      </Text>
    </ConfirmAction>
  );
}
