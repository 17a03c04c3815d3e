import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { AppLayout } from './components/app-layout';
import { RouteError } from './components/route-error';
import { cssVariablesResolver, theme } from './theme';

// Pages are split so the dashboard's chart code is not downloaded by someone who only opens Findings.
const DashboardPage = lazy(() => import('./routes/dashboard'));
const InventoryPage = lazy(() => import('./routes/inventory'));
const FindingsPage = lazy(() => import('./routes/findings'));
const AccountsPage = lazy(() => import('./routes/accounts'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not fix itself; retrying only delays the error the analyst needs to see.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'inventory', element: <InventoryPage /> },
      { path: 'findings', element: <FindingsPage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

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
