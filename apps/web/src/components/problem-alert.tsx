import { Alert, Button, Code, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError } from '../api/client';

/**
 * Shows an API failure as the API described it (problem+json `title`, `detail`, `errors`).
 * `shownElsewhere` lets a form leave out the `errors` it already shows next to its fields; `title` replaces
 * the problem's generic title where the context says more ("Could not sign in" rather than "Unauthorized").
 */
export function ProblemAlert({
  error,
  onRetry,
  shownElsewhere,
  title: titleOverride,
}: {
  error: unknown;
  onRetry?: () => void;
  shownElsewhere?: (path: string) => boolean;
  title?: string;
}) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const title = titleOverride ?? problem?.title ?? 'Something went wrong';
  const detail = problem ? problem.detail : error instanceof Error ? error.message : String(error);
  const fieldErrors = (problem?.errors ?? []).filter((e) => !shownElsewhere?.(e.path));

  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle />} title={title} role="alert">
      {detail ? <Text size="sm">{detail}</Text> : null}
      {fieldErrors.length > 0 ? (
        <List size="sm" mt="xs" spacing={2}>
          {fieldErrors.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>
              {e.path ? <Code>{e.path}</Code> : null} {e.message}
            </List.Item>
          ))}
        </List>
      ) : null}
      {problem && (problem.status > 0 || problem.requestId) ? (
        <Text size="xs" c="dimmed" mt="xs">
          {problem.status > 0 ? `HTTP ${problem.status}` : null}
          {problem.requestId ? ` · request ${problem.requestId}` : null}
        </Text>
      ) : null}
      {onRetry ? (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </Alert>
  );
}
