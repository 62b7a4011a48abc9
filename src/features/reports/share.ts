// What the partner organisation receives for one report, and when. The worker's consent
// tier decides: 'private' never leaves (and a queued copy is taken back), the other tiers
// are queued sealed to the partner's key. The sealed copy carries the report and its
// photos (the re-encoded JPEGs, base64); if that is too large for the biggest padding
// bucket, it goes without the photos and says how many were left out.
import type { Report } from '../../core/reports';
import { applyConsent, consentAllowsSending, onReceipts } from '../sync';
import { loadPhoto, toBase64 } from './photo-store';
import { removeReport } from './save';
import { getReport } from './store';

export type ShareOutcome = Awaited<ReturnType<typeof applyConsent>> | 'queued-without-photos';

async function withPhotos(report: Report): Promise<object> {
  const photos = [];
  for (const ref of report.photos) {
    const bytes = await loadPhoto(ref.id);
    if (bytes.ok) {
      photos.push({
        id: ref.id,
        mime: ref.mime,
        width: ref.width,
        height: ref.height,
        data: toBase64(bytes.value),
      });
    }
  }
  return { ...report, photos };
}

export async function shareReport(report: Report): Promise<ShareOutcome> {
  if (!consentAllowsSending(report.consent)) return applyConsent(report);
  const outcome = await applyConsent(report, await withPhotos(report));
  if (outcome !== 'too-large') return outcome;
  const retry = await applyConsent(report, {
    ...report,
    photos: [],
    photosLeftOut: report.photos.length,
  });
  return retry === 'queued' || retry === 'replaced' ? 'queued-without-photos' : retry;
}

// "Delete my copy once the partner has it": the receipts arrive on unlock (or while open).
onReceipts(({ receipts, deleteLocalCopy }) => {
  if (!deleteLocalCopy) return;
  void (async () => {
    for (const { id } of receipts) {
      const report = await getReport(id).catch(() => null);
      if (report && typeof report === 'object' && 'id' in report) await removeReport(report);
    }
  })();
});
