"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/feedback";
import { Field, Input } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";

type Mode = "sign-in" | "sign-up";

const COPY = {
  "sign-up": {
    submit: "Create account",
    busy: "Creating your account…",
    other: { href: "/sign-in", prompt: "Have an account?", label: "Sign in" },
  },
  "sign-in": {
    submit: "Sign in",
    busy: "Signing in…",
    other: {
      href: "/sign-up",
      prompt: "New here?",
      label: "Create an account",
    },
  },
} as const;

/** Email and password sign-up or sign-in; errors show beside the form. */
export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const copy = COPY[mode];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    const result =
      mode === "sign-up"
        ? await authClient.signUp.email({
            email,
            password,
            name: String(form.get("name") ?? "").trim() || email,
          })
        : await authClient.signIn.email({ email, password });
    setBusy(false);
    if (result.error) {
      setError(result.error.message ?? "That did not work. Try again.");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {error ? (
        <Callout tone="danger" role="alert" data-testid="auth-error">
          {error}
        </Callout>
      ) : null}
      {mode === "sign-up" ? (
        <Field label="Name" htmlFor="auth-name">
          <Input
            id="auth-name"
            name="name"
            autoComplete="name"
            data-testid="auth-name"
          />
        </Field>
      ) : null}
      <Field label="Email" htmlFor="auth-email">
        <Input
          id="auth-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          data-testid="auth-email"
        />
      </Field>
      <Field
        label="Password"
        htmlFor="auth-password"
        hint={mode === "sign-up" ? "At least 8 characters." : undefined}
      >
        <Input
          id="auth-password"
          name="password"
          type="password"
          autoComplete={
            mode === "sign-up" ? "new-password" : "current-password"
          }
          required
          minLength={8}
          data-testid="auth-password"
        />
      </Field>
      <Button type="submit" disabled={busy} data-testid="auth-submit">
        {busy ? copy.busy : copy.submit}
      </Button>
      <p className="text-muted text-center text-sm">
        {copy.other.prompt}{" "}
        <Link href={copy.other.href} className="text-accent font-medium">
          {copy.other.label}
        </Link>
      </p>
    </form>
  );
}
