/** Saving and copying JSON from the browser (designer exports). */

export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([prettyJson(value)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before revoking.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export async function copyJson(value: unknown): Promise<void> {
  await navigator.clipboard.writeText(prettyJson(value));
}

/** "Blood pressure (home)" → "blood-pressure-home", for file names. */
export function slug(text: string): string {
  const cleaned = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return cleaned.slice(0, 60) || "activity";
}
