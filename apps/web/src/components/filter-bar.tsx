import { Button, Group, Paper } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The filter controls above a table, with a reset button once any filter is set. */
export function FilterBar({
  children,
  filtered,
  resetLabel,
  onReset,
  below,
}: {
  children: ReactNode;
  filtered: boolean;
  resetLabel: string;
  onReset: () => void;
  /** A second line, for filters set from elsewhere (a link from another page). */
  below?: ReactNode;
}) {
  return (
    <Paper p="md" mb="md" radius="md">
      <Group align="flex-end" gap="sm">
        {children}
        {filtered ? (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={onReset}>
            {resetLabel}
          </Button>
        ) : null}
      </Group>
      {below}
    </Paper>
  );
}
