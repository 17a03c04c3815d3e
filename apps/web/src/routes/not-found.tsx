import { Button, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <EmptyState
      mt={80}
      icon={<IconMapOff />}
      withIndicatorBackground
      title="Page not found"
      description="This address is not part of the console."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go to the dashboard
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
