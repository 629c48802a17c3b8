import { useEffect, useRef } from 'react';
import { useScene } from '../../state/hooks';
import { isSceneFileName, openSceneFile, saveSceneFile } from './sceneFiles';
import { viewAccess } from './viewAccess';

/** "Save scene" / "Open scene", and .spatiallens files dropped anywhere on the page. */
export function SceneFileButtons() {
  const inputRef = useRef<HTMLInputElement>(null);
  const canSave = useScene((s) => Boolean(s.current?.scene));

  useEffect(() => {
    // Capture phase on window: runs before the photo drop handler, which would read the zip as an image.
    const onDrop = (e: DragEvent) => {
      const file = [...(e.dataTransfer?.files ?? [])].find((f) => isSceneFileName(f.name));
      if (!file) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      window.dispatchEvent(new DragEvent('dragleave')); // ends the photo drop overlay
      void openSceneFile(file, file.name, viewAccess);
    };
    window.addEventListener('drop', onDrop, { capture: true });
    return () => window.removeEventListener('drop', onDrop, { capture: true });
  }, []);

  return (
    <div className="scene-file-buttons">
      <button type="button" className="btn" disabled={!canSave} onClick={() => void saveSceneFile(viewAccess)}>
        Save scene
      </button>
      <button type="button" className="btn" onClick={() => inputRef.current?.click()}>
        Open scene…
      </button>
      <input
        ref={inputRef} type="file" accept=".spatiallens,application/zip" className="visually-hidden" tabIndex={-1}
        aria-label="Choose a scene file" data-testid="scene-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openSceneFile(f, f.name, viewAccess);
          e.target.value = '';
        }}
      />
    </div>
  );
}
