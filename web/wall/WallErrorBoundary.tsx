import { Component, type ReactNode } from 'react';

// A wall is left alone: a render error must not leave it blank until someone walks up to it. The boundary shows a
// quiet notice and reloads the page after a pause (the tour resumes where it was; the token pairs again).

const RELOAD_AFTER_MS = 30_000;

export class WallErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('wall: a panel failed to render; reloading in 30 s', error);
    this.timer = setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="wall-splash" data-testid="wall-splash" data-status="recovering">
        <h1>校外培训联合执法 · 指挥中心</h1>
        <p>正在恢复显示… / Recovering the display…</p>
      </div>
    );
  }
}
