import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

/**
 * The body of a dialog that asks before a destructive action: what will happen (`children`), Cancel, and a red
 * `confirmLabel` button that runs `mutation`. On success it says so in a notification and calls `onDone`; a
 * refusal stays in the dialog as the API described it.
 */
export function ConfirmAction<TVariables>({
  mutation,
  variables,
  confirmLabel,
  success,
  onDone,
  children,
}: {
  mutation: UseMutationResult<unknown, Error, TVariables>;
  variables: TVariables;
  confirmLabel: string;
  success: { title: string; message: string };
  onDone: () => void;
  children: ReactNode;
}) {
  return (
    <Stack gap="md">
      {children}
      {mutation.isError ? <ProblemAlert error={mutation.error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={mutation.isPending}
          onClick={() =>
            mutation.mutate(variables, {
              onSuccess: () => {
                notifications.show({ color: 'teal', ...success });
                onDone();
              },
            })
          }
        >
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
