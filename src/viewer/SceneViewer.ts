/**
 * The 3D view: coloured point cloud in the canonical frame (three.js's frame: +Y up, camera looks to -Z),
 * a grid on the support plane, one box per object with its caption, and the answer's visuals.
 * Rendering is on demand: a frame is drawn when something changed (controls, data, resize), never in an
 * idle loop. `frames` counts drawn frames (exposed on window.__spatiallens for tests).
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { PointCloud } from '../core/geometry/raster';
import type { SceneGraph } from '../core/scene/types';
import type { Visual } from '../core/reason/answer';
import type { Vec3 } from '../core/geometry/vec';
import { objectColor } from './colors';
import { referenceCaptions } from '../core/reason/objectNames';
import { declutterLabels, makeLabel } from './labels';
import { estimatedFaceLines } from './estimatedFaces';
import { angularPitch, isSoftwareRenderer, rendererName, SOFTWARE_POINT_BUDGET, spreadSubset } from './pointBudget';

export const BACKGROUND = 0x10141a;

export interface ViewerStats {
  frames: number;
  /** the cloud's points, and how many of them are drawn (fewer under software rendering: pointBudget.ts) */
  pointsTotal: number;
  pointsDrawn: number;
  /** WebGL rasterises on the CPU here */
  softwareRenderer: boolean;
}

/** A cylinder from `a` to `b`, drawn over everything (an answer's measurement must stay visible). */
function tube(a: THREE.Vector3, b: THREE.Vector3, radius: number, color: number): THREE.Mesh {
  const dir = b.clone().sub(a);
  const m = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, Math.max(dir.length(), 1e-6), 12), new THREE.MeshBasicMaterial({ color, depthTest: false }));
  m.position.copy(a.clone().add(b).multiplyScalar(0.5));
  m.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), dir.normalize());
  m.renderOrder = 2;
  return m;
}

function disposeTree(obj: THREE.Object3D): void {
  obj.traverse((o) => {
    const m = o as THREE.Mesh;
    m.geometry?.dispose();
    const mat = m.material as THREE.Material | THREE.Material[] | undefined;
    if (Array.isArray(mat)) mat.forEach((x) => x.dispose());
    else mat?.dispose();
    if ((o as { isCSS2DObject?: boolean }).isCSS2DObject) (o as unknown as { element: HTMLElement }).element.remove();
  });
  obj.clear();
}

const v3 = (p: Vec3) => new THREE.Vector3(p[0], p[1], p[2]);

/**
 * Points for a subset of the cloud (pointBudget.ts): each drawn as the patch of surface it stands for, its
 * side `anglePerPoint` times its distance from the camera that took the photo. From near that camera every
 * point then covers the same few screen pixels, near or far, and the picture has no gaps; one size for all
 * would leave near surfaces see-through and blot far ones. 2: points spread quasi-randomly overlap where a grid
 * would tile, and left gaps at 1.4 (seen on the samples).
 * projectionMatrix[1][1] (1 / tan(fov / 2)) makes the size a true projection: three.js's attenuation alone
 * draws a point of world size s at s * (height / 2) / depth pixels, about half its projected size at our fov.
 */
function sparsePointsMaterial(anglePerPoint: number, eye: Vec3): THREE.PointsMaterial {
  const mat = new THREE.PointsMaterial({ size: anglePerPoint * 2, vertexColors: true, sizeAttenuation: true });
  mat.onBeforeCompile = (shader) => {
    shader.uniforms.sourceEye = { value: v3(eye) };
    shader.vertexShader = `uniform vec3 sourceEye;\n${shader.vertexShader.replace('gl_PointSize = size;', 'gl_PointSize = size * distance( position, sourceEye ) * projectionMatrix[1][1];')}`;
  };
  mat.customProgramCacheKey = () => 'points-sized-from-source-eye';
  return mat;
}

export class SceneViewer {
  readonly stats: ViewerStats = { frames: 0, pointsTotal: 0, pointsDrawn: 0, softwareRenderer: false };
  private renderer: THREE.WebGLRenderer;
  private labels: CSS2DRenderer;
  private scene = new THREE.Scene();
  private camera = new THREE.PerspectiveCamera(55, 1, 0.05, 500);
  private controls: OrbitControls;
  private cloudGroup = new THREE.Group();
  private boxGroup = new THREE.Group();
  private visualGroup = new THREE.Group();
  private measureGroup = new THREE.Group();
  private gridGroup = new THREE.Group();
  private pending = 0;
  private resizeObserver: ResizeObserver;
  private home = { position: new THREE.Vector3(0, 1.5, 2), target: new THREE.Vector3(0, 0.5, -3) };
  private boxes = new Map<string, { mesh: THREE.LineSegments; color: THREE.Color; label: HTMLElement }>();
  private pointSize = 0.02;
  private pickRadius = 0.03;
  private points: THREE.Points | null = null;
  private raycaster = new THREE.Raycaster();
  private downAt: { x: number; y: number } | null = null;
  /** Called with a cloud point index when the person clicks (without dragging) on the cloud. */
  onPick: ((pointIndex: number) => void) | null = null;

