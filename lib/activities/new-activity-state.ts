/** What the New activity action answers; the form renders from it. */
export interface NewActivityState {
  status: "idle" | "error";
  message: string | null;
  fieldErrors: Record<string, string[]>;
  problems: { pointer: string; message: string; line?: number }[];
  values: { name: string; description: string; schema: string };
}

export function initialNewActivityState(
  values: NewActivityState["values"],
): NewActivityState {
  return {
    status: "idle",
    message: null,
    fieldErrors: {},
    problems: [],
    values,
  };
}
