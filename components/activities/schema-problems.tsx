export interface ListedProblem {
  message: string;
  line: number | null;
  pointer?: string;
}

/** The schema's problems as a readable list, each with its line. */
export function SchemaProblems({
  id,
  problems,
}: {
  id: string;
  problems: ListedProblem[];
}) {
  if (!problems.length) return null;
  return (
    <div
      id={id}
      role="alert"
      data-testid="schema-error"
      className="border-danger/25 bg-danger-soft rounded-md border px-3 py-2.5 text-sm"
    >
      <ul className="flex flex-col gap-1">
        {problems.map((problem, index) => (
          <li key={index} className="flex gap-2">
            {problem.line !== null ? (
              <span className="text-danger shrink-0 font-mono text-xs leading-5 font-semibold">
                Line {problem.line}
              </span>
            ) : null}
            <span className="text-ink min-w-0 break-words">
              {problem.message}
              {problem.pointer ? (
                <code className="text-muted ml-1.5 font-mono text-xs">
                  {problem.pointer}
                </code>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
