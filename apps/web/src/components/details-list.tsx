import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label/value pairs as a description list (dl/dt/dd), used in drawers. */
export function DetailsList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <DataList labelWidth={150} gap="xs" size="sm">
      {items.map((item) => (
        <DataList.Item key={item.label}>
          <DataList.ItemLabel c="dimmed">{item.label}</DataList.ItemLabel>
          <DataList.ItemValue>{item.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
