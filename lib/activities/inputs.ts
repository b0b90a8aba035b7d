import { z } from "zod";
import { RenderType, SchemaRender } from "@/lib/render/types";

/** Inputs shared by route handlers and server actions. */

export const MAX_SCHEMA_BYTES = 256 * 1024;
export const MAX_ENTRY_BYTES = 256 * 1024;

const name = z
  .string({ error: "Give the activity a name." })
  .trim()
  .min(1, "Give the activity a name.")
  .max(120, "Keep the name to 120 characters or fewer.");

const description = z
  .string()
  .trim()
  .max(2000, "Keep the description to 2,000 characters or fewer.")
  .nullish()
  .transform((value) => (value ? value : null));

/** The schema arrives as parsed JSON; its contents are checked later. */
const schema = z.unknown().refine((value) => value !== undefined, {
  message: "Provide a JSON Schema.",
});

export const CreateActivityInput = z.object({
  name,
  description,
  schema,
});
export type CreateActivityInput = z.infer<typeof CreateActivityInput>;

export const UpdateActivityInput = z
  .object({
    name: name.optional(),
    // Absent leaves it as it is; null or "" clears it.
    description: z
      .string()
      .trim()
      .max(2000, "Keep the description to 2,000 characters or fewer.")
      .nullable()
      .optional(),
    schema: schema.optional(),
  })
  .refine(
    (input) =>
      input.name !== undefined ||
      input.description !== undefined ||
      input.schema !== undefined,
    { message: "Nothing to change: send a name, description or schema." },
  );
export type UpdateActivityInput = z.infer<typeof UpdateActivityInput>;

export const AnalyzeInput = z
  .object({ bypassCache: z.boolean().default(false) })
  .default({ bypassCache: false });

export const PinRenderInput = z.union([
  z.object({ renderType: RenderType }).strict(),
  z.object({ render: SchemaRender }).strict(),
]);
export type PinRenderInput = z.infer<typeof PinRenderInput>;

export const AddEntryInput = z.object({
  data: z.unknown().refine((value) => value !== undefined, {
    message: "Send the entry as `data`.",
  }),
  occurredAt: z.iso
    .datetime({ offset: true, message: "Use an ISO date-time." })
    .optional(),
});
export type AddEntryInput = z.infer<typeof AddEntryInput>;

export const PreviewInput = z.object({ schema });

export const ActivityId = z.uuid({ message: "No activity with that id." });
