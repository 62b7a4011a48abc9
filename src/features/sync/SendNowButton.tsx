// "Send now": the worker's explicit go-ahead (the only way a report leaves under the "only
// when I tap Send" policy), with the outcome said calmly. Used in Settings and on a
// queued report.
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { SendOutcome } from './engine';
import { sendNow } from './queue';

function outcomeText(outcome: SendOutcome): string {
  if (outcome.kind === 'blocked') return t(`sync:blocked.${outcome.reason}`);
  const { sent, remaining } = outcome.result;
  if (sent > 0 && remaining === 0) return t('sync:result.sent', { count: sent });
  if (remaining > 0) return t('sync:result.later');
  return t('sync:result.nothing');
}

export function SendNowButton({ primary = false }: { primary?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div class="send-now">
      <button
        type="button"
        class={primary ? 'primary' : undefined}
        disabled={busy}
        aria-busy={busy}
        onClick={async () => {
          setBusy(true);
          setMessage(null);
          try {
            setMessage(outcomeText(await sendNow()));
          } catch {
            setMessage(t('errors.generic'));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('sync:sending') : t('sync:sendNow')}
      </button>
      {message && (
        <p role="status" class="hint">
          {message}
        </p>
      )}
    </div>
  );
}
