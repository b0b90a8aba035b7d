import type { SchemaRender } from "@/lib/render/types";
import type { FormSection } from "./form-sections";

/**
 * The form's sections: a form layout names its own; any other render
 * still has field groups, which make good sections for the entry form.
 */
export function sectionsOf(render: SchemaRender): FormSection[] {
  if (render.layout.type === "form") return render.layout.sections;
  return render.fieldGroups.map((group) => ({
    title: group.title,
    description: null,
    fields: group.fields,
  }));
}
