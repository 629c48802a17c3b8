import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js';

/** A DOM label anchored in 3D (crisp at any zoom, readable by screen readers and tests). */
export function makeLabel(text: string, className: string): CSS2DObject {
  const el = document.createElement('div');
  el.className = `viewer-label ${className}`;
  el.textContent = text;
  return new CSS2DObject(el);
}

/**
 * Labels never overlap: after each frame, labels are placed in order of importance (answer measurements,
 * then highlighted objects, then the rest); one that would overlap a placed label is nudged up or down by
 * its height (a few tries) and hidden when no place is free. Uses the CSS `translate` property, which the
 * CSS2DRenderer's `transform` leaves alone.
 */
export function declutterLabels(root: HTMLElement): void {
  const rank = (e: Element) => (e.classList.contains('viewer-label--measure') ? 0 : e.classList.contains('is-highlighted') ? 1 : e.classList.contains('is-dimmed') ? 3 : 2);
  declutter([...root.querySelectorAll<HTMLElement>('.viewer-label')], rank);
}

/**
 * The placing itself, shared by the 3D labels and the photo's SVG captions: `rank` orders by importance
 * (lower first); `unitsPerPx` converts the screen-pixel nudge into the element's own units (an SVG drawn
 * in image pixels and scaled to fit needs its viewBox units, not CSS pixels).
 */
export function declutter(all: ReadonlyArray<HTMLElement | SVGGraphicsElement>, rank: (e: Element) => number, unitsPerPx = 1): void {
  const els = all.filter((e) => e.style.display !== 'none');
  els.sort((a, b) => rank(a) - rank(b));
  for (const e of els) {
    e.style.translate = '';
    e.style.visibility = '';
  }
  const placed: DOMRect[] = [];
  const hits = (r: DOMRect) => placed.some((p) => r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top);
  for (const e of els) {
    const r = e.getBoundingClientRect();
    if (r.width === 0) continue;
    let spot: DOMRect | null = null;
    for (const dy of [0, -1, 1, -2, 2, -3, 3].map((k) => k * (r.height + 2))) {
      const moved = new DOMRect(r.left, r.top + dy, r.width, r.height);
      if (!hits(moved)) {
        spot = moved;
        if (dy !== 0) e.style.translate = `0 ${dy * unitsPerPx}px`;
        break;
      }
    }
    if (spot) placed.push(spot);
    else e.style.visibility = 'hidden';
  }
}
