import { Group, Progress, Text, type MantineColor } from '@mantine/core';

function riskColor(score: number): MantineColor {
  if (score >= 80) return 'red';
  if (score >= 60) return 'orange';
  if (score >= 40) return 'yellow';
  return 'blue';
}

export function RiskScore({ score }: { score: number }) {
  return (
    <Group gap={8} wrap="nowrap" justify="flex-end">
      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {score}
      </Text>
      <Progress value={score} color={riskColor(score)} w={40} size="sm" aria-hidden />
    </Group>
  );
}
