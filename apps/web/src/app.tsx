import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { TPermission } from '@aispm/contracts';
import { ApiError, configureApiClient } from './api/client';
import { queryKeys } from './api/query-keys';
import { AppLayout } from './components/app-layout';
import { RequirePermission } from './components/require-permission';
import { RouteError } from './components/route-error';
import { SessionGate } from './components/session-gate';
import AcceptInvitationPage from './routes/accept-invitation';
import LoginPage from './routes/login';
import { cssVariablesResolver, theme } from './theme';

// Pages are split so the dashboard's chart code is not downloaded by someone who only opens Findings.
const DashboardPage = lazy(() => import('./routes/dashboard'));
const InventoryPage = lazy(() => import('./routes/inventory'));
const AssetPage = lazy(() => import('./routes/asset'));
const FindingsPage = lazy(() => import('./routes/findings'));
const FindingPage = lazy(() => import('./routes/finding'));
const ExceptionsPage = lazy(() => import('./routes/exceptions'));
const AttackPathsPage = lazy(() => import('./routes/attack-paths'));
const AttackPathPage = lazy(() => import('./routes/attack-path'));
const CompliancePage = lazy(() => import('./routes/compliance'));
const ComplianceFrameworkPage = lazy(() => import('./routes/compliance-framework'));
const AccountsPage = lazy(() => import('./routes/accounts'));
const MembersPage = lazy(() => import('./routes/members'));
const TokensPage = lazy(() => import('./routes/tokens'));
const AuditPage = lazy(() => import('./routes/audit'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not fix itself; retrying only delays the error the analyst needs to see.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
  mutationCache: new MutationCache({
    // Every state-changing request the console makes is audited, so a loaded audit log is now out of date.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.auditEvents }),
  }),
});

function page(permission: TPermission, element: ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage />, errorElement: <RouteError /> },
  {
    element: (
      <SessionGate>
        <AppLayout />
      </SessionGate>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: page('inventory:read', <DashboardPage />) },
      { path: 'inventory', element: page('inventory:read', <InventoryPage />) },
      { path: 'inventory/:assetId', element: page('inventory:read', <AssetPage />) },
      { path: 'findings', element: page('findings:read', <FindingsPage />) },
      { path: 'findings/:findingId', element: page('findings:read', <FindingPage />) },
      { path: 'exceptions', element: page('findings:read', <ExceptionsPage />) },
      { path: 'attack-paths', element: page('findings:read', <AttackPathsPage />) },
      { path: 'attack-paths/:pathId', element: page('findings:read', <AttackPathPage />) },
      { path: 'compliance', element: page('findings:read', <CompliancePage />) },
      { path: 'compliance/:key', element: page('findings:read', <ComplianceFrameworkPage />) },
      { path: 'accounts', element: page('accounts:read', <AccountsPage />) },
      { path: 'members', element: page('members:read', <MembersPage />) },
      { path: 'tokens', element: page('tokens:read', <TokensPage />) },
      { path: 'audit', element: page('audit:read', <AuditPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

configureApiClient({
  // The session is missing or ended: sign in again, then come back to this page.
  onUnauthorized: () => {
    const { pathname, search, hash } = window.location;
    if (pathname === '/login') return;
    void router.navigate(`/login?next=${encodeURIComponent(`${pathname}${search}${hash}`)}`, {
      replace: true,
    });
  },
  // The user's role or memberships may have changed since `me` was loaded: ask again, so the navigation and
  // buttons match what the API now allows (and a lost organization is forgotten, see useMe).
  onForbidden: (route) => {
    if (route !== 'me') void queryClient.invalidateQueries({ queryKey: queryKeys.meAll });
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
