import {
  Anchor,
  Button,
  Collapse,
  FileButton,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAdjustments, IconFileUpload, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { useFieldErrors } from '../lib/field-errors';
import { CLOUD_LOCATIONS } from '../lib/cloud-locations';
import {
  parseServiceAccountKey,
  PROVIDER_TERMS,
  type ConnectDraft,
  type ConnectField,
} from '../lib/connect-account';

type Fields = ReturnType<typeof useFieldErrors<ConnectField>>;
type SetDraft = (update: (draft: ConnectDraft) => ConnectDraft) => void;

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** Name, scope, regions and the provider's credentials; endpoint and CA certificate behind "Advanced". */
export function CredentialsStep({
  draft,
  setDraft,
  fields,
}: {
  draft: ConnectDraft;
  setDraft: SetDraft;
  fields: Fields;
}) {
  const terms = PROVIDER_TERMS[draft.provider];
  const locations = CLOUD_LOCATIONS[draft.provider];
  const locationNames = new Map(locations.map((l) => [l.value, l.name]));
  const set =
    <K extends 'name' | 'scopeIds' | 'endpoint' | 'caCertificate'>(key: K) =>
    (value: ConnectDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const [advanced, setAdvanced] = useState(
    () =>
      draft.endpoint !== '' ||
      draft.caCertificate !== '' ||
      (draft.provider === 'azure' && draft.azure.authorityHost !== ''),
  );
  const advancedError = Boolean(
    fields.errors.endpoint || fields.errors.caCertificate || fields.errors.authorityHost,
  );

  return (
    <Stack gap="md">
      <TextInput
        label="Name"
        placeholder="Production ML"
        description="How the account appears in the console."
        {...fields.text('name', draft.name, set('name'))}
        withAsterisk
        autoComplete="off"
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={terms.scopeLabel}
          placeholder={terms.scopePlaceholder}
          description={terms.scopeHint}
          {...fields.text('scopeIds', draft.scopeIds, set('scopeIds'))}
          withAsterisk
          autoComplete="off"
          spellCheck={false}
          styles={MONO}
        />
        <MultiSelect
          label={terms.regionsLabel}
          description={
            terms.regionsRequired ? 'Where the scan lists resources.' : 'Leave empty to keep every location.'
          }
          placeholder={draft.regions.length ? undefined : terms.regionsRequired ? 'Choose' : 'All locations'}
          data={locations.map((l) => l.value)}
          renderOption={({ option }) => (
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">{option.value}</Text>
              <Text size="xs" c="dimmed">
                {locationNames.get(option.value)}
              </Text>
            </Group>
          )}
          {...fields.value('regions', draft.regions, (regions: string[]) =>
            setDraft((d) => ({ ...d, regions })),
          )}
          withAsterisk={terms.regionsRequired}
          searchable
          hidePickedOptions
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>

      {draft.provider === 'aws' ? (
        <AwsCredentials draft={draft} setDraft={setDraft} fields={fields} />
      ) : draft.provider === 'azure' ? (
        <AzureCredentials draft={draft} setDraft={setDraft} fields={fields} />
      ) : (
        <GcpCredentials draft={draft} setDraft={setDraft} fields={fields} />
      )}

      <Stack gap={6}>
        <Anchor
          component="button"
          type="button"
          size="sm"
          c={advancedError ? 'red' : undefined}
          onClick={() => setAdvanced((open) => !open)}
          aria-expanded={advanced || advancedError}
        >
          <Group gap={4} component="span">
            <IconAdjustments size={14} />
            Custom endpoint and CA certificate
          </Group>
        </Anchor>
        <Collapse expanded={advanced || advancedError}>
          <Stack gap="sm">
            <TextInput
              label="Custom endpoint"
              placeholder="https://"
              description="For a private endpoint, a proxy or the local simulator, e.g. http://127.0.0.1:4510"
              {...fields.text('endpoint', draft.endpoint, set('endpoint'))}
              autoComplete="off"
            />
            {draft.provider === 'azure' ? (
              <TextInput
                label="Authority host"
                placeholder="https://login.microsoftonline.com"
                description="Entra ID sign-in endpoint for a sovereign cloud or a proxy; leave empty for the public cloud."
                {...fields.text('authorityHost', draft.azure.authorityHost, (authorityHost) =>
                  setDraft((d) => ({ ...d, azure: { ...d.azure, authorityHost } })),
                )}
                autoComplete="off"
              />
            ) : null}
            <PemInput
              value={draft.caCertificate}
              error={fields.errors.caCertificate}
              onChange={(caCertificate) => {
                fields.setErrors((e) => ({ ...e, caCertificate: undefined }));
                set('caCertificate')(caCertificate);
              }}
            />
          </Stack>
        </Collapse>
      </Stack>
    </Stack>
  );
}

function AwsCredentials({
  draft,
  setDraft,
  fields,
}: {
  draft: ConnectDraft;
  setDraft: SetDraft;
  fields: Fields;
}) {
  const a = draft.aws;
  const setAws =
    <K extends keyof ConnectDraft['aws']>(key: K) =>
    (value: ConnectDraft['aws'][K]) =>
      setDraft((d) => ({ ...d, aws: { ...d.aws, [key]: value } }));

  return (
    <Fieldset legend="Credentials" variant="filled" p="sm">
      <Stack gap="sm">
        <SegmentedControl
          aria-label="AWS credential type"
          value={a.kind}
          onChange={(kind) =>
            setDraft((d) => ({
              ...d,
              aws: {
                ...d.aws,
                kind: kind === 'assume_role' ? 'assume_role' : 'access_key',
                // The vendor picks the external id (AWS's confused-deputy guidance); the person copies it into the trust policy.
                externalId: d.aws.externalId || `aispm-${crypto.randomUUID()}`,
              },
            }))
          }
          data={[
            { value: 'access_key', label: 'Access key' },
            { value: 'assume_role', label: 'Assume a role' },
          ]}
        />
        {a.kind === 'access_key' ? (
          <>
            <Text size="xs" c="dimmed">
              A key of an IAM user (or temporary credentials) holding only the policy above. The secret is
              encrypted at rest and never shown again; the console only displays its fingerprint.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Access key ID"
                placeholder="AKIA…"
                {...fields.text('accessKeyId', a.accessKeyId, setAws('accessKeyId'))}
                withAsterisk
                autoComplete="off"
                spellCheck={false}
                styles={MONO}
              />
              <PasswordInput
                label="Secret access key"
                {...fields.text('secretAccessKey', a.secretAccessKey, setAws('secretAccessKey'))}
                withAsterisk
                autoComplete="new-password"
              />
            </SimpleGrid>
            <PasswordInput
              label="Session token"
              description="Only for temporary credentials."
              {...fields.text('sessionToken', a.sessionToken, setAws('sessionToken'))}
              autoComplete="new-password"
            />
          </>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              aispm calls sts:AssumeRole with this external ID. Create the role with the policy above and a
              trust policy that requires it (condition sts:ExternalId).
            </Text>
            <TextInput
              label="Role ARN"
              placeholder="arn:aws:iam::123456789012:role/aispm-reader"
              {...fields.text('roleArn', a.roleArn, setAws('roleArn'))}
              withAsterisk
              autoComplete="off"
              spellCheck={false}
              styles={MONO}
            />
            <TextInput
              label="External ID"
              description="Generated for this connection; copy it into the role's trust policy."
              {...fields.text('externalId', a.externalId, setAws('externalId'))}
              withAsterisk
              autoComplete="off"
              spellCheck={false}
              styles={MONO}
            />
            <Text size="xs" c="dimmed">
              Optional: the access key that assumes the role. Without one, the worker uses its own AWS
              identity.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Source access key ID"
                {...fields.text('sourceAccessKeyId', a.sourceAccessKeyId, setAws('sourceAccessKeyId'))}
                autoComplete="off"
                spellCheck={false}
                styles={MONO}
              />
              <PasswordInput
                label="Source secret access key"
                {...fields.text(
                  'sourceSecretAccessKey',
                  a.sourceSecretAccessKey,
                  setAws('sourceSecretAccessKey'),
                )}
                autoComplete="new-password"
              />
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Fieldset>
  );
}

function AzureCredentials({
  draft,
  setDraft,
  fields,
}: {
  draft: ConnectDraft;
  setDraft: SetDraft;
  fields: Fields;
}) {
  const z = draft.azure;
  const setAzure =
    <K extends keyof ConnectDraft['azure']>(key: K) =>
    (value: ConnectDraft['azure'][K]) =>
      setDraft((d) => ({ ...d, azure: { ...d.azure, [key]: value } }));
  return (
    <Fieldset legend="Service principal" variant="filled" p="sm">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          An Entra ID app registration with a client secret, assigned the role above on the subscription. The
          secret is encrypted at rest and never shown again.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Directory (tenant) ID"
            placeholder="00000000-0000-0000-0000-000000000000"
            {...fields.text('tenantId', z.tenantId, setAzure('tenantId'))}
            withAsterisk
            autoComplete="off"
            spellCheck={false}
            styles={MONO}
          />
          <TextInput
            label="Application (client) ID"
            placeholder="00000000-0000-0000-0000-000000000000"
            {...fields.text('clientId', z.clientId, setAzure('clientId'))}
            withAsterisk
            autoComplete="off"
            spellCheck={false}
            styles={MONO}
          />
        </SimpleGrid>
        <PasswordInput
          label="Client secret"
          description="The secret's Value, not its ID."
          {...fields.text('clientSecret', z.clientSecret, setAzure('clientSecret'))}
          withAsterisk
          autoComplete="new-password"
        />
      </Stack>
    </Fieldset>
  );
}

function GcpCredentials({
  draft,
  setDraft,
  fields,
}: {
  draft: ConnectDraft;
  setDraft: SetDraft;
  fields: Fields;
}) {
  const [pasting, setPasting] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const parsed = draft.gcp.keyText.trim() ? parseServiceAccountKey(draft.gcp.keyText) : null;

  const setKeyText = (keyText: string) => {
    fields.setErrors((e) => ({ ...e, key: undefined }));
    const key = keyText.trim() ? parseServiceAccountKey(keyText) : null;
    setDraft((d) => ({
      ...d,
      gcp: { keyText },
      // The key file names its project: a good default for the project to scan.
      scopeIds: d.scopeIds || (key?.ok && key.projectId ? key.projectId : ''),
    }));
  };
  const readFile = (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    void file.text().then(setKeyText);
  };

  return (
    <Fieldset legend="Service account key" variant="filled" p="sm">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          A JSON key of a service account granted the role above on the project. The private key is encrypted
          at rest and never shown again.
        </Text>
        <Group gap="sm">
          <FileButton onChange={readFile} accept="application/json,.json">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />}>
                Upload key file
              </Button>
            )}
          </FileButton>
          <Anchor component="button" type="button" size="sm" onClick={() => setPasting((p) => !p)}>
            {pasting ? 'Hide pasted key' : 'Paste the JSON instead'}
          </Anchor>
        </Group>
        {parsed?.ok && !pasting ? (
          <Paper withBorder p="xs" radius="sm">
            <Group gap="xs" wrap="nowrap">
              <IconKey size={16} />
              <Stack gap={0}>
                <Text size="sm">{parsed.clientEmail ?? 'Service account key'}</Text>
                <Text size="xs" c="dimmed">
                  {fileName ? `${fileName} · ` : ''}
                  {parsed.projectId ? `project ${parsed.projectId}` : 'no project in the key'}
                </Text>
              </Stack>
            </Group>
          </Paper>
        ) : null}
        {pasting ? (
          <Textarea
            label="Service account key (JSON)"
            placeholder='{ "type": "service_account", … }'
            value={draft.gcp.keyText}
            onChange={(event) => setKeyText(event.currentTarget.value)}
            error={fields.errors.key}
            autosize
            minRows={4}
            maxRows={10}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
        ) : fields.errors.key ? (
          <Text size="xs" c="red" role="alert">
            {fields.errors.key}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/** A PEM bundle, pasted or read from a file. */
function PemInput({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Stack gap={4}>
      <Textarea
        label="CA certificate (PEM)"
        description="Trust this CA for the custom endpoint (a private CA or the simulator's certificate)."
        placeholder="-----BEGIN CERTIFICATE-----"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        autosize
        minRows={2}
        maxRows={8}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
      />
      <FileButton
        onChange={(file) => void file?.text().then(onChange)}
        accept=".pem,.crt,.cer,application/x-pem-file"
      >
        {(props) => (
          <Anchor component="button" type="button" size="xs" {...props}>
            Read a .pem file
          </Anchor>
        )}
      </FileButton>
    </Stack>
  );
}