  constructor(private container: HTMLElement) {
    this.renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.renderer.setClearColor(BACKGROUND);
    this.stats.softwareRenderer = isSoftwareRenderer(rendererName(this.renderer.getContext()));
    this.renderer.domElement.setAttribute('aria-label', '3D view of the scene: drag to orbit, scroll or + and - to zoom, arrow keys to move');
    this.renderer.domElement.setAttribute('role', 'img');
    this.renderer.domElement.tabIndex = 0;
    container.appendChild(this.renderer.domElement);
    this.labels = new CSS2DRenderer();
    this.labels.domElement.className = 'viewer-labels';
    container.appendChild(this.labels.domElement);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.enableDamping = false; // damping needs a frame loop; on-demand rendering has none
    this.controls.listenToKeyEvents(this.renderer.domElement);
    // zoom limits: never inside an object's label, never so far the scene is a dot
    this.controls.minDistance = 0.3;
    this.controls.maxDistance = 80;
    // arrow keys pan (OrbitControls); + and - zoom, like the scroll wheel
    this.renderer.domElement.addEventListener('keydown', (e) => {
      if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '_') {
        e.preventDefault();
        this.zoomBy(e.key === '-' || e.key === '_' ? 1 / 0.8 : 0.8);
      }
    });
    this.controls.addEventListener('change', () => this.requestRender());
    this.scene.add(this.gridGroup, this.cloudGroup, this.boxGroup, this.visualGroup, this.measureGroup);
    this.scene.add(new THREE.AmbientLight(0xffffff, 1));
    const el = this.renderer.domElement;
    el.addEventListener('pointerdown', (e) => (this.downAt = { x: e.clientX, y: e.clientY }));
    el.addEventListener('pointerup', (e) => {
      const d = this.downAt;
      this.downAt = null;
      // a click, not the end of an orbit drag
      if (d && Math.hypot(e.clientX - d.x, e.clientY - d.y) < 4) this.pick(e.clientX, e.clientY);
    });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
  }

  /** Draw one frame soon (coalesced: many requests in a frame give one draw). */
  requestRender(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.renderer.render(this.scene, this.camera);
      this.labels.render(this.scene, this.camera);
      declutterLabels(this.labels.domElement);
      this.stats.frames++;
    });
  }

  /** Move the camera towards (factor < 1) or away from the point it orbits, within the zoom limits. */
  zoomBy(factor: number): void {
    const offset = this.camera.position.clone().sub(this.controls.target);
    const d = Math.min(this.controls.maxDistance, Math.max(this.controls.minDistance, offset.length() * factor));
    this.camera.position.copy(this.controls.target).add(offset.setLength(d));
    this.controls.update();
    this.requestRender();
  }

  private bottomInset = 0;

  /**
   * Keep the picture above a panel covering the bottom `px` of the view (presenter mode's question strip):
   * the camera frames the uncovered part, the strip covers only what lies below the frame.
   */
  setBottomInset(px: number): void {
    this.bottomInset = Math.max(0, px);
    this.resize();
  }

  private resize(): void {
    const w = Math.max(1, this.container.clientWidth);
    const h = Math.max(1, this.container.clientHeight);
    this.renderer.setSize(w, h, true);
    this.labels.setSize(w, h);
    const visible = Math.max(h * 0.25, h - this.bottomInset);
    this.camera.aspect = w / visible;
    if (visible < h) this.camera.setViewOffset(w, visible, 0, 0, w, h);
    else this.camera.clearViewOffset();
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  setScene(scene: SceneGraph | null, cloud: PointCloud | null): void {
    for (const g of [this.cloudGroup, this.boxGroup, this.visualGroup, this.measureGroup, this.gridGroup]) disposeTree(g);
    this.boxes.clear();
    this.points = null;
    this.stats.pointsTotal = cloud?.count ?? 0;
    this.stats.pointsDrawn = this.stats.pointsTotal;
    if (cloud && cloud.count > 0) {
      const geo = new THREE.BufferGeometry();
      geo.setAttribute('position', new THREE.BufferAttribute(cloud.positions.subarray(0, cloud.count * 3), 3));
      geo.setAttribute('color', new THREE.BufferAttribute(cloud.colors.subarray(0, cloud.count * 3), 3, true));
      // an index draws the subset and keeps every position, so a click still reports the cloud's own index
      const subset = this.stats.softwareRenderer ? spreadSubset(cloud.count, SOFTWARE_POINT_BUDGET) : null;
      if (subset) geo.setIndex(new THREE.BufferAttribute(subset, 1));
      this.stats.pointsDrawn = subset?.length ?? cloud.count;
      geo.computeBoundingSphere();
      geo.computeBoundingBox();
      const bb = geo.boundingBox ?? new THREE.Box3(new THREE.Vector3(-2, 0, -5), new THREE.Vector3(2, 2, 0));
      const extent = bb.getSize(new THREE.Vector3());
      this.pointSize = Math.max(0.006, Math.min(0.06, Math.max(extent.x, extent.z) / 400));
      const share = cloud.count / this.stats.pointsDrawn;
      // a click reaches as far as the points drawn are apart
      this.pickRadius = this.pointSize * 1.5 * Math.sqrt(share);
      const pitch = subset ? angularPitch(cloud.positions, cloud.count, scene?.frame.translation ?? [0, 0, 0]) : 0;
      const mat = pitch > 0 ? sparsePointsMaterial(pitch * Math.sqrt(share), scene?.frame.translation ?? [0, 0, 0]) : new THREE.PointsMaterial({ size: this.pointSize, vertexColors: true, sizeAttenuation: true });
      this.points = new THREE.Points(geo, mat);
      this.cloudGroup.add(this.points);
      this.addGrid(bb);
      this.setHome(bb, scene);
    }
    if (scene) {
      const names = referenceCaptions(scene.objects);
      scene.objects.forEach((o, i) => {
        const color = new THREE.Color(objectColor(i));
        // solid: the box of what was seen; dashed: the faces the amodal box estimated
        const seen = o.amodal?.visibleAabb ?? o.aabb;
        const box = new THREE.Box3(v3(seen.min), v3(seen.max));
        if (box.isEmpty() || !Number.isFinite(box.min.x)) return;
        const helper = new THREE.Box3Helper(box, color);
        const label = makeLabel(names.get(o.id) ?? o.caption, 'viewer-label--object');
        label.position.set((box.min.x + box.max.x) / 2, box.max.y, (box.min.z + box.max.z) / 2);
        label.element.style.borderColor = color.getStyle();
        label.element.dataset.objectId = o.id;
        this.boxGroup.add(helper, label);
        const dashed = estimatedFaceLines(o, color);
        if (dashed) this.boxGroup.add(dashed);
        this.boxes.set(o.id, { mesh: helper, color, label: label.element });
      });
    }
    this.resetView();
  }

  private addGrid(bb: THREE.Box3): void {
    const size = Math.ceil(Math.max(2, bb.max.x - bb.min.x, bb.max.z - bb.min.z) * 1.2);
    const grid = new THREE.GridHelper(size, size, 0x4c5b70, 0x2a3340);
    grid.position.set((bb.min.x + bb.max.x) / 2, 0, (bb.min.z + bb.max.z) / 2);
    this.gridGroup.add(grid);
    const axes = new THREE.AxesHelper(0.5);
    this.gridGroup.add(axes);
  }

  private setHome(bb: THREE.Box3, scene: SceneGraph | null): void {
    const camY = scene?.frame.cameraHeight ?? 1.5;
    // Look at the objects when there are any (the cloud's box also holds walls and far background).
    const focus = new THREE.Box3();
    for (const o of scene?.objects ?? []) {
      if (o.pointCount > 0) focus.union(new THREE.Box3(v3(o.aabb.min), v3(o.aabb.max)));
    }
    if (focus.isEmpty()) focus.copy(bb);
    const centre = focus.getCenter(new THREE.Vector3());
    const reach = Math.max(1, -centre.z);
    // Slightly above and behind the real camera, so the view starts like the photo and shows depth.
    this.home.position.set(centre.x * 0.3, camY + 0.3 * reach, 0.12 * reach);
    this.home.target.copy(centre);
  }

  resetView(): void {
    this.camera.position.copy(this.home.position);
    this.controls.target.copy(this.home.target);
    this.camera.near = 0.05;
    this.camera.far = 1000;
    this.camera.updateProjectionMatrix();
    this.controls.update();
    this.requestRender();
  }

  /** The camera as share links and scene files keep it: position, orbit target, vertical fov (degrees). */
  getView(): { position: Vec3; target: Vec3; fov: number } {
    const p = this.camera.position;
    const t = this.controls.target;
    return { position: [p.x, p.y, p.z], target: [t.x, t.y, t.z], fov: this.camera.fov };
  }

  setView(view: { position: Vec3; target: Vec3; fov?: number }): void {
    this.camera.position.copy(v3(view.position));
    this.controls.target.copy(v3(view.target));
    if (view.fov !== undefined) this.camera.fov = view.fov;
    this.camera.updateProjectionMatrix();
    this.controls.update();
    this.requestRender();
  }

  private pick(clientX: number, clientY: number): void {
    if (!this.points || !this.onPick) return;
    const r = this.renderer.domElement.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - r.left) / r.width) * 2 - 1, -((clientY - r.top) / r.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    this.raycaster.params.Points = { threshold: this.pickRadius };
    const hit = this.raycaster.intersectObject(this.points, false)[0];
    if (hit?.index !== undefined) this.onPick(hit.index);
  }

  /** Highlight some objects and draw an answer's lines, bars and arrows. */
  setVisuals(visuals: Visual[], highlight: string[]): void {
    disposeTree(this.visualGroup);
    const on = new Set(highlight);
    for (const [id, b] of this.boxes) {
      const mat = b.mesh.material as THREE.LineBasicMaterial;
      const dim = on.size > 0 && !on.has(id);
      mat.color.copy(dim ? b.color.clone().multiplyScalar(0.35) : b.color);
      mat.linewidth = on.has(id) ? 3 : 1;
      b.label.classList.toggle('is-highlighted', on.has(id));
      b.label.classList.toggle('is-dimmed', dim);
    }
    for (const v of visuals) {
      if (v.kind === 'highlight') continue;
      if (v.kind === 'line') this.addSegment(v.from, v.to, v.label, 0xffd166, false);
      else if (v.kind === 'arrow') this.addSegment(v.from, v.to, v.label, 0x06d6a0, true);
      else if (v.kind === 'height-bar') this.addSegment(v.base, v.top, v.label, 0xef476f, false, true);
    }
    this.requestRender();
  }

  private addSegment(a: Vec3, b: Vec3, text: string, color: number, arrow: boolean, bar = false, group = this.visualGroup): void {
    const from = v3(a);
    const to = v3(b);
    const dir = to.clone().sub(from);
    const len = dir.length();
    if (!(len > 1e-6)) return;
    // tubes, not 1-pixel lines: thick enough to see on a projector or a phone
    const radius = Math.max(0.012, Math.min(0.03, len * 0.012));
    group.add(tube(from, arrow ? to.clone().sub(dir.clone().setLength(Math.min(0.25, len * 0.2))) : to, radius, color));
    if (arrow) {
      const headLen = Math.min(0.25, len * 0.2);
      const head = new THREE.Mesh(new THREE.ConeGeometry(radius * 3, headLen, 16), new THREE.MeshBasicMaterial({ color, depthTest: false }));
      head.position.copy(to.clone().sub(dir.clone().setLength(headLen / 2)));
      head.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), dir.clone().normalize());
      group.add(head);
    } else {
      const dot = new THREE.SphereGeometry(radius * 1.8, 12, 8);
      for (const p of [from, to]) {
        const m = new THREE.Mesh(dot, new THREE.MeshBasicMaterial({ color, depthTest: false }));
        m.position.copy(p);
        group.add(m);
      }
      if (bar) group.add(tube(to.clone().add(new THREE.Vector3(-0.1, 0, 0)), to.clone().add(new THREE.Vector3(0.1, 0, 0)), radius, color));
    }
    if (text) {
      const label = makeLabel(text, 'viewer-label--measure');
      label.position.copy(from.clone().add(to).multiplyScalar(0.5));
      group.add(label);
    }
  }

  setMeasure(points: Vec3[], text: string | null): void {
    disposeTree(this.measureGroup);
    if (points.length === 1) {
      const m = new THREE.Mesh(new THREE.SphereGeometry(0.03, 12, 8), new THREE.MeshBasicMaterial({ color: 0x00e5ff, depthTest: false }));
      m.position.copy(v3(points[0]));
      this.measureGroup.add(m);
    } else if (points.length === 2) {
      this.addSegment(points[0], points[1], text ?? '', 0x00e5ff, false, false, this.measureGroup);
    }
    this.requestRender();
  }

  dispose(): void {
    cancelAnimationFrame(this.pending);
    this.resizeObserver.disconnect();
    this.controls.dispose();
    for (const g of [this.cloudGroup, this.boxGroup, this.visualGroup, this.measureGroup, this.gridGroup]) disposeTree(g);
    this.renderer.dispose();
    this.renderer.domElement.remove();
    this.labels.domElement.remove();
  }
}
