import { getAuth } from "@/lib/auth/server";

export const dynamic = "force-dynamic";

// better-auth answers sign-up, sign-in, sign-out and session requests.
async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export const GET = handle;
export const POST = handle;
