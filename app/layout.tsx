import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { sessionUser, type SignedInUser } from "@/lib/auth";
import { UserMenu } from "@/components/user-menu";
import { buttonClass } from "@/components/ui/button";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Schema Render", template: "%s · Schema Render" },
  description:
    "Define what you track with a JSON Schema and see it as a form, table, " +
    "timeline or cards.",
};

export const viewport: Viewport = {
  themeColor: "#fbfaf8",
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({
  children,
}: {
  children: ReactNode;
}) {
  const user = await sessionUser();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a
          href="#main"
          className="bg-surface sr-only z-50 rounded-md px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <SiteHeader user={user} />
        <Providers>
          <main
            id="main"
            className="mx-auto w-full max-w-6xl px-4 pt-6 pb-16 sm:px-6 sm:pt-10"
          >
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}

function SiteHeader({ user }: { user: SignedInUser | null }) {
  return (
    <header className="border-line bg-surface/80 sticky top-0 z-30 border-b backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link
          href="/"
          className="text-ink flex items-center gap-2 font-semibold tracking-tight whitespace-nowrap"
        >
          <Logo />
          Schema Render
        </Link>
        {user ? (
          <nav aria-label="Main" className="flex items-center gap-1">
            <Link
              href="/"
              className={`${buttonClass("ghost", "sm")} max-sm:hidden`}
            >
              Activities
            </Link>
            <Link
              href="/activities/new"
              className={buttonClass("primary", "sm")}
            >
              New<span className="max-sm:hidden">activity</span>
            </Link>
            <UserMenu name={user.name} email={user.email} />
          </nav>
        ) : null}
      </div>
    </header>
  );
}

function Logo() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="text-accent size-6">
      <rect x="3" y="3" width="8" height="8" rx="2" fill="currentColor" />
      <rect
        x="13"
        y="3"
        width="8"
        height="8"
        rx="2"
        fill="currentColor"
        opacity="0.45"
      />
      <rect
        x="3"
        y="13"
        width="8"
        height="8"
        rx="2"
        fill="currentColor"
        opacity="0.45"
      />
      <rect
        x="13"
        y="13"
        width="8"
        height="8"
        rx="2"
        fill="currentColor"
        opacity="0.2"
      />
    </svg>
  );
}
