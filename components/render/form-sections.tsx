import type { ObjectFieldTemplateProps } from "@rjsf/utils";
import type { ReactElement } from "react";
import { cn } from "@/lib/ui/cn";

/** A titled block of top-level fields, from the render's field groups. */
export interface FormSection {
  title: string;
  description: string | null;
  fields: string[];
}

export interface FormContext {
  sections: FormSection[];
  columns: 1 | 2;
}

interface Property {
  name: string;
  content: ReactElement;
  hidden: boolean;
}

interface PlacedSection {
  title: string | null;
  description: string | null;
  properties: Property[];
}

/**
 * Places the root object's properties into the render's sections. A pointer
 * such as "/heart/systolic" places the whole top-level "heart" property; a
 * property no section names goes into a last, untitled block so nothing in
 * the schema is ever hidden.
 */
export function placeProperties(
  properties: Property[],
  sections: FormSection[],
): PlacedSection[] {
  const byName = new Map(properties.map((p) => [p.name, p]));
  const used = new Set<string>();
  const placed: PlacedSection[] = [];

  for (const section of sections) {
    const names = section.fields
      .map((pointer) => topLevelName(pointer))
      .filter((name): name is string => !!name && !used.has(name));
    const members = [...new Set(names)]
      .map((name) => byName.get(name))
      .filter((p): p is Property => !!p);
    members.forEach((p) => used.add(p.name));
    if (members.length) {
      placed.push({ ...section, properties: members });
    }
  }

  const rest = properties.filter((p) => !used.has(p.name));
  if (rest.length) {
    const title = placed.length ? "More" : null;
    placed.push({ title, description: null, properties: rest });
  }
  return placed;
}

function topLevelName(pointer: string): string | null {
  const first = pointer.split("/")[1];
  return first ? first.replace(/~1/g, "/").replace(/~0/g, "~") : null;
}

/** RJSF's object template, with sections and columns at the root. */
export function SectionedObjectTemplate(props: ObjectFieldTemplateProps) {
  const { fieldPathId, properties, registry, schema, title } = props;
  const context = registry.formContext as FormContext | undefined;
  const isRoot = fieldPathId.path.length === 0;

  if (!isRoot || !context) {
    return (
      <fieldset id={fieldPathId.$id}>
        {title ? <legend>{title}</legend> : null}
        {props.description ? (
          <p className="field-description">{props.description}</p>
        ) : null}
        {properties.map((p) => p.content)}
      </fieldset>
    );
  }

  const sections = placeProperties(properties, context.sections);
  return (
    <div id={fieldPathId.$id} className="flex flex-col gap-6">
      {sections.map((section, index) => (
        <section
          key={section.title ?? `rest-${index}`}
          data-testid="form-section"
          aria-label={section.title ?? undefined}
          className="flex flex-col gap-1"
        >
          {section.title ? (
            <h3 className="text-ink border-line mb-3 border-b pb-2 text-sm font-semibold">
              {section.title}
            </h3>
          ) : null}
          {section.description ? (
            <p className="text-muted -mt-2 mb-3 text-xs">
              {section.description}
            </p>
          ) : null}
          <div
            className={cn(
              "grid grid-cols-1 gap-x-5",
              context.columns === 2 && "sm:grid-cols-2",
            )}
          >
            {section.properties.map((p) => (
              <div
                key={p.name}
                className={cn(isWide(schema, p.name) && "sm:col-span-2")}
              >
                {p.content}
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

/** Arrays, objects and long text take the full width of a two-column form. */
function isWide(schema: ObjectFieldTemplateProps["schema"], name: string) {
  const property = schema.properties?.[name];
  if (!property || typeof property !== "object") return false;
  const type = property.type;
  if (type === "object" || type === "array") return true;
  return typeof property.maxLength === "number" && property.maxLength > 200;
}
