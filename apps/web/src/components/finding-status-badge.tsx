import { Badge } from '@mantine/core';
import type { TFindingStatus } from '@aispm/contracts';

const STYLE: Record<TFindingStatus, { color: string; label: string }> = {
  open: { color: 'red', label: 'Open' },
  resolved: { color: 'teal', label: 'Resolved' },
  suppressed: { color: 'gray', label: 'Suppressed' },
};

export function FindingStatusBadge({ status }: { status: TFindingStatus }) {
  const { color, label } = STYLE[status];
  return (
    <Badge color={color} variant="dot">
      {label}
    </Badge>
  );
}

export const findingStatusLabel = (status: TFindingStatus) => STYLE[status].label;
