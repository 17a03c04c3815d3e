import { Group, Paper, Text, ThemeIcon, type MantineColor } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A headline figure. It is a labelled region so tests and screen readers find it by its label. */
export function StatCard({
  label,
  value,
  hint,
  icon,
  color = 'indigo',
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  icon: ReactNode;
  color?: MantineColor;
}) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} p="md" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text id={id} size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.4 }}>
          {label}
        </Text>
        <ThemeIcon variant="light" color={color} size="md" radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
      <Text fz={30} fw={700} lh={1.2} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}
