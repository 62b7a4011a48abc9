// "Send now" for a queued report: the worker's explicit go-ahead, which is the only way a
// report leaves under the "only when I tap Send" policy. The outcome is said calmly.
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { type SendOutcome, sendNow, useSendState } from '../sync';

function outcomeText(outcome: SendOutcome): string | null {
  if (outcome.kind === 'blocked') return t(`sync:blocked.${outcome.reason}`);
  return null;
}

export function SendButton({ id }: { id: string }) {
  const state = useSendState(id);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (state.state !== 'queued') return null;
  return (
    <div class="send-now">
      <button
        type="button"
        class="primary"
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
        <p class="hint" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
