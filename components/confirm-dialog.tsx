"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { FormAlert } from "./form-alert";
import { Modal } from "./modal";

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal confirmation: Cancel, or the (focused) action. */
export function ConfirmDialog({ open, title, children, confirmLabel, pending, error, onConfirm, onCancel }: Props) {
  return (
    <Modal
      open={open}
      title={title}
      onClose={onCancel}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending} autoFocus>
            {pending ? "Working…" : confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      <div className="mt-3 empty:hidden">
        <FormAlert message={error} />
      </div>
    </Modal>
  );
}
