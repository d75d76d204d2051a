// An error boundary around each view and editor tab: a thrown error (a bad file, a
// renamed node, a bug) shows a sentence in that place, with a way to try again, and
// the rest of the workbench goes on working. React keeps no other way to stop one
// component's error from unmounting the whole window.

import { Component, type ErrorInfo, type ReactNode } from 'react';

/** What a boundary shows and offers. */
export interface ViewBoundaryProps {
  /** What is shown here, for the sentence: "This lesson", "The Problems view". */
  what: string;
  children: ReactNode;
  /** A further way out, such as restarting a scenario from its beginning. */
  recover?: { label: string; run: () => void };
  /** When this changes after an error (a preview given a new version to show), the children are tried again. */
  resetKey?: unknown;
  /** Logs the error (tests observe it); by default the console. */
  onError?: (error: unknown) => void;
}

interface State {
  error?: unknown;
  /** Bumped by Try again, so the children mount afresh. */
  attempt: number;
}

/** Catches what its children throw while rendering and says so in a sentence. */
export class ViewBoundary extends Component<ViewBoundaryProps, State> {
  override state: State = { attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    (this.props.onError ?? ((e: unknown) => console.error(e, info.componentStack)))(error);
  }

  override componentDidUpdate(previous: ViewBoundaryProps): void {
    if (this.state.error !== undefined && previous.resetKey !== this.props.resetKey) this.retry();
  }

  private retry = () => this.setState((s) => ({ error: undefined, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (error === undefined) return <BoundaryChildren key={attempt}>{this.props.children}</BoundaryChildren>;
    const detail = error instanceof Error ? error.message : String(error);
    const { recover } = this.props;
    return (
      <div className="wb-boundary" role="alert">
        <p>
          {this.props.what} could not be shown because something in it went wrong ({detail.replace(/\s+/g, ' ').slice(0, 300)}). The rest of the
          workbench is unaffected.
        </p>
        <p className="wb-boundary-actions">
          {recover && (
            <button
              type="button"
              className="wb-button wb-button-primary"
              onClick={() => {
                recover.run();
                this.retry();
              }}
            >
              {recover.label}
            </button>
          )}
          <button type="button" className="wb-button" onClick={this.retry}>
            Try again
          </button>
        </p>
      </div>
    );
  }
}

function BoundaryChildren({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
