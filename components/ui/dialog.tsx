"use client";

import { AlertDialog, Dialog as DialogPrimitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

const OVERLAY = "fixed inset-0 z-40 bg-ink/30 backdrop-blur-[1px]";
const PANEL =
  "fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] -translate-x-1/2 " +
  "-translate-y-1/2 rounded-card border border-line bg-surface p-5 " +
  "shadow-xl focus:outline-none";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export function DialogContent({
  title,
  description,
  className,
  children,
  ...props
}: ComponentProps<typeof DialogPrimitive.Content> & {
  title: ReactNode;
  description?: ReactNode;
}) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={OVERLAY} />
      <DialogPrimitive.Content
        className={cn(
          PANEL,
          "max-h-[90vh] max-w-2xl overflow-y-auto",
          className,
        )}
        {...props}
      >
        <DialogPrimitive.Title className="text-lg font-semibold">
          {title}
        </DialogPrimitive.Title>
        {description ? (
          <DialogPrimitive.Description className="text-muted mt-1 text-sm">
            {description}
          </DialogPrimitive.Description>
        ) : (
          <DialogPrimitive.Description className="sr-only">
            {title}
          </DialogPrimitive.Description>
        )}
        <div className="mt-4">{children}</div>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** A yes/no question before something that cannot be undone. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  pending,
  confirmTestId,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  confirmTestId?: string;
}) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className={cn(PANEL, "max-w-md")}>
          <AlertDialog.Title className="text-lg font-semibold">
            {title}
          </AlertDialog.Title>
          <AlertDialog.Description className="text-muted mt-2 text-sm">
            {description}
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className={secondaryButton}>
              Cancel
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={dangerButton}
              onClick={onConfirm}
              disabled={pending}
              data-testid={confirmTestId}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

const BASE_BUTTON =
  "inline-flex h-9 items-center rounded-md px-3.5 text-sm font-medium";
const secondaryButton = cn(
  BASE_BUTTON,
  "border border-line-strong bg-surface hover:bg-sunken",
);
const dangerButton = cn(BASE_BUTTON, "bg-danger text-white hover:bg-danger/90");
