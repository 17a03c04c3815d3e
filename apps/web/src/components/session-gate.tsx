import { AppShell, Box, Button, Container, Group, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMe } from '../api/auth.hooks';
import { ApiError } from '../api/client';
import { SessionContext } from '../lib/session';
import { PageSkeleton } from './app-layout';
import { ProblemAlert } from './problem-alert';
import { useSignOutAction } from './user-menu';

/**
 * Renders the app shell only for a signed-in user, and hands it who they are. A 401 has already sent the
 * browser to the sign-in page (api/client.ts), so that case keeps showing the skeleton.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const me = useMe();
  // A failed background refresh keeps the last answer on screen; the page that needs the API says why.
  if (me.data) return <SessionContext value={me.data}>{children}</SessionContext>;
  if (me.isError && !(me.error instanceof ApiError && me.error.status === 401)) {
    return <SessionProblem error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <ShellSkeleton />;
}

/** The shell's outline while the session is checked, so the page does not jump when it appears. */
function ShellSkeleton() {
  return (
    <AppShell navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: true } }} padding="lg">
      <AppShell.Navbar p="sm" aria-hidden>
        <Stack gap="sm" px="xs" pt="xs">
          <Group gap="sm" wrap="nowrap" pb="md">
            <Skeleton height={34} width={34} radius="md" />
            <Skeleton height={14} width={110} />
          </Group>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={28} radius="md" />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--app-main-bg)">
        <Box maw={1480} mx="auto">
          <PageSkeleton />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

/** Signed in, but the console cannot continue: the user belongs to no organization, or the API failed. */
function SessionProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const signOut = useSignOutAction();
  return (
    <Container size="sm" py={80}>
      <Stack>
        <ProblemAlert error={error} onRetry={onRetry} />
        <Group>
          <Button variant="default" onClick={() => signOut.run(false)} loading={signOut.isPending}>
            Sign out
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
