import { Box, Center, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from './app-layout';

/** The card the pages outside the app shell (sign-in, accepting an invitation) are shown in: no session yet. */
export function AuthPage({ width, children }: { width: number; children: ReactNode }) {
  return (
    <Center mih="100dvh" bg="var(--app-main-bg)" p="md">
      <Box w="100%" maw={width}>
        <Box mb="lg">
          <Brand />
        </Box>
        <Paper p="xl" radius="md">
          {children}
        </Paper>
      </Box>
    </Center>
  );
}
