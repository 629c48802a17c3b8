import type { ShareView } from '../../io/shareSchemas';
import type { ViewAccess } from '../../state/shareState';

interface ViewHolder {
  getView(): ShareView | null;
  setView(view: ShareView): void;
}

let viewer: ViewHolder | null = null;

/** The viewer the ViewerPanel shows registers here while it lives; returns the unregister call. */
export function attachViewer(v: ViewHolder): () => void {
  viewer = v;
  return () => {
    if (viewer === v) viewer = null;
  };
}

/** The 3D camera, read and set through the registered viewer (not through the test/debug handle). */
export const viewAccess: ViewAccess = {
  get: () => viewer?.getView() ?? null,
  set: (view) => viewer?.setView(view),
};
