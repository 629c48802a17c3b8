import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PanelBoundary } from './PanelBoundary';
import { warmUpPhotoDecode } from '../io/photoDecode';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><PanelBoundary name="SpatialLens"><App /></PanelBoundary></StrictMode>);

// idle time now spares the first photo a cold decode
const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 500));
idle(() => warmUpPhotoDecode());
