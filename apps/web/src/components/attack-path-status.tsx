import { Badge } from '@mantine/core';
import type { TAttackPathStatus } from '@aispm/contracts';

/** The console's page of one attack path. */
export const attackPathHref = (id: string) => `/attack-paths/${encodeURIComponent(id)}`;

export function AttackPathStatusBadge({ status }: { status: TAttackPathStatus }) {
  return status === 'open' ? (
    <Badge color="red" variant="dot">
      Open
    </Badge>
  ) : (
    <Badge color="teal" variant="dot">
      Resolved
    </Badge>
  );
}
