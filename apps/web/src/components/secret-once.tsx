import { Alert, Button, Code, CopyButton, Group, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { DetailsList } from './details-list';
import { ItemModal } from './item-modal';

/**
 * A dialog showing a secret the API returns only once (an API token, an invitation link). A click beside it
 * does not close it, so the secret is not lost by accident; `render` builds the body from the created item.
 */
export function SecretOnceModal<T>({
  item,
  title,
  onClose,
  render,
}: {
  item: T | null;
  title: string;
  onClose: () => void;
  render: (item: T, close: () => void) => ReactNode;
}) {
  return (
    <ItemModal item={item} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      {render}
    </ItemModal>
  );
}

/** The body of a `SecretOnceModal`: the warning, what was created, the secret itself and a copy button. */
export function SecretOnce({
  warningTitle,
  warning,
  details,
  secret,
  secretLabel,
  copyLabel,
  onDone,
  children,
}: {
  warningTitle: string;
  warning: ReactNode;
  details: { label: string; value: ReactNode }[];
  secret: string;
  /** The accessible name of the secret's block. */
  secretLabel: string;
  copyLabel: string;
  onDone: () => void;
  /** Shown between the details and the secret: how to use it. */
  children?: ReactNode;
}) {
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title={warningTitle}>
        {warning}
      </Alert>
      <DetailsList items={details} />
      {children}
      <Code block aria-label={secretLabel} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {secret}
      </Code>
      <Group justify="space-between">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copied' : copyLabel}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
