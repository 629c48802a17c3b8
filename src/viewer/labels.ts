import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js';

/** A DOM label anchored in 3D (crisp at any zoom, readable by screen readers and tests). */
export function makeLabel(text: string, className: string): CSS2DObject {
  const el = document.createElement('div');
  el.className = `viewer-label ${className}`;
  el.textContent = text;
  return new CSS2DObject(el);
}
