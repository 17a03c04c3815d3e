import { Avatar, Badge, Group, Menu, Select, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout, IconLogout2 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { switchOrganization, useSignOut } from '../api/auth.hooks';
import { ApiError } from '../api/client';
import { roleLabel } from '../lib/format';
import { useSession } from '../lib/session';

/** Signs out (this browser, or every session of the user) and returns to the sign-in page. */
export function useSignOutAction() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const run = (everywhere: boolean) =>
    signOut.mutate(
      { everywhere },
      {
        onSuccess: async (ended) => {
          if (everywhere) {
            notifications.show({
              color: 'teal',
              title: 'Signed out everywhere',
              message: `${ended} session${ended === 1 ? '' : 's'} ended, including this one.`,
            });
          }
          await navigate('/login', { replace: true });
          // Nothing the signed-out user could see stays in this tab's memory.
          queryClient.clear();
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'Could not sign out',
            message:
              error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : error.message,
          }),
      },
    );
  return { run, isPending: signOut.isPending };
}

/** The organization the console acts for; switching reloads every page's data for the new one. */
export function OrganizationSelect() {
  const me = useSession();
  const queryClient = useQueryClient();
  const roles = new Map(me.organizations.map((o) => [o.id, o.role]));
  return (
    <Select
      label="Organization"
      description={`Your role: ${roleLabel[me.organization.role]}`}
      data={me.organizations.map((o) => ({ value: o.id, label: o.name }))}
      value={me.organization.id}
      onChange={(id) => {
        if (id && id !== me.organization.id) switchOrganization(queryClient, id);
      }}
      renderOption={({ option }) => {
        const role = roles.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
            <Text size="sm" truncate>
              {option.label}
            </Text>
            {role ? (
              <Badge size="xs" color="gray">
                {roleLabel[role]}
              </Badge>
            ) : null}
          </Group>
        );
      }}
      allowDeselect={false}
      checkIconPosition="right"
      size="xs"
      // Wider than the navbar, so the role badges fit beside long organization names.
      comboboxProps={{ withinPortal: true, width: 280, position: 'top-start' }}
    />
  );
}

/** Who is signed in, with the sign-out actions. */
export function UserMenu() {
  const { user } = useSession();
  const signOut = useSignOutAction();
  return (
    <Menu position="top-start" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={`Account menu for ${user.email}`}
          p={4}
          w="100%"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Group gap="sm" wrap="nowrap">
            <Avatar name={user.name || user.email} color="initials" size={30} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {user.name || user.email}
              </Text>
              <Text size="xs" c="dimmed" truncate title={user.email}>
                {user.email}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.run(false)}>
          Sign out
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout2 size={16} />} color="red" onClick={() => signOut.run(true)}>
          Sign out everywhere
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
