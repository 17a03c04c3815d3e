import { Alert, Button, Group, Radio, Select, SimpleGrid, Stack, Stepper, Text } from '@mantine/core';
import { IconCircleCheck, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ZCreateCloudAccount, ZProvider, type TCloudAccount, type TProvider } from '@aispm/contracts';
import { useAccountSetup, useCreateAccount } from '../api/accounts.hooks';
import { ApiError } from '../api/client';
import { isScanActive, useScan, useStartScan } from '../api/scans.hooks';
import { ProblemAlert } from '../components/problem-alert';
import { ScanProgress } from '../components/scan-progress';
import {
  buildCreateAccountBody,
  connectFieldOf,
  CREDENTIAL_STEP_FIELDS,
  emptyDraft,
  SCHEDULES,
  type ConnectDraft,
} from '../lib/connect-account';
import { useFieldErrors } from '../lib/field-errors';
import { providerLabel } from '../lib/format';
import { useCan } from '../lib/session';
import { CredentialsStep } from './accounts-credentials-step';
import { isUnavailable, PolicyStep } from './accounts-policy-step';

const PROVIDER_SERVICES: Record<TProvider, string> = {
  aws: 'SageMaker, Bedrock, and the IAM roles, S3 buckets and KMS keys they use',
  azure: 'Azure Machine Learning, Azure OpenAI and AI services, and their storage accounts',
  gcp: 'Vertex AI, Workbench notebooks, and the Cloud Storage buckets they use',
};

const STEP = { provider: 0, policy: 1, credentials: 2, schedule: 3, connected: 4 } as const;

/**
 * Connecting a cloud account, one decision at a time: the provider, the read-only grant to create there, the
 * credentials, how often to rescan, then the connection test (run by the API before it stores anything) and a
 * first scan whose progress is shown live.
 */
