import { Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  TOKEN_SCOPES,
  ZCreateApiToken,
  ZTokenScope,
  type TCreatedApiToken,
  type TTokenScope,
} from '@aispm/contracts';
import { ApiError } from '../api/client';
import { useCreateToken } from '../api/tokens.hooks';
import { ProblemAlert } from '../components/problem-alert';

type Field = 'name' | 'scopes' | 'expiresInDays';
type FieldErrors = Partial<Record<Field, string>>;

/** What each scope lets a script do, in one line. */
export const SCOPE_HELP: Record<TTokenScope, string> = {
  'read:inventory': 'Read cloud accounts, the AI asset inventory and findings.',
  'write:accounts': 'Connect cloud accounts (and read them).',
  'run:scans': 'Start scans of connected cloud accounts.',
  'read:audit': 'Read the audit log.',
};

const DEFAULT_EXPIRY_DAYS = 90;

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0];
  return head === 'name' || head === 'scopes' || head === 'expiresInDays' ? head : null;
}

function collect(errors: { path: string; message: string }[]): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const field = fieldOf(error.path);
    if (field && !result[field]) result[field] = error.message;
  }
  return result;
}

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
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      scopes,
      expiresInDays: typeof expiresInDays === 'number' ? expiresInDays : Number.NaN,
    };
    const required: FieldErrors = {
      ...(body.name ? {} : { name: 'Give the token a name' }),
      ...(body.scopes.length ? {} : { scopes: 'Choose at least one scope' }),
      ...(Number.isInteger(body.expiresInDays) ? {} : { expiresInDays: 'Enter a whole number of days' }),
    };
    // The API validates with the same contract; checking here first saves a round trip for typos.
    const parsed = ZCreateApiToken.safeParse(body);
    const formatErrors = parsed.success
      ? {}
      : collect(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const found = { ...formatErrors, ...required };
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;

    createToken.mutate(parsed.data, {
      onSuccess: (created) => {
        // The secret leaves the mutation's state as soon as the parent has it (see useCreateToken).
        createToken.reset();
        onCreated(created);
      },
      onError: (error) => {
        if (error instanceof ApiError) setErrors(collect(error.problem.errors ?? []));
      },
    });
  };

  const clear = (field: Field) => setErrors(({ [field]: _removed, ...rest }) => rest);

  return (
    <form onSubmit={submit} noValidate aria-label="Create an API token">
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="CI pipeline"
          description="What the token is for, so it can be recognised in the list and the audit log."
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clear('name');
          }}
          error={errors.name}
          withAsterisk
          autoComplete="off"
          maxLength={100}
          data-autofocus
        />

        <Checkbox.Group
          label="Scopes"
          description="A token never does more than your own role allows, and no scope can manage tokens or members."
          value={scopes}
          onChange={(value) => {
            setScopes(value.filter((v): v is TTokenScope => ZTokenScope.safeParse(v).success));
            clear('scopes');
          }}
          error={errors.scopes}
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
          value={expiresInDays}
          onChange={(value) => {
            setExpiresInDays(value);
            clear('expiresInDays');
          }}
          error={errors.expiresInDays}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          withAsterisk
          w={200}
        />

        {createToken.isError ? (
          <ProblemAlert error={createToken.error} shownElsewhere={(path) => fieldOf(path) !== null} />
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
