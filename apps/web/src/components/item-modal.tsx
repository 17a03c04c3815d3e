import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A modal open while `item` is set. Its body is mounted afresh for each item and dropped when it closes, so
 * nothing it holds (a mutation's error, a secret shown once) outlives the dialog.
 */
export function ItemModal<T>({
  item,
  onClose,
  children,
  ...props
}: Omit<ModalProps, 'opened' | 'onClose' | 'children'> & {
  item: T | null;
  onClose: () => void;
  children: (item: T, close: () => void) => ReactNode;
}) {
  return (
    <Modal opened={item !== null} onClose={onClose} {...props}>
      {item !== null ? children(item, onClose) : null}
    </Modal>
  );
}
