"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/feedback";

/**
 * Who is signed in, and the way out. The auth client is imported on the
 * click: it is the largest library in the header and every page has one.
 */
export function UserMenu({ name, email }: { name: string; email: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    const { authClient } = await import("@/lib/auth/client");
    await authClient.signOut();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <div className="border-line flex items-center gap-2 sm:ml-2 sm:border-l sm:pl-3">
      <span
        className="text-muted hidden max-w-40 truncate text-sm md:inline"
        title={email}
        data-testid="user-name"
      >
        {name || email}
      </span>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => void signOut()}
        disabled={busy}
        data-testid="sign-out"
      >
        {busy ? <Spinner /> : null}
        Sign out
      </Button>
    </div>
  );
}
