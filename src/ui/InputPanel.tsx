import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEPTH_SCALES, loadPhotoFile, loadRgbdPair, type DepthScale } from '../state/loadScene';
import { notify } from '../state/sceneStore';

const ACCEPT = 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp';

/** Photo buttons (picker, camera) and the RGB-D form. Drop and paste are handled app-wide (DropTarget). */
export function InputPanel() {
  const fileRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  return (
    <div className="input-panel">
      <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
        Open photo…
      </button>
      <input
        ref={fileRef} type="file" accept={ACCEPT} className="visually-hidden" aria-label="Choose a photo" data-testid="photo-input" tabIndex={-1}
        onChange={(e) => { const f = e.target.files?.[0]; if (f) void loadPhotoFile(f); e.target.value = ''; }}
      />
      <button type="button" className="btn" onClick={() => cameraRef.current?.click()}>
        Camera
      </button>
      <input
        ref={cameraRef} type="file" accept="image/*" capture="environment" className="visually-hidden" aria-label="Take a photo with the camera" tabIndex={-1}
        onChange={(e) => { const f = e.target.files?.[0]; if (f) void loadPhotoFile(f); e.target.value = ''; }}
      />
    </div>
  );
}

export function RgbdForm({ onDone }: { onDone?: () => void }) {
  const [photo, setPhoto] = useState<File | null>(null);
  const [depth, setDepth] = useState<File | null>(null);
  const [objectsFile, setObjectsFile] = useState<File | null>(null);
  const [scale, setScale] = useState<DepthScale>('mm');
  const [k, setK] = useState({ fx: '', fy: '', cx: '', cy: '' });
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!photo || !depth) {
      notify('error', 'Choose both a photo and a 16-bit depth PNG.');
      return;
    }
    const intrinsics = { fx: num(k.fx), fy: num(k.fy), cx: num(k.cx), cy: num(k.cy) };
    if (Object.values(intrinsics).some((v) => v !== undefined && !(Number.isFinite(v) && v >= 0))) {
      notify('error', 'Intrinsics must be positive numbers (pixels), or left empty.');
      return;
    }
    await loadRgbdPair(photo, depth, { scale, intrinsics, objectsFile: objectsFile ?? undefined });
    onDone?.();
  };
  return (
    <form className="rgbd-form" onSubmit={submit} aria-label="Load an RGB-D pair">
      <label>
        Photo
        <input type="file" accept={ACCEPT} onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} data-testid="rgbd-photo" />
      </label>
      <label>
        Depth (16-bit PNG)
        <input type="file" accept="image/png,.png" onChange={(e) => setDepth(e.target.files?.[0] ?? null)} data-testid="rgbd-depth" />
      </label>
      <label>
        Object boxes (optional, JSON)
        <input type="file" accept="application/json,.json" onChange={(e) => setObjectsFile(e.target.files?.[0] ?? null)} data-testid="rgbd-objects" title={'[{"caption": "chair", "box": [x0, y0, x1, y1]}] in the photo\'s pixels'} />
      </label>
      <label>
        Depth units
        <select value={scale} onChange={(e) => setScale(e.target.value as DepthScale)}>
          {(Object.keys(DEPTH_SCALES) as DepthScale[]).map((s) => (
            <option key={s} value={s}>{DEPTH_SCALES[s].label}</option>
          ))}
        </select>
      </label>
      <fieldset className="intrinsics">
        <legend>Intrinsics in pixels (optional)</legend>
        {(['fx', 'fy', 'cx', 'cy'] as const).map((key) => (
          <label key={key}>
            {key}
            <input type="text" inputMode="decimal" value={k[key]} onChange={(e) => setK({ ...k, [key]: e.target.value })} size={6} />
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn--primary">Load RGB-D</button>
    </form>
  );
}

/** Drop a file anywhere, or paste an image. Two files dropped together are read as photo + depth. */
export function useDropAndPaste(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setOver(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!files.length) return;
      e.preventDefault();
      setOver(false);
      if (files.length >= 2) {
        // The depth file is the PNG whose name says so; otherwise the second file.
        const named = files.findIndex((f) => /depth/i.test(f.name));
        const d = named >= 0 ? named : 1;
        const photo = files[d === 0 ? 1 : 0];
        void loadRgbdPair(photo, files[d], { scale: 'mm' });
      } else {
        void loadPhotoFile(files[0]);
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) {
        if (![...(e.clipboardData?.items ?? [])].some((i) => i.kind === 'file')) return;
      }
      const item = [...(e.clipboardData?.items ?? [])].find((i) => i.kind === 'file');
      const file = item?.getAsFile();
      if (!file) return;
      e.preventDefault();
      void loadPhotoFile(file, file.name || 'pasted image');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, []);
  return over;
}
