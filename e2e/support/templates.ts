import { TEMPLATES } from "../../lib/templates";

/** The app's own starter schemas, by id (lib/templates.ts). */
export function templateSchema(id: string): Record<string, unknown> {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no template "${id}"`);
  return template.schema;
}
