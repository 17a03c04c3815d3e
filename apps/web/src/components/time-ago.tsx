import { Text, Tooltip, type TextProps } from '@mantine/core';
import { formatDateTime, formatRelative } from '../lib/format';

/** Relative time for scanning a table quickly; the exact timestamp is in the tooltip. */
export function TimeAgo({
  iso,
  fallback = '—',
  ...props
}: { iso: string | null; fallback?: string } & TextProps) {
  if (!iso) {
    return (
      <Text span c="dimmed" {...props}>
        {fallback}
      </Text>
    );
  }
  return (
    <Tooltip label={formatDateTime(iso)}>
      <Text span style={{ whiteSpace: 'nowrap' }} {...props}>
        <time dateTime={iso}>{formatRelative(iso)}</time>
      </Text>
    </Tooltip>
  );
}
