import { Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  TOKEN_SCOPES,
  ZCreateApiToken,
  ZTokenScope,
  type TCreatedApiToken,
  type TTokenScope,
} from '@aispm/contracts';
import { useCreateToken } from '../api/tokens.hooks';
import { ProblemAlert } from '../components/problem-alert';
import { topLevelFields, useFieldErrors, type FieldErrors } from '../lib/field-errors';

type Field = 'name' | 'scopes' | 'expiresInDays';

/** What each scope lets a script do, in one line. */
export const SCOPE_HELP: Record<TTokenScope, string> = {
  'read:inventory': 'Read cloud accounts, the AI asset inventory and findings.',
  'write:accounts': 'Connect cloud accounts (and read them).',
  'write:findings': 'Suppress and unsuppress findings (and read them).',
  'run:scans': 'Start scans of connected cloud accounts.',
  'read:audit': 'Read the audit log.',
};

const DEFAULT_EXPIRY_DAYS = 90;

const fieldOf = topLevelFields<Field>(['name', 'scopes', 'expiresInDays']);

export function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (token: TCreatedApiToken) => void;
  onCancel: () => void;
}) {
  const createToken = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TTokenScope[]>([]);
  const [expiresInDays, setExpiresInDays] = useState<number | string>(DEFAULT_EXPIRY_DAYS);
  const fields = useFieldErrors(fieldOf);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      scopes,
      expiresInDays: typeof expiresInDays === 'number' ? expiresInDays : Number.NaN,
    };
    const required: FieldErrors<Field> = {
      ...(body.name ? {} : { name: 'Give the token a name' }),
      ...(body.scopes.length ? {} : { scopes: 'Choose at least one scope' }),
      ...(Number.isInteger(body.expiresInDays) ? {} : { expiresInDays: 'Enter a whole number of days' }),
    };
    const parsed = ZCreateApiToken.safeParse(body);
    if (!fields.check(parsed, required)) return;

    createToken.mutate(parsed.data, {
      onSuccess: (created) => {
        // The secret leaves the mutation's state as soon as the parent has it (see useCreateToken).
        createToken.reset();
        onCreated(created);
      },
      onError: fields.showProblem,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create an API token">
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="CI pipeline"
          description="What the token is for, so it can be recognised in the list and the audit log."
          {...fields.text('name', name, setName)}
          withAsterisk
          autoComplete="off"
          maxLength={100}
          data-autofocus
        />

        <Checkbox.Group
          label="Scopes"
          description="A token never does more than your own role allows, and no scope can manage tokens or members."
          {...fields.value<string[]>('scopes', scopes, (value) =>
            setScopes(value.filter((v): v is TTokenScope => ZTokenScope.safeParse(v).success)),
          )}
          withAsterisk
        >
          <Stack gap="sm" mt="xs">
            {ZTokenScope.options.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={
                  <Text span size="sm" ff="monospace">
                    {scope}
                  </Text>
                }
                description={`${SCOPE_HELP[scope]} Grants ${TOKEN_SCOPES[scope].join(', ')}.`}
              />
            ))}
          </Stack>
        </Checkbox.Group>

        <NumberInput
          label="Expires in (days)"
          description="Between 1 and 365 days."
          {...fields.value('expiresInDays', expiresInDays, setExpiresInDays)}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          withAsterisk
          w={200}
        />

        {createToken.isError ? (
          <ProblemAlert error={createToken.error} shownElsewhere={fields.shownElsewhere} />
        ) : null}

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={createToken.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={createToken.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
