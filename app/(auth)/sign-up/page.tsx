import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { Card } from "@/components/ui/card";
import { sessionUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await sessionUser()) redirect("/");
  return (
    <>
      <header className="flex flex-col gap-2 text-center">
        <h1 className="text-ink text-2xl font-semibold tracking-tight">
          Create your account
        </h1>
        <p className="text-muted text-sm">
          Your activities, entries and renders are yours alone.
        </p>
      </header>
      <Card className="p-6">
        <AuthForm mode="sign-up" />
      </Card>
    </>
  );
}
