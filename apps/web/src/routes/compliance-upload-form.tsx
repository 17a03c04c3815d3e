import { Button, Code, FileInput, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useUploadFramework } from '../api/compliance.hooks';
import { ProblemAlert } from '../components/problem-alert';

const EXAMPLE = `key: acme-ai-policy
name: ACME AI security policy
version: "1.0"
controls:
  - id: AI-1
    title: Notebooks stay off the internet
    checks:
      - checkId: aws.sagemaker.notebook.direct_internet_access
        relationship: equivalent-to`;

/** The API's detail repeats every listed problem (for scripts); the alert lists them once, under a count. */
function listedOnce(error: Error): Error {
  const errors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  if (!(error instanceof ApiError) || errors.length === 0) return error;
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  return new ApiError({ ...error.problem, detail: `The file has ${count}:` });
}

/** Picks a JSON or YAML framework file and sends it as it is; the API's problems are shown as it lists them. */
export function UploadFrameworkForm({
  onUploaded,
  onCancel,
}: {
  onUploaded: () => void;
  onCancel: () => void;
}) {
  const upload = useUploadFramework();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file, {
      onSuccess: (framework) => {
        notifications.show({
          color: 'teal',
          title: 'Framework uploaded',
          message: `${framework.name}: ${framework.controls.total} controls.`,
        });
        onUploaded();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          A JSON or YAML file (at most 1 MB, 2,000 controls) naming your controls and the aispm checks that
          give evidence for each, with an OSCAL relationship: equivalent-to, subset-of, superset-of or
          intersects-with.
        </Text>
        <Code block>{EXAMPLE}</Code>
        <FileInput
          label="Framework file"
          placeholder="Choose a .yaml, .yml or .json file"
          accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
          leftSection={<IconFileUpload size={16} />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setMissing(false);
            upload.reset();
          }}
          error={missing ? 'Choose a file to upload' : undefined}
          clearable
          required
        />
        {upload.isError ? (
          <ProblemAlert error={listedOnce(upload.error)} title="The framework was not accepted" />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={upload.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={upload.isPending}>
            Upload
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
