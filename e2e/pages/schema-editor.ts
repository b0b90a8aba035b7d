import { expect, type Locator } from "@playwright/test";

/**
 * The CodeMirror schema editor (new activity page and edit dialog). Text
 * is replaced the way a person pastes it: select all, then insert.
 */
export class SchemaEditor {
  constructor(private readonly scope: Locator) {}

  get root() {
    return this.scope.getByTestId("schema-editor");
  }
  get content() {
    return this.root.locator(".cm-content");
  }
  /** Problems underlined in the text. */
  get errorMarks() {
    return this.root.locator(".cm-lintRange-error");
  }
  /** Problem markers in the gutter, one per line with a problem. */
  get gutterMarkers() {
    return this.root.locator(".cm-lint-marker-error");
  }
  /** The list of problems under the editor, each with its line. */
  get problems() {
    return this.scope.getByTestId("schema-error");
  }

  async replace(text: string): Promise<void> {
    await this.content.click();
    const page = this.root.page();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(text);
    await expect
      .poll(() => this.text(), { message: "the editor holds the new text" })
      .toBe(text);
  }

  /**
   * The whole document, from CodeMirror's state: the DOM holds only the
   * lines in view. The view hangs off the content element (`cmTile` since
   * @codemirror/view 6.39, `cmView` before).
   */
  text(): Promise<string> {
    return this.content.evaluate((element) => {
      type View = { state: { doc: { toString(): string } } };
      const node = element as HTMLElement & {
        cmTile?: { root?: { view?: View } };
        cmView?: { rootView?: { view?: View }; view?: View };
      };
      const view =
        node.cmTile?.root?.view ??
        node.cmView?.rootView?.view ??
        node.cmView?.view;
      if (!view) throw new Error("no CodeMirror view on .cm-content");
      return view.state.doc.toString();
    });
  }
}
