import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  PasswordInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ZCreateCloudAccount, type TCreateCloudAccount } from '@aispm/contracts';
import { useCreateAccount } from '../api/accounts.hooks';
import { ProblemAlert } from '../components/problem-alert';
import { useFieldErrors, type FieldErrors } from '../lib/field-errors';
import { AWS_REGIONS } from '../lib/format';

type Field = 'provider' | 'name' | 'scopeIds' | 'regions' | 'endpoint' | 'accessKeyId' | 'secretAccessKey';

/**
 * Maps a problem `errors[].path` (the request body path, e.g. `credentials.accessKeyId` or `scopeIds.0`)
 * to the form field that holds it; null when no field does, so the error stays in the alert.
 */
function fieldOf(path: string): Field | null {
  const [head, second] = path.split('.');
  if (head === 'credentials') {
    if (second === 'accessKeyId' || second === 'secretAccessKey') return second;
    return null;
  }
  if (
    head === 'provider' ||
    head === 'name' ||
    head === 'scopeIds' ||
    head === 'regions' ||
    head === 'endpoint'
  ) {
    return head;
  }
  return null;
}

const SCHEDULES = [
  { value: '6', label: 'Every 6 hours' },
  { value: '12', label: 'Every 12 hours' },
  { value: '24', label: 'Every day' },
  { value: '168', label: 'Every week' },
  { value: 'manual', label: 'Only when I start a scan' },
];

const REGION_NAMES = new Map(AWS_REGIONS.map((r) => [r.value, r.name]));

export function ConnectAccountForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const createAccount = useCreateAccount();
  const [name, setName] = useState('');
  const [scopeIds, setScopeIds] = useState('');
  const [regions, setRegions] = useState<string[]>([]);
  const [endpoint, setEndpoint] = useState('');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  const [schedule, setSchedule] = useState('24');
  const fields = useFieldErrors(fieldOf);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: TCreateCloudAccount = {
      provider: 'aws',
      name: name.trim(),
      scopeIds: scopeIds.split(/[\s,]+/).filter(Boolean),
      regions,
      endpoint: endpoint.trim() || undefined,
      credentials: { kind: 'access_key', accessKeyId: accessKeyId.trim(), secretAccessKey },
      scanIntervalHours: schedule === 'manual' ? null : Number(schedule),
    };
    const required: FieldErrors<Field> = {
      ...(body.name ? {} : { name: 'Give the account a name' }),
      ...(body.scopeIds.length ? {} : { scopeIds: 'Enter at least one AWS account id' }),
      ...(body.regions.length ? {} : { regions: 'Choose at least one region' }),
      ...(accessKeyId.trim() ? {} : { accessKeyId: 'Enter the access key id' }),
      ...(secretAccessKey ? {} : { secretAccessKey: 'Enter the secret access key' }),
    };
    const parsed = ZCreateCloudAccount.safeParse(body);
    if (!fields.check(parsed, required)) return;

    createAccount.mutate(parsed.data, {
      onSuccess: (account) => {
        notifications.show({
          color: 'teal',
          title: 'Account connected',
          message: `${account.name} is ready to scan.`,
        });
        onDone();
      },
      onError: fields.showProblem,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Connect a cloud account">
      <Stack gap="md">
        <Radio.Group label="Cloud provider" value="aws" error={fields.errors.provider} withAsterisk>
          <Group mt={6} gap="lg">
            <Radio value="aws" label="AWS" />
            <Radio value="azure" label="Azure (coming soon)" disabled />
            <Radio value="gcp" label="Google Cloud (coming soon)" disabled />
          </Group>
        </Radio.Group>

        <TextInput
          label="Name"
          placeholder="Production ML"
          description="How the account appears in the console."
          {...fields.text('name', name, setName)}
          withAsterisk
          autoComplete="off"
          data-autofocus
        />

        <TextInput
          label="AWS account IDs"
          placeholder="123456789012"
          description="12 digits each; separate several with commas."
          {...fields.text('scopeIds', scopeIds, setScopeIds)}
          withAsterisk
          inputMode="numeric"
          autoComplete="off"
        />

        <MultiSelect
          label="Regions"
          placeholder={regions.length ? undefined : 'Choose the regions to scan'}
          data={AWS_REGIONS.map((r) => r.value)}
          renderOption={({ option }) => (
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">{option.value}</Text>
              <Text size="xs" c="dimmed">
                {REGION_NAMES.get(option.value)}
              </Text>
            </Group>
          )}
          {...fields.value('regions', regions, setRegions)}
          withAsterisk
          searchable
          hidePickedOptions
          comboboxProps={{ withinPortal: true }}
        />

        <TextInput
          label="Custom endpoint"
          placeholder="https://"
          description="Optional: for a private endpoint or the local simulator, e.g. http://127.0.0.1:4510"
          {...fields.text('endpoint', endpoint, setEndpoint)}
          autoComplete="off"
        />

        <Select
          label="Rescan"
          description="Scheduled scans keep the inventory current; you can always scan now."
          data={SCHEDULES}
          value={schedule}
          onChange={(v) => setSchedule(v ?? '24')}
          allowDeselect={false}
        />

        <Fieldset legend="Access key" variant="filled" p="sm">
          <Text size="xs" c="dimmed" mb="sm">
            Use a key with read-only permissions. The secret is encrypted at rest and never shown again; the
            console only displays its fingerprint.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Access key ID"
              placeholder="AKIA…"
              {...fields.text('accessKeyId', accessKeyId, setAccessKeyId)}
              withAsterisk
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <PasswordInput
              label="Secret access key"
              {...fields.text('secretAccessKey', secretAccessKey, setSecretAccessKey)}
              withAsterisk
              autoComplete="new-password"
            />
          </SimpleGrid>
        </Fieldset>

        {/* Next to the submit button, where the analyst is looking when the API answers. */}
        {createAccount.isError ? (
          <ProblemAlert error={createAccount.error} shownElsewhere={fields.shownElsewhere} />
        ) : null}

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={createAccount.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={createAccount.isPending}>
            Connect
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
