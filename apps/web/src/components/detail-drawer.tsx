import { Drawer, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The right-hand drawer a table row opens; `title` names the item so the dialog has an accessible name. */
export function DetailDrawer({
  opened,
  onClose,
  title,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={
        <Title order={3} component="span" size="h4">
          {title}
        </Title>
      }
    >
      {children}
    </Drawer>
  );
}

/** A headed block inside a detail drawer. */
export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
