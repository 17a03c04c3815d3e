import { Box, Code, Tabs, Text } from '@mantine/core';
import { IconBrandTerraform, IconTerminal2, IconWorld } from '@tabler/icons-react';
import { CopyIconButton } from './copy-value';

const TABS = [
  { value: 'console', label: 'Console', icon: IconWorld },
  { value: 'cli', label: 'CLI', icon: IconTerminal2 },
  { value: 'terraform', label: 'Terraform', icon: IconBrandTerraform },
] as const;

/** How to fix the finding, three ways, each copyable. */
export function FindingRemediation({
  remediation,
}: {
  remediation: { console: string; cli: string; terraform: string };
}) {
  return (
    <Tabs defaultValue="console" keepMounted={false}>
      <Tabs.List aria-label="Remediation">
        {TABS.map((t) => (
          <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={14} />}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {TABS.map((t) => (
        <Tabs.Panel key={t.value} value={t.value} pt="sm">
          {t.value === 'console' ? (
            <Box pos="relative" pr={36}>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {remediation.console}
              </Text>
              <CopyIconButton
                value={remediation.console}
                label="console steps"
                pos="absolute"
                top={0}
                right={0}
                variant="default"
              />
            </Box>
          ) : (
            <Box pos="relative">
              <Code block aria-label={`${t.label} remediation`} style={{ fontSize: 12, overflow: 'auto' }}>
                {remediation[t.value]}
              </Code>
              <CopyIconButton
                value={remediation[t.value]}
                label={t.value === 'cli' ? 'CLI commands' : 'Terraform'}
                pos="absolute"
                top={6}
                right={6}
                variant="default"
              />
            </Box>
          )}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
