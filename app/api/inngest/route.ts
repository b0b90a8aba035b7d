import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

// Inngest calls this endpoint to run steps. Outside development the SDK
// verifies each request's signature with INNGEST_SIGNING_KEY and refuses
// the rest, so nobody else can drive the workflow.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
