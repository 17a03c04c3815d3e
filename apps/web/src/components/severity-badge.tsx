import { Badge, type BadgeProps } from '@mantine/core';
import type { TSeverity } from '@aispm/contracts';
import { severityColor } from '../theme';

const LABEL: Record<TSeverity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export function severityLabel(severity: TSeverity): string {
  return LABEL[severity];
}

export function SeverityBadge({ severity, ...props }: { severity: TSeverity } & BadgeProps) {
  return (
    <Badge color={severityColor[severity]} variant={severity === 'critical' ? 'filled' : 'light'} {...props}>
      {LABEL[severity]}
    </Badge>
  );
}