export function ConnectAccountWizard({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<number>(STEP.provider);
  const [draft, setDraftState] = useState<ConnectDraft>(() => emptyDraft('aws'));
  const fields = useFieldErrors(connectFieldOf);
  const createAccount = useCreateAccount();
  const connected = createAccount.data;
  // The same query the policy step shows: a provider this version cannot scan goes no further.
  const setup = useAccountSetup(draft.provider);
  const unavailable = isUnavailable(setup.error);

  const setDraft = (update: (draft: ConnectDraft) => ConnectDraft) => {
    setDraftState(update);
    // A failed connection test is about what was sent; once anything changes it no longer describes the form.
    if (createAccount.isError) createAccount.reset();
  };

  const validate = () => {
    const { body, required } = buildCreateAccountBody(draft);
    const parsed = ZCreateCloudAccount.safeParse(body);
    return fields.check(parsed, required) ? parsed.data : null;
  };

  const connect = () => {
    const body = validate();
    if (!body) {
      setStep(STEP.credentials);
      return;
    }
    createAccount.mutate(body, {
      onSuccess: () => setStep(STEP.connected),
      onError: (error) => {
        fields.showProblem(error);
        const paths = error instanceof ApiError ? (error.problem.errors ?? []).map((e) => e.path) : [];
        if (paths.some((p) => CREDENTIAL_STEP_FIELDS.some((f) => f === connectFieldOf(p)))) {
          setStep(STEP.credentials);
        }
      },
    });
  };

  const failure = createAccount.isError ? (
    <ProblemAlert
      error={createAccount.error}
      shownElsewhere={fields.shownElsewhere}
      title={connectionFailureTitle(createAccount.error)}
    />
  ) : null;

  return (
    <Stack gap="lg">
      <Stepper
        active={step}
        onStepClick={(index) => {
          // Going back is always possible until the account exists; going forward goes through the checks.
          if (!connected && index < step) setStep(index);
        }}
        size="sm"
        allowNextStepsSelect={false}
      >
        <Stepper.Step label="Provider" description={providerLabel[draft.provider]}>
          <ProviderChoice
            value={draft.provider}
            onChange={(provider) => {
              setDraft((d) => ({ ...d, provider, regions: d.provider === provider ? d.regions : [] }));
              fields.setErrors({});
            }}
          />
        </Stepper.Step>
        <Stepper.Step label="Permissions" description="Read-only policy">
          <PolicyStep provider={draft.provider} />
        </Stepper.Step>
        <Stepper.Step label="Credentials" description="Scope and keys">
          <Stack gap="md">
            <CredentialsStep draft={draft} setDraft={setDraft} fields={fields} />
            {failure}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Schedule" description="Test and connect" loading={createAccount.isPending}>
          <Stack gap="md">
            <Select
              label="Rescan"
              description="Scheduled scans keep the inventory current; you can always scan now."
              data={SCHEDULES}
              value={draft.schedule}
              onChange={(schedule) => setDraft((d) => ({ ...d, schedule: schedule ?? '24' }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Text size="sm" c="dimmed">
              Connecting first runs a connection test: aispm signs in to {providerLabel[draft.provider]} with
              these credentials and makes one read call. Nothing is stored unless it succeeds.
            </Text>
            {failure}
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          {connected ? <Connected account={connected} onClose={onClose} /> : null}
        </Stepper.Completed>
      </Stepper>

      {connected ? null : (
        <Group justify="space-between">
          <Button variant="default" onClick={onClose} disabled={createAccount.isPending}>
            Cancel
          </Button>
          <Group gap="sm">
            {step > STEP.provider ? (
              <Button
                variant="default"
                onClick={() => setStep((s) => s - 1)}
                disabled={createAccount.isPending}
              >
                Back
              </Button>
            ) : null}
            {step < STEP.credentials ? (
              <Button onClick={() => setStep((s) => s + 1)} disabled={step === STEP.policy && unavailable}>
                Next
              </Button>
            ) : step === STEP.credentials ? (
              <Button onClick={() => (validate() ? setStep(STEP.schedule) : undefined)}>Next</Button>
            ) : (
              <Button onClick={connect} loading={createAccount.isPending}>
                Test connection and connect
              </Button>
            )}
          </Group>
        </Group>
      )}
    </Stack>
  );
}

function connectionFailureTitle(error: Error): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.status === 422 && error.problem.title === 'Connection test failed'
    ? 'Connection test failed'
    : undefined;
}

function ProviderChoice({ value, onChange }: { value: TProvider; onChange: (provider: TProvider) => void }) {
  return (
    <Radio.Group
      label="Cloud provider"
      description="Each provider has its own read-only policy and credentials."
      value={value}
      onChange={(next) => onChange(ZProvider.parse(next))}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="xs">
        {ZProvider.options.map((provider) => (
          <Radio.Card key={provider} value={provider} radius="md" p="md" aria-label={providerLabel[provider]}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator />
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {providerLabel[provider]}
                </Text>
                <Text size="xs" c="dimmed">
                  {PROVIDER_SERVICES[provider]}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** The connection test passed and the account is stored: start its first scan here and watch it run. */
function Connected({ account, onClose }: { account: TCloudAccount; onClose: () => void }) {
  const canScan = useCan('scans:run');
  const startScan = useStartScan();
  const scan = useScan(startScan.data?.id);
  const finished = scan.data !== undefined && !isScanActive(scan.data.status);

  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Connection test passed">
        <Text size="sm">
          {account.name} is connected.{' '}
          {account.scanIntervalHours === null
            ? 'It is scanned when you start a scan.'
            : `It is rescanned every ${account.scanIntervalHours} h.`}
        </Text>
      </Alert>

      {scan.data ? <ScanProgress scan={scan.data} label={account.name} maxErrors={5} /> : null}
      {startScan.isError ? (
        <ProblemAlert error={startScan.error} title={`Could not start a scan of ${account.name}`} />
      ) : null}

      <Group justify="flex-end" gap="sm">
        {finished ? (
          <Button
            component={Link}
            to={`/inventory?accountId=${account.id}`}
            variant="light"
            onClick={onClose}
          >
            View inventory
          </Button>
        ) : null}
        <Button variant="default" onClick={onClose}>
          Done
        </Button>
        {canScan && !startScan.data ? (
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            onClick={() => startScan.mutate({ accountId: account.id })}
            loading={startScan.isPending}
          >
            Scan now
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
