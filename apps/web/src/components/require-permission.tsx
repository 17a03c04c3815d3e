import { Button, EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TPermission } from '@aispm/contracts';
import { roleLabel } from '../lib/format';
import { useSession } from '../lib/session';

/**
 * A page whose data needs `permission`. Reached by a bookmark, or after switching to an organization where
 * the user's role is narrower, it says why it is empty instead of showing the API's 403.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: TPermission;
  children: ReactNode;
}) {
  const me = useSession();
  if (me.permissions.includes(permission)) return children;
  return (
    <EmptyState
      mt={80}
      icon={<IconLock />}
      withIndicatorBackground
      title="You do not have access to this page"
      description={`Your role in ${me.organization.name} (${roleLabel[me.organization.role]}) does not include ${permission}.`}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go to the dashboard
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
