// "Photos": pick from the camera or gallery; each picked file is checked (size, count),
// re-encoded without metadata, encrypted in pieces and added to the draft.
import { useState } from 'preact/hooks';
import { t } from '../../../i18n';
import { flushDraft } from '../draft';
import { Section } from '../fields';
import { checkPhotoFile, cleanPhoto, MAX_PHOTOS, type PhotoProblem } from '../images';
import { PhotoThumb } from '../Photos';
import { deletePhoto, savePhoto } from '../photo-store';
import { getReport } from '../store';
import type { SectionProps } from './types';

type Message = PhotoProblem | 'added' | 'adding' | null;

const MESSAGE_KEYS = {
  'too-large': 'tooLarge',
  'too-many': 'tooMany',
  'not-image': 'notImage',
  failed: 'failed',
  added: 'added',
  adding: 'adding',
} as const;

export function PhotosSection({ report, change }: SectionProps) {
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const busy = message === 'adding';

  const add = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be picked again, and no File lingers in the DOM
    if (!file) return;
    const problem = checkPhotoFile(file, report.photos.length);
    if (problem) return setMessage(problem);
    setMessage('adding');
    const clean = await cleanPhoto(file);
    if (!clean.ok) return setMessage(clean.error);
    try {
      const ref = await savePhoto({ reportId: report.id, ...clean.value });
      change((r) => ({ ...r, photos: [...r.photos, ref] }));
      // Seal the draft now, so the stored photo is never left without its report.
      void flushDraft();
      setMessage('added');
    } catch {
      setMessage('failed');
    }
  };

  const remove = async (photoId: string) => {
    setConfirming(null);
    change((r) => ({ ...r, photos: r.photos.filter((p) => p.id !== photoId) }));
    void flushDraft();
    // A photo the saved report does not have is only in this draft: delete it now. One
    // the saved report has is deleted when the report is saved without it.
    const saved = await getReport(report.id).catch(() => 'damaged' as const);
    if (
      saved === 'missing' ||
      (typeof saved === 'object' && !saved.photos.some((p) => p.id === photoId))
    ) {
      await deletePhoto(photoId).catch(() => undefined);
    }
  };

  return (
    <Section id="section-photos" title={t('reports:sections.photos')}>
      <p class="hint" id="photo-hint">
        {t('reports:photos.hint')}
      </p>
      {report.photos.length > 0 && (
        <ul class="photo-grid">
          {report.photos.map((photo, i) => (
            <li key={photo.id}>
              <PhotoThumb photoId={photo.id} n={i + 1} />
              {confirming === photo.id ? (
                <div
                  class="confirm"
                  role="alertdialog"
                  aria-label={t('reports:photos.removeConfirm')}
                >
                  <p>{t('reports:photos.removeConfirm')}</p>
                  <button type="button" class="danger" onClick={() => void remove(photo.id)}>
                    {t('reports:photos.removeYes')}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('reports:photos.keep')}
                  </button>
                </div>
              ) : (
                <button type="button" class="link" onClick={() => setConfirming(photo.id)}>
                  {t('reports:photos.remove', { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">
        {t('reports:photos.count', { count: report.photos.length, max: MAX_PHOTOS })}
      </p>
      <label class={`file-button${busy || report.photos.length >= MAX_PHOTOS ? ' disabled' : ''}`}>
        {t('reports:photos.add')}
        <input
          type="file"
          accept="image/*"
          class="visually-hidden"
          aria-describedby="photo-hint photo-message"
          disabled={busy}
          onChange={(e) => void add(e.currentTarget)}
        />
      </label>
      <p
        id="photo-message"
        class={message === 'added' || message === 'adding' ? 'hint' : 'error'}
        role={message === 'added' || message === 'adding' ? 'status' : 'alert'}
      >
        {message ? t(`reports:photos.${MESSAGE_KEYS[message]}`) : null}
      </p>
    </Section>
  );
}
