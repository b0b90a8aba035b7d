"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

export const Tabs = TabsPrimitive.Root;

export function TabsList({
  className,
  ...props
}: ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      className={cn(
        // On a phone the tabs wrap onto a second line rather than squeeze
        // a tab (and its badge) into a fixed column.
        "bg-sunken border-line flex max-w-full flex-wrap gap-1",
        "rounded-lg border p-1 sm:inline-flex sm:items-center",
        className,
      )}
      {...props}
    />
  );
}

export function TabsTrigger({
  className,
  ...props
}: ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "text-muted inline-flex h-8 grow items-center justify-center gap-1.5",
        "rounded-md px-3 sm:grow-0 sm:justify-start",
        "text-sm font-medium whitespace-nowrap transition-colors",
        "hover:text-ink",
        "data-[state=active]:bg-surface data-[state=active]:text-ink",
        "data-[state=active]:shadow-sm",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({
  className,
  ...props
}: ComponentProps<typeof TabsPrimitive.Content>) {
  return (
    <TabsPrimitive.Content
      className={cn("mt-4 focus-visible:outline-none", className)}
      {...props}
    />
  );
}
