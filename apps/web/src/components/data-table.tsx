import {
  Button,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Table,
  Text,
  type TableProps,
  type TableThProps,
} from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

/** For cells holding short codes (regions, ids) that read badly when broken across lines. */
export const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A header cell; the column count for skeleton and empty rows comes from the length of the list. */
export interface Column extends TableThProps {
  label: string;
}

/** The part of a TanStack list query the table reads (`useQuery` and `useKeysetPages` results both fit). */
export interface ListQuery<T> {
  data: T[] | undefined;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => Promise<unknown>;
}

/** A list read page by page with "Load more". */
export interface PagedListQuery<T> extends ListQuery<T> {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export interface EmptyContent {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: ReactNode;
}

export interface DataTableProps<T> extends Omit<TableProps, 'children'> {
  query: ListQuery<T>;
  columns: readonly Column[];
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  empty: EmptyContent;
  /** One `Table.Tr` with its `key`. */
  renderRow: (row: T) => ReactNode;
  skeletonRows?: number;
  /** Shown under the table once it has rows. */
  footer?: (rows: T[]) => ReactNode;
}

/**
 * A query's rows in a bordered table: the API problem with a retry button when it fails, placeholder rows while
 * it loads, an empty state when there is nothing.
 */
export function DataTable<T>({
  query,
  columns,
  minWidth,
  empty,
  renderRow,
  skeletonRows,
  footer,
  ...tableProps
}: DataTableProps<T>) {
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data ?? [];
  return (
    <Paper radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table {...tableProps}>
          <Table.Thead>
            <Table.Tr>
              {columns.map(({ label, ...props }) => (
                <Table.Th key={label} {...props}>
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.isPending ? (
              <TableSkeletonRows columns={columns.length} rows={skeletonRows} />
            ) : rows.length === 0 ? (
              <TableEmptyRow colSpan={columns.length} {...empty} />
            ) : (
              rows.map(renderRow)
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {footer && rows.length > 0 ? footer(rows) : null}
    </Paper>
  );
}

/** A `DataTable` over a keyset-paged list, with a count of what is shown and a "Load more" button. */
export function PagedTable<T>({
  query,
  noun,
  ...props
}: Omit<DataTableProps<T>, 'query' | 'footer'> & {
  query: PagedListQuery<T>;
  noun: { one: string; other: string };
}) {
  return (
    <DataTable
      {...props}
      query={query}
      footer={(rows) => (
        <LoadMore
          shown={rows.length}
          noun={rows.length === 1 ? noun.one : noun.other}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        />
      )}
    />
  );
}

/** Placeholder rows with the table's real column count, so the layout does not jump when data arrives. */
function TableSkeletonRows({ columns, rows = 8 }: { columns: number; rows?: number }) {
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

function TableEmptyRow({ colSpan, icon, title, description, action }: EmptyContent & { colSpan: number }) {
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

function LoadMore({
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
