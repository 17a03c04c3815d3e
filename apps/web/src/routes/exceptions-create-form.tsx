import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ZCreateFindingException } from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useCreateFindingException } from '../api/exceptions.hooks';
import { useChecks } from '../api/findings.hooks';
import { ProblemAlert } from '../components/problem-alert';
import { topLevelFields, useFieldErrors, type FieldErrors } from '../lib/field-errors';
import { useSession } from '../lib/session';

type Field = 'name' | 'reason' | 'owner' | 'expiresAt' | 'checkId' | 'accountId' | 'tagKey' | 'tagValue';
const fieldOf = topLevelFields<Field>([
  'name',
  'reason',
  'owner',
  'expiresAt',
  'checkId',
  'accountId',
  'tagKey',
  'tagValue',
]);

/** A date input's `YYYY-MM-DD` as the end of that day in the user's time zone. */
function endOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const at = new Date(`${date}T23:59:59`);
  return Number.isNaN(at.getTime()) ? date : at.toISOString();
}

/** A new exception rule: which findings it covers (account and/or asset tag, optionally one check) and why. */
export function CreateExceptionForm({ onDone }: { onDone: () => void }) {
  const create = useCreateFindingException();
  const me = useSession();
  const checks = useChecks();
  const accounts = useAccounts();
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState(me.user.email);
  const [expires, setExpires] = useState('');
  const [checkId, setCheckId] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [tagKey, setTagKey] = useState('');
  const [tagValue, setTagValue] = useState('');
  const fields = useFieldErrors(fieldOf);
  const reasonBinding = fields.value('reason', reason, setReason);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      reason: reason.trim(),
      owner: owner.trim(),
      expiresAt: endOfDay(expires),
      checkId: checkId ?? undefined,
      accountId: accountId ?? undefined,
      tagKey: tagKey.trim() || undefined,
      tagValue: tagValue.trim() || undefined,
    };
    const required: FieldErrors<Field> = {
      ...(body.name ? {} : { name: 'Give the rule a name' }),
      ...(body.reason ? {} : { reason: 'Say why the risk is accepted' }),
      ...(body.owner ? {} : { owner: 'Name who answers for it' }),
    };
    const parsed = ZCreateFindingException.safeParse(body);
    if (!fields.check(parsed, required)) return;
    create.mutate(parsed.data, {
      onSuccess: ({ exception, suppressed }) => {
        notifications.show({
          color: 'teal',
          title: 'Exception rule created',
          message: `${exception.name}: ${suppressed} open finding${suppressed === 1 ? '' : 's'} suppressed.`,
        });
        onDone();
      },
      onError: fields.showProblem,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create an exception rule">
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="Sandbox notebooks may reach the internet"
          {...fields.text('name', name, setName)}
          withAsterisk
          maxLength={100}
          autoComplete="off"
          data-autofocus
        />
        <Text size="sm" fw={600}>
          Findings it covers
        </Text>
        <Text size="xs" c="dimmed" mt={-12}>
          An account, an asset tag, or both; optionally for one check only. Open findings it covers are
          suppressed at once, and later ones as scans find them.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Account"
            placeholder="Any account"
            data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            {...fields.value('accountId', accountId, setAccountId)}
            clearable
            searchable
          />
          <Select
            label="Check"
            placeholder="Every check"
            data={(checks.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            {...fields.value('checkId', checkId, setCheckId)}
            clearable
            searchable
            nothingFoundMessage="No check matches"
          />
          <TextInput
            label="Tag key"
            placeholder="env"
            {...fields.text('tagKey', tagKey, setTagKey)}
            maxLength={128}
            autoComplete="off"
          />
          <TextInput
            label="Tag value"
            placeholder="Any value"
            description="Leave empty to match any value of the tag."
            {...fields.text('tagValue', tagValue, setTagValue)}
            maxLength={256}
            autoComplete="off"
          />
        </SimpleGrid>
        <Textarea
          label="Reason"
          description="Shown with every finding the rule suppresses."
          value={reasonBinding.value}
          error={reasonBinding.error}
          onChange={(event) => reasonBinding.onChange(event.currentTarget.value)}
          withAsterisk
          autosize
          minRows={2}
          maxLength={500}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
            description="Optional: the rule lapses after this day."
            type="date"
            {...fields.text('expiresAt', expires, setExpires)}
          />
        </SimpleGrid>
        {create.isError ? <ProblemAlert error={create.error} shownElsewhere={fields.shownElsewhere} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create rule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
