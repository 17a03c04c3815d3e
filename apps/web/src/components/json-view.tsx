import { Box, Code } from '@mantine/core';
import { CopyIconButton } from './copy-value';

/** Read-only pretty JSON, as the cloud or the check returned it, with a copy button for tickets. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  const text = JSON.stringify(value, null, 2);
  return (
    <Box pos="relative">
      <Code block aria-label={label} style={{ maxHeight: 420, overflow: 'auto', fontSize: 12 }}>
        {text}
      </Code>
      <CopyIconButton value={text} label={label} pos="absolute" top={6} right={6} variant="default" />
    </Box>
  );
}
