/**
 * The header's drawers (RGB-D form, settings, share) opened from elsewhere in the page — "Set a model host"
 * in the models panel opens Settings — without threading callbacks through every component.
 */
import { createStore } from 'zustand/vanilla';

export type PanelName = 'none' | 'rgbd' | 'settings' | 'share';

export const panelStore = createStore<{ panel: PanelName }>()(() => ({ panel: 'none' }));

export const openPanel = (panel: PanelName): void => panelStore.setState({ panel });
export const togglePanel = (panel: PanelName): void => panelStore.setState((s) => ({ panel: s.panel === panel ? 'none' : panel }));
