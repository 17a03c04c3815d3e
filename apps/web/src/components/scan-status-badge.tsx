import { Badge, Loader } from '@mantine/core';
import type { TScanStatus } from '@aispm/contracts';
import { isScanActive } from '../api/scans.hooks';
import { scanStatusColor } from '../theme';

const LABEL: Record<TScanStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  evaluating: 'Evaluating',
  completed: 'Completed',
  failed: 'Failed',
};

export function ScanStatusBadge({ status }: { status: TScanStatus }) {
  return (
    <Badge
      color={scanStatusColor[status]}
      leftSection={isScanActive(status) ? <Loader size={10} color={scanStatusColor[status]} /> : undefined}
    >
      {LABEL[status]}
    </Badge>
  );
}
