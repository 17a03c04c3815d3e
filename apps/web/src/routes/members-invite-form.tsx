import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ROLES, ZCreateInvitation, ZRole, type TCreatedInvitation, type TRole } from '@aispm/contracts';
import { ApiError } from '../api/client';
import { useCreateInvitation } from '../api/members.hooks';
import { ProblemAlert } from '../components/problem-alert';
import { roleLabel } from '../lib/format';

type Field = 'email' | 'role';
type FieldErrors = Partial<Record<Field, string>>;

/** What each role may do, in one line (the README's permission table, summarised). */
export const ROLE_HELP: Record<TRole, string> = {
  owner: 'Everything, including making and removing other owners.',
  admin: 'Everything except the owner role: accounts, members, tokens, audit log.',
  analyst: 'Reads inventory, findings and members, runs scans and manages API tokens.',
  viewer: 'Reads inventory, findings and cloud accounts.',
  auditor: 'Reads everything, including members, API tokens and the audit log; changes nothing.',
};

/** The roles `callerRole` may hand out: only owners make owners. */
export function roleOptions(callerRole: TRole) {
  return ROLES.map((role) => ({
    value: role,
    label: roleLabel[role],
    disabled: role === 'owner' && callerRole !== 'owner',
  }));
}

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0];
  return head === 'email' || head === 'role' ? head : null;
}

export function InviteMemberForm({
  callerRole,
  onCreated,
  onCancel,
}: {
  callerRole: TRole;
  onCreated: (invitation: TCreatedInvitation) => void;
  onCancel: () => void;
}) {
  const createInvitation = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TRole>('viewer');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateInvitation.safeParse({ email: email.trim(), role });
    if (!parsed.success) {
      setErrors({ email: email.trim() ? 'Enter a valid email address' : 'Enter the email to invite' });
      return;
    }
    setErrors({});
    createInvitation.mutate(parsed.data, {
      onSuccess: (created) => {
        // The link leaves the mutation's state as soon as the parent has it (see useCreateInvitation).
        createInvitation.reset();
        onCreated(created);
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        const found: FieldErrors = {};
        for (const e of error.problem.errors ?? []) {
          const field = fieldOf(e.path);
          if (field && !found[field]) found[field] = e.message;
        }
        setErrors(found);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Invite a member">
      <Stack gap="md">
        <TextInput
          label="Email"
          type="email"
          placeholder="name@example.com"
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            setErrors(({ email: _removed, ...rest }) => rest);
          }}
          error={errors.email}
          withAsterisk
          autoComplete="off"
          maxLength={320}
          data-autofocus
        />
        <Select
          label="Role"
          description={ROLE_HELP[role]}
          data={roleOptions(callerRole)}
          value={role}
          onChange={(value) => {
            const parsed = ZRole.safeParse(value);
            if (parsed.success) setRole(parsed.data);
          }}
          error={errors.role}
          allowDeselect={false}
          withAsterisk
          comboboxProps={{ withinPortal: true }}
        />
        {createInvitation.isError ? (
          <ProblemAlert error={createInvitation.error} shownElsewhere={(path) => fieldOf(path) !== null} />
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={createInvitation.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={createInvitation.isPending}>
            Create invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
