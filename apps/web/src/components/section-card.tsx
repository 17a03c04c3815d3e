import { Card, Group, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled dashboard panel, exposed as a named region. */
export function SectionCard({
  title,
  actions,
  children,
  h,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  h?: string | number;
}) {
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id} radius="md" h={h}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Text id={id} fw={650}>
          {title}
        </Text>
        {actions}
      </Group>
      {children}
    </Card>
  );
}
