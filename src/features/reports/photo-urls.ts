// Decrypted photos are shown through blob: URLs (the CSP allows img-src blob:). Each URL
// is revoked when its image leaves the screen, and every one still open is revoked on
// lock, so no decrypted photo outlives the session in the page's blob store.
import { useEffect, useState } from 'preact/hooks';
import { onLock } from '../../app/session';
import { loadPhoto, loadThumb } from './photo-store';

const live = new Set<string>();

onLock(() => {
  for (const url of live) URL.revokeObjectURL(url);
  live.clear();
});

export type PhotoUrl =
  | { state: 'loading' }
  | { state: 'damaged' }
  | { state: 'ready'; url: string };

export function usePhotoUrl(photoId: string, size: 'thumb' | 'full'): PhotoUrl {
  const [shown, setShown] = useState<PhotoUrl>({ state: 'loading' });
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    setShown({ state: 'loading' });
    (size === 'thumb' ? loadThumb(photoId) : loadPhoto(photoId))
      .then((bytes) => {
        if (cancelled) return;
        if (!bytes.ok) return setShown({ state: 'damaged' });
        url = URL.createObjectURL(new Blob([bytes.value as BlobPart], { type: 'image/jpeg' }));
        live.add(url);
        setShown({ state: 'ready', url });
      })
      .catch(() => {
        if (!cancelled) setShown({ state: 'damaged' });
      });
    return () => {
      cancelled = true;
      if (url) {
        URL.revokeObjectURL(url);
        live.delete(url);
      }
    };
  }, [photoId, size]);
  return shown;
}
