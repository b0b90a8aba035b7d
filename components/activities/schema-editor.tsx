"use client";

import { json, jsonParseLinter } from "@codemirror/lang-json";
import {
  forceLinting,
  linter,
  lintGutter,
  type Diagnostic,
} from "@codemirror/lint";
import CodeMirror, { EditorView } from "@uiw/react-codemirror";
import { useEffect, useMemo, useRef } from "react";

/** A problem the server found in the schema, placed at a line. */
export interface LineProblem {
  line: number;
  message: string;
}

export interface SchemaEditorProps {
  value: string;
  onChange: (value: string) => void;
  problems: LineProblem[];
  id?: string;
  /** Names the editor for screen readers (the visible label's id). */
  labelledBy?: string;
  describedBy?: string;
  invalid?: boolean;
  /** Taller text scrolls inside the editor (a CSS length). */
  maxHeight?: string;
}

const theme = EditorView.theme({
  "&": {
    fontSize: "13px",
    backgroundColor: "var(--color-surface)",
  },
  ".cm-content": { fontFamily: "var(--font-mono)", padding: "10px 0" },
  ".cm-gutters": {
    backgroundColor: "var(--color-sunken)",
    borderRight: "1px solid var(--color-line)",
    color: "var(--color-faint)",
  },
  "&.cm-focused": { outline: "none" },
  ".cm-activeLine": { backgroundColor: "oklch(0.97 0.01 190 / 0.5)" },
  ".cm-activeLineGutter": { backgroundColor: "transparent" },
  ".cm-tooltip-lint": { fontFamily: "var(--font-sans)", fontSize: "12px" },
});

/**
 * The JSON Schema editor: JSON highlighting, JSON syntax errors from the
 * parser, and the server's schema problems, both shown at their line in
 * the gutter and underlined in the text. Tab moves focus on (it does not
 * indent) so keyboard users are never trapped inside the editor.
 */
export default function SchemaEditor({
  value,
  onChange,
  problems,
  id,
  labelledBy,
  describedBy,
  invalid,
  maxHeight = "60vh",
}: SchemaEditorProps) {
  const viewRef = useRef<EditorView | null>(null);
  const problemsRef = useRef(problems);

  const extensions = useMemo(() => {
    const parse = jsonParseLinter();
    // CodeMirror calls this when it lints, after render; the ref holds the
    // latest server problems without rebuilding the editor's extensions.
    const source = (view: EditorView): Diagnostic[] => [
      ...parse(view),
      ...problemsRef.current.map((p) => lineDiagnostic(view, p)),
    ];
    return [
      json(),
      // eslint-disable-next-line react-hooks/refs -- read at lint time
      linter(source, { delay: 250 }),
      lintGutter(),
      theme,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        ...(labelledBy ? { "aria-labelledby": labelledBy } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        "aria-invalid": invalid ? "true" : "false",
        // contenteditable is focusable already; saying so lets checkers
        // see that the scrolling area around it can be reached by keyboard.
        tabindex: "0",
        ...(id ? { id } : {}),
      }),
    ];
  }, [labelledBy, describedBy, invalid, id]);

  useEffect(() => {
    problemsRef.current = problems;
    if (viewRef.current) forceLinting(viewRef.current);
  }, [problems]);

  return (
    <CodeMirror
      data-testid="schema-editor"
      value={value}
      onChange={onChange}
      extensions={extensions}
      indentWithTab={false}
      minHeight="240px"
      maxHeight={maxHeight}
      basicSetup={{ foldGutter: true, highlightActiveLine: true }}
      onCreateEditor={(view) => {
        viewRef.current = view;
      }}
      className="border-line-strong overflow-hidden rounded-md border shadow-xs focus-within:border-accent focus-within:ring-3 focus-within:ring-accent/25"
    />
  );
}

function lineDiagnostic(view: EditorView, problem: LineProblem): Diagnostic {
  const lines = view.state.doc.lines;
  const line = view.state.doc.line(Math.min(Math.max(1, problem.line), lines));
  const text = line.text;
  const indent = text.length - text.trimStart().length;
  return {
    from: line.from + indent,
    to: line.to,
    severity: "error",
    source: "schema",
    message: problem.message,
  };
}
