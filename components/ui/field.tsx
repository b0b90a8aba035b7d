import { Label as LabelPrimitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

const CONTROL =
  "block w-full rounded-md border border-line-strong bg-surface px-3 py-2 " +
  "text-sm text-ink shadow-xs placeholder:text-faint " +
  "focus:border-accent focus:ring-3 focus:ring-accent/25 focus:outline-none " +
  "aria-invalid:border-danger aria-invalid:focus:ring-danger/20";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(CONTROL, "h-9", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(CONTROL, "min-h-20", className)} {...props} />;
}

export function Label({
  className,
  ...props
}: ComponentProps<typeof LabelPrimitive.Root>) {
  return (
    <LabelPrimitive.Root
      className={cn("text-ink text-sm font-medium", className)}
      {...props}
    />
  );
}

/** A label, a control, a hint and the field's errors, stacked. */
export function Field({
  label,
  htmlFor,
  hint,
  errors,
  errorId,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  errors?: string[] | undefined;
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint && !errors?.length ? (
        <p className="text-muted text-xs">{hint}</p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-danger text-xs" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
