import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

const VARIANTS = {
  primary:
    "bg-accent text-white shadow-xs hover:bg-accent-strong " +
    "disabled:bg-accent/50",
  secondary:
    "border border-line-strong bg-surface text-ink shadow-xs " +
    "hover:bg-sunken disabled:text-faint",
  ghost: "text-muted hover:bg-sunken hover:text-ink disabled:text-faint",
  danger:
    "bg-danger text-white shadow-xs hover:bg-danger/90 disabled:bg-danger/50",
  "danger-ghost": "text-danger hover:bg-danger-soft disabled:text-danger/50",
} as const;

const SIZES = {
  sm: "h-8 gap-1.5 px-2.5 text-[13px]",
  md: "h-9 gap-2 px-3.5 text-sm",
  lg: "h-11 gap-2 px-5 text-[15px]",
  icon: "size-9",
} as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
  /** Renders the child element (a link, say) with button styling. */
  asChild?: boolean;
};

export function buttonClass(
  variant: keyof typeof VARIANTS = "primary",
  size: keyof typeof SIZES = "md",
): string {
  return cn(
    "inline-flex shrink-0 items-center justify-center rounded-md font-medium",
    "whitespace-nowrap transition-colors select-none",
    "disabled:cursor-not-allowed",
    VARIANTS[variant],
    SIZES[size],
  );
}

export function Button({
  variant,
  size,
  asChild,
  className,
  type = "button",
  ...props
}: ButtonProps) {
  if (asChild) {
    return (
      <Slot.Root
        className={cn(buttonClass(variant, size), className)}
        {...props}
      />
    );
  }
  return (
    <button
      type={type}
      className={cn(buttonClass(variant, size), className)}
      {...props}
    />
  );
}
