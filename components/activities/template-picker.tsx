import { TEMPLATES, type ActivityTemplate } from "@/lib/templates";

/** Starter schemas; picking one replaces the editor's text. */
export function TemplatePicker({
  onPick,
}: {
  onPick: (template: ActivityTemplate) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-ink mb-2 text-sm font-medium">
        Start from a template
      </legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-2">
        {TEMPLATES.map((template) => (
          <button
            key={template.id}
            type="button"
            data-testid={`template-${template.id}`}
            onClick={() => onPick(template)}
            className="border-line bg-surface hover:border-accent/50 hover:bg-accent-soft/40 flex flex-col items-start rounded-lg border px-3 py-2 text-left shadow-xs transition-colors"
          >
            <span className="text-ink text-sm font-medium">
              {template.name}
            </span>
            <span className="text-muted text-xs leading-snug">
              {template.blurb}
            </span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
