import type { ViewAccess } from '../../state/shareState';

/** The 3D camera, read and set through the viewer the ViewerPanel registered on the debug handle. */
export const viewAccess: ViewAccess = {
  get: () => window.__spatiallens?.viewer?.getView() ?? null,
  set: (view) => window.__spatiallens?.viewer?.setView(view),
};
