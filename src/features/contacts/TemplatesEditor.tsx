// Changing the check-in messages. Saved encrypted as one record; "go back to the
// original messages" deletes it so the defaults (in the user's language) apply again.
import { useEffect, useState } from 'preact/hooks';
import type { CheckInTemplate } from '../../core/contacts';
import { t } from '../../i18n';
import { templatesState } from './state';
import { deleteTemplates, putTemplates } from './store';

export function TemplatesEditor(p: { templates: CheckInTemplate[]; damaged: boolean }) {
  const [list, setList] = useState(p.templates);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  useEffect(() => setList(p.templates), [p.templates]);

  const save = async (next: CheckInTemplate[] | null) => {
    try {
      if (next) {
        const kept = next.filter((x) => x.text.trim() !== '');
        await putTemplates(kept);
        templatesState.set(kept);
      } else {
        await deleteTemplates();
        templatesState.set('defaults');
      }
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <details class="form-section templates">
      <summary>{t('contacts:checkin.editTemplates')}</summary>
      <div class="section-body">
        {p.damaged && <p class="warning">{t('contacts:checkin.damaged')}</p>}
        <p class="hint">{t('contacts:checkin.placeholders')}</p>
        {list.map((x, i) => (
          <div class="field" key={x.id}>
            <label for={`template-${i}`}>{t('contacts:checkin.templateLabel', { n: i + 1 })}</label>
            <textarea
              id={`template-${i}`}
              rows={3}
              value={x.text}
              spellcheck={false}
              onInput={(e) => {
                const text = e.currentTarget.value;
                setList(list.map((y) => (y.id === x.id ? { ...y, text } : y)));
                setStatus('idle');
              }}
            />
            <button
              type="button"
              class="link"
              onClick={() => setList(list.filter((y) => y.id !== x.id))}
            >
              {t('contacts:checkin.removeTemplate', { n: i + 1 })}
            </button>
          </div>
        ))}
        <div class="actions">
          <button
            type="button"
            onClick={() => setList([...list, { id: crypto.randomUUID(), text: '' }])}
          >
            {t('contacts:checkin.addTemplate')}
          </button>
          <button type="button" class="primary" onClick={() => void save(list)}>
            {t('contacts:checkin.saveTemplates')}
          </button>
          <button type="button" class="link" onClick={() => void save(null)}>
            {t('contacts:checkin.reset')}
          </button>
        </div>
        <p class={status === 'failed' ? 'error' : 'ok'} role="status">
          {status === 'saved'
            ? t('contacts:checkin.saved')
            : status === 'failed'
              ? t('contacts:checkin.saveFailed')
              : null}
        </p>
      </div>
    </details>
  );
}
