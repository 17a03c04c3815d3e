import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last-resort screen for a render error, so the analyst sees a message and a way back instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Container size="sm" py={80}>
      <Stack align="flex-start">
        <Title order={2}>The console hit an unexpected error</Title>
        <Text c="dimmed">{message}</Text>
        <Button component="a" href="/">
          Back to the dashboard
        </Button>
      </Stack>
    </Container>
  );
}
