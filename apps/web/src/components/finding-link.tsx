import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The console page of one finding. */
export const findingPath = (id: string) => `/findings/${encodeURIComponent(id)}`;

/** A link to a finding's page. */
export function FindingLink({ id, children, ...props }: { id: string; children: ReactNode } & AnchorProps) {
  return (
    <Anchor component={Link} to={findingPath(id)} {...props}>
      {children}
    </Anchor>
  );
}
