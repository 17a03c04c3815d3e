import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { MAX_SUPPRESSION_DAYS, ZSuppressFindings, ZUnsuppressFindings } from '@aispm/contracts';
import { useSuppressFindings, useUnsuppressFindings } from '../api/findings.hooks';
import { topLevelFields, useFieldErrors, type FieldErrors } from '../lib/field-errors';
import { useSession } from '../lib/session';
import { ProblemAlert } from './problem-alert';

type Field = 'reason' | 'owner' | 'until';
const fieldOf = topLevelFields<Field>(['reason', 'owner', 'until']);

const plural = (n: number) => `${n} finding${n === 1 ? '' : 's'}`;

/** A date input's `YYYY-MM-DD` as the end of that day in the user's time zone, or undefined when empty. */
function endOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const at = new Date(`${date}T23:59:59`);
  return Number.isNaN(at.getTime()) ? 'invalid' : at.toISOString();
}

/** A textarea's props from the form's value binding (its change event carries the text). */
function textarea(bound: { value: string; error: string | undefined; onChange: (next: string) => void }) {
  return {
    value: bound.value,
    error: bound.error,
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => bound.onChange(event.currentTarget.value),
  };
}

function isoDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * Accepting the risk of findings: why, who answers for it, and optionally until when (then they are open again).
 * Resolved findings among them stay resolved.
 */
export function FindingSuppressForm({
  findingIds,
  onDone,
}: {
  findingIds: string[];
  onDone: (changed: number) => void;
}) {
  const suppress = useSuppressFindings();
  const me = useSession();
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState(me.user.email);
  const [until, setUntil] = useState('');
  const fields = useFieldErrors(fieldOf);
  const today = new Date();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { findingIds, reason: reason.trim(), owner: owner.trim(), until: endOfDay(until) };
    const required: FieldErrors<Field> = {
      ...(body.reason ? {} : { reason: 'Say why the risk is accepted' }),
      ...(body.owner ? {} : { owner: 'Name who answers for it' }),
      ...(body.until === 'invalid' ? { until: 'Enter a date' } : {}),
    };
    const parsed = ZSuppressFindings.safeParse(body);
    if (!fields.check(parsed, required)) return;
    suppress.mutate(parsed.data, {
      onSuccess: ({ changed }) => {
        notifications.show({
          color: 'teal',
          title: 'Suppressed',
          message: `${plural(changed)} suppressed.`,
        });
        onDone(changed);
      },
      onError: fields.showProblem,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Suppress findings">
      <Stack gap="md">
        <Text size="sm">
          {plural(findingIds.length)} will no longer count as open. Each keeps its history, and a rescan that
          finds the issue fixed still resolves it.
        </Text>
        <Textarea
          label="Reason"
          description="Why the risk is accepted; shown with the finding and recorded in its history."
          {...textarea(fields.value('reason', reason, setReason))}
          withAsterisk
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
        />
        <TextInput
          label="Owner"
          description="The email of whoever answers for the accepted risk."
          type="email"
          {...fields.text('owner', owner, setOwner)}
          withAsterisk
          autoComplete="off"
        />
        <TextInput
          label="Expires"
          description={`Optional: the findings are open again after this day (at most ${MAX_SUPPRESSION_DAYS} days ahead).`}
          type="date"
          {...fields.text('until', until, setUntil)}
          min={isoDate(new Date(today.getTime() + 86_400_000))}
          max={isoDate(new Date(today.getTime() + MAX_SUPPRESSION_DAYS * 86_400_000))}
          w={220}
        />
        {suppress.isError ? (
          <ProblemAlert error={suppress.error} shownElsewhere={fields.shownElsewhere} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(0)} disabled={suppress.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={suppress.isPending}>
            Suppress {plural(findingIds.length)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Lifting suppressions: the findings are open again until a rescan resolves them. */
export function FindingUnsuppressForm({
  findingIds,
  onDone,
}: {
  findingIds: string[];
  onDone: (changed: number) => void;
}) {
  const unsuppress = useUnsuppressFindings();
  const [reason, setReason] = useState('');
  const fields = useFieldErrors(topLevelFields<'reason'>(['reason']));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZUnsuppressFindings.safeParse({ findingIds, reason: reason.trim() || undefined });
    if (!fields.check(parsed)) return;
    unsuppress.mutate(parsed.data, {
      onSuccess: ({ changed }) => {
        notifications.show({
          color: 'teal',
          title: 'Suppression lifted',
          message: `${plural(changed)} open again.`,
        });
        onDone(changed);
      },
      onError: fields.showProblem,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Unsuppress findings">
      <Stack gap="md">
        <Text size="sm">
          The suppressed findings among the {plural(findingIds.length)} count as open again, until a rescan
          finds them fixed.
        </Text>
        <Textarea
          label="Reason"
          description="Optional; recorded in each finding's history."
          {...textarea(fields.value('reason', reason, setReason))}
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
        />
        {unsuppress.isError ? (
          <ProblemAlert error={unsuppress.error} shownElsewhere={fields.shownElsewhere} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(0)} disabled={unsuppress.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={unsuppress.isPending}>
            Unsuppress
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
