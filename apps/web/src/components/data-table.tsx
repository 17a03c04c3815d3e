import { Button, EmptyState, Group, Skeleton, Table, Text } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';

/** For cells holding short codes (regions, ids) that read badly when broken across lines. */
export const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Placeholder rows with the table's real column count, so the layout does not jump when data arrives. */
export function TableSkeletonRows({ columns, rows = 8 }: { columns: number; rows?: number }) {
  return Array.from({ length: rows }, (_, row) => (
    <Table.Tr key={row} aria-hidden>
      {Array.from({ length: columns }, (_, col) => (
        <Table.Td key={col}>
          <Skeleton height={12} radius="sm" width={col === 0 ? '80%' : '60%'} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}

export function TableEmptyRow({
  colSpan,
  icon,
  title,
  description,
  action,
}: {
  colSpan: number;
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan} py="xl">
        <EmptyState icon={icon} title={title} description={description} withIndicatorBackground size="sm">
          {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
        </EmptyState>
      </Table.Td>
    </Table.Tr>
  );
}

/** Whole-row click target that also opens with Enter/Space for keyboard users. */
export function rowOpenProps(onOpen: () => void) {
  return {
    onClick: onOpen,
    onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
      if (event.target !== event.currentTarget) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onOpen();
      }
    },
    tabIndex: 0,
    style: { cursor: 'pointer' },
  };
}

export function LoadMore({
  shown,
  noun,
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
}: {
  shown: number;
  noun: string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
}) {
  return (
    <Group justify="space-between" px="sm" py="xs">
      <Text size="sm" c="dimmed">
        {hasNextPage ? `Showing the first ${shown} ${noun}` : `${shown} ${noun}`}
      </Text>
      {hasNextPage ? (
        <Button variant="default" size="xs" onClick={onLoadMore} loading={isFetchingNextPage}>
          Load more
        </Button>
      ) : null}
    </Group>
  );
}
