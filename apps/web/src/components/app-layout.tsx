import {
  ActionIcon,
  AppShell,
  Box,
  Burger,
  Divider,
  Group,
  NavLink,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCloud,
  IconHistory,
  IconKey,
  IconLayoutDashboard,
  IconListCheck,
  IconMoon,
  IconRoute,
  IconServer2,
  IconShieldHalfFilled,
  IconShieldOff,
  IconSun,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import type { TPermission } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useWatchLatestScans } from '../api/scans.hooks';
import { useSession } from '../lib/session';
import { OrganizationSelect, UserMenu } from './user-menu';

interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  /** The permission the page's data needs: without it the link is not offered. */
  permission: TPermission;
}

const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard', icon: IconLayoutDashboard, permission: 'inventory:read' },
  { to: '/inventory', label: 'Inventory', icon: IconServer2, permission: 'inventory:read' },
  { to: '/findings', label: 'Findings', icon: IconAlertTriangle, permission: 'findings:read' },
  { to: '/attack-paths', label: 'Attack paths', icon: IconRoute, permission: 'findings:read' },
  { to: '/compliance', label: 'Compliance', icon: IconListCheck, permission: 'findings:read' },
  { to: '/accounts', label: 'Cloud accounts', icon: IconCloud, permission: 'accounts:read' },
];

const ADMIN_NAV: NavItem[] = [
  { to: '/members', label: 'Members', icon: IconUsers, permission: 'members:read' },
  { to: '/tokens', label: 'API tokens', icon: IconKey, permission: 'tokens:read' },
  { to: '/exceptions', label: 'Exceptions', icon: IconShieldOff, permission: 'accounts:write' },
  { to: '/audit', label: 'Audit log', icon: IconHistory, permission: 'audit:read' },
];

/**
 * Mantine sizes the fixed navbar as `height: calc(100dvh - header)` and animates `height`, so after the viewport
 * grows (window resize, mobile toolbar hiding, a headless screenshot) it lags short of the bottom edge. Pinning
 * both edges makes it follow the viewport at once; `bottom` is not an animated property.
 */
const NAVBAR_FULL_HEIGHT = { height: 'auto', bottom: 'var(--app-shell-footer-offset, 0rem)' } as const;

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const { permissions } = useSession();
  const accounts = useAccounts({ enabled: permissions.includes('accounts:read') });
  useWatchLatestScans(accounts.data);
  const allowed = (items: NavItem[]) => items.filter((item) => permissions.includes(item.permission));
  const adminNav = allowed(ADMIN_NAV);
  const navLink = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={<item.icon size={18} stroke={1.6} />}
      active={item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)}
      onClick={close}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      fw={500}
    />
  );

  return (
    <AppShell
      header={{ height: { base: 52, sm: 0 } }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header hiddenFrom="sm" px="md">
        <Group h="100%" gap="sm">
          <Burger opened={opened} onClick={toggle} size="sm" aria-label="Toggle navigation" />
          <Brand />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation" style={NAVBAR_FULL_HEIGHT}>
        <AppShell.Section visibleFrom="sm" px="xs" pt="xs" pb="md">
          <Brand />
        </AppShell.Section>
        <AppShell.Section grow>
          <Stack gap={2}>{allowed(NAV).map(navLink)}</Stack>
          {adminNav.length > 0 ? (
            <>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={6}>
                Administration
              </Text>
              <Stack gap={2}>{adminNav.map(navLink)}</Stack>
            </>
          ) : null}
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap="sm" px="xs">
            <OrganizationSelect />
            <UserMenu />
          </Stack>
          <Divider mt="sm" />
          <Group justify="space-between" px="xs" pt="sm">
            <ApiStatus />
            <ColorSchemeToggle />
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--app-main-bg)">
        <Box maw={1480} mx="auto">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

export function Brand() {
  return (
    <Group gap="sm" wrap="nowrap" renderRoot={(props) => <Link to="/" {...props} />} c="inherit" td="none">
      <ThemeIcon
        size={34}
        radius="md"
        variant="gradient"
        gradient={{ from: 'indigo', to: 'violet', deg: 135 }}
      >
        <IconShieldHalfFilled size={20} />
      </ThemeIcon>
      <Box>
        <Text fw={750} size="lg" lh={1.1}>
          aispm
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          AI Security Posture
        </Text>
      </Box>
    </Group>
  );
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="md"
        onClick={() => setColorScheme(next)}
        aria-label={`Switch to ${next} theme`}
      >
        {computed === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}

/** A small liveness hint, so an empty page is not mistaken for an empty inventory when the API is down. */
function ApiStatus() {
  const health = useQuery({
    queryKey: ['healthz'],
    queryFn: async ({ signal }) => (await fetch('/healthz', { signal })).ok,
    refetchInterval: 30_000,
    retry: false,
  });
  const up = health.data === true;
  const label = health.isPending ? 'Checking API' : up ? 'API online' : 'API unreachable';
  return (
    <Group gap={6} wrap="nowrap">
      <Box
        w={8}
        h={8}
        style={{ borderRadius: '50%' }}
        bg={health.isPending ? 'gray.5' : up ? 'teal.6' : 'red.6'}
        aria-hidden
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

export function PageSkeleton() {
  return (
    <Stack gap="md" aria-busy aria-label="Loading page">
      <Skeleton height={28} width={240} />
      <Skeleton height={14} width={420} />
      <Skeleton height={320} mt="md" />
    </Stack>
  );
}
