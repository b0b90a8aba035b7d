"use client";

import { Component, type ReactNode } from "react";

/**
 * Keeps one broken view (a schema RJSF cannot handle, say) from taking the
 * whole page down; the fallback gets the error's message.
 */
export class ViewErrorBoundary extends Component<
  { fallback: (message: string) => ReactNode; children: ReactNode },
  { message: string | null }
> {
  state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return {
      message: error instanceof Error ? error.message : String(error),
    };
  }

  render() {
    if (this.state.message !== null) {
      return this.props.fallback(this.state.message);
    }
    return this.props.children;
  }
}
