import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { TFrameworkSummary } from '@aispm/contracts';
import { useDeleteFramework, useFrameworks } from '../api/compliance.hooks';
import { ConfirmAction } from '../components/confirm-action';
import { ItemModal } from '../components/item-modal';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { useCan } from '../lib/session';
import { UploadFrameworkForm } from './compliance-upload-form';

export const complianceFrameworkPath = (key: string) => `/compliance/${encodeURIComponent(key)}`;

export default function CompliancePage() {
  const frameworks = useFrameworks();
  const canManage = useCan('accounts:write');
  const [uploadOpened, upload] = useDisclosure(false);
  const [deleting, setDeleting] = useState<TFrameworkSummary | null>(null);

  return (
    <>
      <PageHeader
        title="Compliance"
        description="How your AI estate stands against each framework: a control fails when one of its checks has open findings, passes when its checks found nothing open, and needs manual evidence otherwise."
        actions={
          canManage ? (
            <Button leftSection={<IconUpload size={16} />} onClick={upload.open}>
              Upload framework
            </Button>
          ) : null
        }
      />

      {frameworks.isError ? (
        <ProblemAlert error={frameworks.error} onRetry={() => void frameworks.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {frameworks.isPending
            ? Array.from({ length: 6 }, (_, i) => <Skeleton key={i} height={150} radius="md" />)
            : frameworks.data.map((f) => (
                <FrameworkCard
                  key={f.key}
                  framework={f}
                  onDelete={canManage && !f.builtIn ? () => setDeleting(f) : undefined}
                />
              ))}
        </SimpleGrid>
      )}

      <Modal opened={uploadOpened} onClose={upload.close} title="Upload a framework" size="lg">
        <UploadFrameworkForm onUploaded={upload.close} onCancel={upload.close} />
      </Modal>

      <ItemModal item={deleting} onClose={() => setDeleting(null)} title="Delete framework">
        {(framework, close) => <DeleteFramework framework={framework} onDone={close} />}
      </ItemModal>
    </>
  );
}

function FrameworkCard({ framework, onDelete }: { framework: TFrameworkSummary; onDelete?: () => void }) {
  const id = useId();
  const { total, passing, failing, manual } = framework.controls;
  const share = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return (
    <Card component="section" aria-labelledby={id} radius="md" padding="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2}>
          <Anchor id={id} component={Link} to={complianceFrameworkPath(framework.key)} fw={650} c="inherit">
            {framework.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            Version {framework.version} · {total} controls
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Badge variant="outline" color={framework.builtIn ? 'gray' : 'indigo'}>
            {framework.builtIn ? 'Built-in' : 'Custom'}
          </Badge>
          {onDelete ? (
            <Tooltip label="Delete framework">
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={onDelete}
                aria-label={`Delete ${framework.name}`}
              >
                <IconTrash size={16} />
              </Button>
            </Tooltip>
          ) : null}
        </Group>
      </Group>
      <Progress.Root size="lg" mt="md" aria-hidden>
        <Progress.Section value={share(failing)} color="red" />
        <Progress.Section value={share(passing)} color="teal" />
        <Progress.Section value={share(manual)} color="gray.4" />
      </Progress.Root>
      <Group gap="xs" mt="sm">
        <Badge color="red" variant="light">
          {failing} failing
        </Badge>
        <Badge color="teal" variant="light">
          {passing} passing
        </Badge>
        <Badge color="gray" variant="light">
          {manual} manual
        </Badge>
      </Group>
    </Card>
  );
}

function DeleteFramework({ framework, onDone }: { framework: TFrameworkSummary; onDone: () => void }) {
  const remove = useDeleteFramework();
  return (
    <ConfirmAction
      mutation={remove}
      variables={{ key: framework.key }}
      confirmLabel="Delete framework"
      success={{ title: 'Framework deleted', message: `${framework.name} is no longer tracked.` }}
      onDone={onDone}
    >
      <Text size="sm">
        Delete <b>{framework.name}</b> ({framework.key})? Its controls and mappings are removed for everyone
        in this organization; upload the file again to bring it back.
      </Text>
    </ConfirmAction>
  );
}
