import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ROLES, ZCreateInvitation, ZRole, type TCreatedInvitation, type TRole } from '@aispm/contracts';
import { useCreateInvitation } from '../api/members.hooks';
import { ProblemAlert } from '../components/problem-alert';
import { topLevelFields, useFieldErrors } from '../lib/field-errors';
import { roleLabel } from '../lib/format';

type Field = 'email' | 'role';

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

const fieldOf = topLevelFields<Field>(['email', 'role']);

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
  const fields = useFieldErrors(fieldOf);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateInvitation.safeParse({ email: email.trim(), role });
    if (!parsed.success) {
      fields.setErrors({ email: email.trim() ? 'Enter a valid email address' : 'Enter the email to invite' });
      return;
    }
    fields.setErrors({});
    createInvitation.mutate(parsed.data, {
      onSuccess: (created) => {
        // The link leaves the mutation's state as soon as the parent has it (see useCreateInvitation).
        createInvitation.reset();
        onCreated(created);
      },
      onError: fields.showProblem,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Invite a member">
      <Stack gap="md">
        <TextInput
          label="Email"
          type="email"
          placeholder="name@example.com"
          {...fields.text('email', email, setEmail)}
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
          error={fields.errors.role}
          allowDeselect={false}
          withAsterisk
          comboboxProps={{ withinPortal: true }}
        />
        {createInvitation.isError ? (
          <ProblemAlert error={createInvitation.error} shownElsewhere={fields.shownElsewhere} />
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
