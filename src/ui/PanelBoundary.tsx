import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the panel shows, for the message ("the photo", "the 3D view"). */
  name: string;
  children: ReactNode;
  /** Changes when the input changes: a new scene gets a fresh try at rendering. */
  resetKey?: unknown;
}

interface State {
  error: string | null;
  key: unknown;
}

/**
 * Catches a render error in one panel so the rest of the app stays up: without it one failing panel
 * (a raster too large to allocate, a bad value from a file) unmounted the whole UI.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(e: unknown): Partial<State> {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: null } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`panel "${this.props.name}" failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="notice notice--error" role="alert" data-testid="panel-error">
        <span>
          {this.props.name} could not be shown ({this.state.error.slice(0, 200)}). The rest of the app still works: load another scene or
          photo.
        </span>
        <button type="button" className="btn btn--ghost" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
