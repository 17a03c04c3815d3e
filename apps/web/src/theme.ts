import {
  Badge,
  type CSSVariablesResolver,
  Card,
  createTheme,
  Drawer,
  Modal,
  Paper,
  Table,
  type MantineColor,
  Tooltip,
} from '@mantine/core';
import type { TRole, TScanStatus, TSeverity } from '@aispm/contracts';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "JetBrains Mono", SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  components: {
    Badge: Badge.extend({
      defaultProps: { radius: 'sm', variant: 'light', tt: 'none' },
      // Our badges are short labels; letting them ellipsize made table cells squeeze them to "Medi…".
      styles: { label: { overflow: 'visible' } },
    }),
    Card: Card.extend({ defaultProps: { withBorder: true, padding: 'lg' } }),
    Paper: Paper.extend({ defaultProps: { withBorder: true } }),
    Drawer: Drawer.extend({ defaultProps: { position: 'right', size: 'xl', padding: 'lg' } }),
    Modal: Modal.extend({ defaultProps: { centered: true } }),
    Table: Table.extend({
      defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm', highlightOnHover: true, fz: 'sm' },
      styles: { th: { whiteSpace: 'nowrap' } },
    }),
    Tooltip: Tooltip.extend({ defaultProps: { withArrow: true, openDelay: 300 } }),
  },
});

/** The main area sits one step off the card colour so white cards read as cards in light mode. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--app-main-bg': 'var(--mantine-color-gray-0)' },
  dark: { '--app-main-bg': 'var(--mantine-color-dark-8)' },
});

/** Fixed severity palette: analysts read colour before text, so it never changes between pages. */
export const severityColor: Record<TSeverity, MantineColor> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'blue',
  info: 'gray',
};

export const scanStatusColor: Record<TScanStatus, MantineColor> = {
  queued: 'gray',
  running: 'blue',
  evaluating: 'indigo',
  completed: 'teal',
  failed: 'red',
};

export const roleColor: Record<TRole, MantineColor> = {
  owner: 'violet',
  admin: 'indigo',
  analyst: 'blue',
  viewer: 'gray',
  auditor: 'teal',
};
