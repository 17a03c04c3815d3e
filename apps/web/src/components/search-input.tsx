import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

/**
 * Text filter that reports after a pause in typing, so each keystroke does not refetch.
 * Remount it (change its `key`) to reset it from outside.
 */
export function SearchInput({
  label,
  placeholder,
  initialValue,
  onSearch,
}: {
  label: string;
  placeholder: string;
  initialValue: string;
  onSearch: (value: string) => void;
}) {
  const [value, setValue] = useState(initialValue);
  const report = useDebouncedCallback((next: string) => onSearch(next.trim()), 300);
  const change = (next: string) => {
    setValue(next);
    report(next);
  };
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={value}
      onChange={(event) => change(event.currentTarget.value)}
      leftSection={<IconSearch size={16} />}
      rightSection={
        value ? (
          <CloseButton size="sm" aria-label={`Clear ${label.toLowerCase()}`} onClick={() => change('')} />
        ) : null
      }
      miw={240}
      style={{ flex: 1 }}
    />
  );
}
