// Thumbnails and the full-size viewer for evidence photos, decrypted into blob: URLs.
import { t } from '../../i18n';
import { usePhotoUrl } from './photo-urls';

export function PhotoThumb(p: { photoId: string; n: number; onOpen?: () => void }) {
  const shown = usePhotoUrl(p.photoId, 'thumb');
  if (shown.state === 'damaged') {
    return <p class="photo-damaged">{t('vault:damagedEntry')}</p>;
  }
  const img =
    shown.state === 'ready' ? (
      <img class="thumb" src={shown.url} alt={t('reports:photos.alt', { n: p.n })} />
    ) : (
      <span class="thumb loading" role="img" aria-label={t('reports:photos.loading')} />
    );
  if (!p.onOpen) return img;
  return (
    <button
      type="button"
      class="thumb-button"
      aria-label={t('reports:photos.open', { n: p.n })}
      onClick={p.onOpen}
    >
      {img}
    </button>
  );
}

export function PhotoViewer(p: { photoId: string; n: number; onClose: () => void }) {
  const shown = usePhotoUrl(p.photoId, 'full');
  return (
    <figure class="photo-viewer">
      {shown.state === 'ready' && (
        <img class="photo-full" src={shown.url} alt={t('reports:photos.alt', { n: p.n })} />
      )}
      {shown.state === 'loading' && <p role="status">{t('reports:photos.loading')}</p>}
      {shown.state === 'damaged' && <p class="error">{t('vault:damagedEntry')}</p>}
      <figcaption>
        <button type="button" class="no-print" onClick={p.onClose}>
          {t('reports:photos.close')}
        </button>
      </figcaption>
    </figure>
  );
}
