import { Alert, Box, Button, Code, CopyButton, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import type { TAccountSetup, TProvider } from '@aispm/contracts';
import { useAccountSetup } from '../api/accounts.hooks';
import { ApiError } from '../api/client';
import { ProblemAlert } from '../components/problem-alert';
import { providerLabel } from '../lib/format';

const DOCUMENT_NAME: Record<TAccountSetup['format'], string> = {
  'aws-iam-policy': 'IAM policy',
  'azure-role-definition': 'role definition',
  'gcp-custom-role': 'custom role',
};

/**
 * The read-only grant aispm needs in the provider's cloud, exactly the calls its connectors make, with the steps to
 * create it. It is shown before any credentials are asked for, so the key or secret given next can be scoped to it.
 */
export function PolicyStep({ provider }: { provider: TProvider }) {
  const setup = useAccountSetup(provider);

  if (setup.isPending) {
    return (
      <Stack gap="xs">
        <Skeleton height={14} width="60%" />
        <Skeleton height={14} width="80%" />
        <Skeleton height={220} />
      </Stack>
    );
  }
  if (isUnavailable(setup.error)) {
    return (
      <Alert variant="light" color="yellow" title={`${providerLabel[provider]} is not available yet`}>
        <Text size="sm">{setup.error.problem.detail ?? 'This version cannot scan this cloud yet.'}</Text>
      </Alert>
    );
  }
  if (setup.isError) {
    return (
      <ProblemAlert
        error={setup.error}
        title={`Could not load the ${providerLabel[provider]} policy`}
        onRetry={() => void setup.refetch()}
      />
    );
  }

  const { title, steps, document, format, permissions } = setup.data;
  const documentName = DOCUMENT_NAME[format];
  return (
    <Stack gap="md">
      <Alert variant="light" color="indigo" icon={<IconShieldLock />} title={title}>
        <Text size="sm">
          aispm only reads. This {documentName} grants exactly the {permissions.length} read-only permissions
          its {providerLabel[provider]} scans call, and nothing that changes a resource or reads your data.
        </Text>
      </Alert>

      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Steps
        </Text>
        <List type="ordered" size="sm" spacing={4} aria-label="Setup steps">
          {steps.map((step) => (
            <List.Item key={step}>{step}</List.Item>
          ))}
        </List>
      </Stack>

      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            Least-privilege {documentName}
          </Text>
          <CopyButton value={document}>
            {({ copied, copy }) => (
              <Button
                size="compact-sm"
                variant={copied ? 'light' : 'default'}
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                onClick={copy}
              >
                {copied ? 'Copied' : 'Copy policy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Box>
          <Code
            block
            aria-label={`Least-privilege ${documentName}`}
            style={{ maxHeight: 300, overflow: 'auto', fontSize: 12 }}
          >
            {document}
          </Code>
        </Box>
      </Stack>
    </Stack>
  );
}

/** The API answers 404 for a provider this version cannot scan yet. */
export function isUnavailable(error: Error | null): error is ApiError {
  return error instanceof ApiError && error.status === 404;
}
