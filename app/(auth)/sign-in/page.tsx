import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { anyUserExists } from "@/db/queries/users";
import { sessionUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await sessionUser()) redirect("/");
  // On a fresh install there is nobody to sign in as: start with sign-up.
  if (!(await anyUserExists(await getDb()))) redirect("/sign-up");
  return (
    <>
      <header className="flex flex-col gap-2 text-center">
        <h1 className="text-ink text-2xl font-semibold tracking-tight">
          Sign in
        </h1>
        <p className="text-muted text-sm">Welcome back.</p>
      </header>
      <Card className="p-6">
        <AuthForm mode="sign-in" />
      </Card>
    </>
  );
}
