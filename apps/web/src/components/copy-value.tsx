import { ActionIcon, Code, CopyButton, Group, Tooltip, type ActionIconProps } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
      <CopyIconButton value={value} label={label} variant="subtle" />
    </Group>
  );
}

/** An icon button that copies `value` and says so; `label` names what is copied ("Copy native id"). */
export function CopyIconButton({
  value,
  label,
  ...props
}: { value: string; label: string } & Omit<ActionIconProps, 'color' | 'size'>) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : `Copy ${label}`}>
          <ActionIcon
            {...props}
            color={copied ? 'teal' : 'gray'}
            size="sm"
            onClick={copy}
            aria-label={`Copy ${label}`}
          >
            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
