import { Modal, type ModalRootProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = Omit<ModalRootProps, 'title' | 'children'> & { title: ReactNode; children: ReactNode };

/**
 * Mantine Modal whose header is not a second `banner` landmark (axe: landmark-no-duplicate-banner),
 * with a Japanese name on the close button.
 */
export function AppModal({ title, children, ...props }: Props) {
  return (
    <Modal.Root {...props}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header role="none">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="閉じる" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
