"use client";

import { useRef, type ReactNode } from "react";
import { Button } from "./button";
import { Modal } from "./modal";

type Props = { open: boolean; title: string; children: ReactNode; onClose: () => void; okLabel?: string };

/** A modal message closed with OK. Focus starts on OK, so Enter or Space closes it too. */
export function NoticeDialog({ open, title, children, onClose, okLabel = "OK" }: Props) {
  const ok = useRef<HTMLButtonElement>(null);
  return (
    <Modal open={open} title={title} onClose={onClose} initialFocus={ok} footer={<Button ref={ok} onClick={onClose}>{okLabel}</Button>}>
      {children}
    </Modal>
  );
}
