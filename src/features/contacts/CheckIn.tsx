// Check-in before a booking: fill a message with where and when, then hand it to the
// phone's messaging app for a chosen contact (sms: link). Place and time are kept only
// in this screen's state; they are never stored.
import '../reports/reports.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { go } from '../../app/router';
import { useStore } from '../../app/store';
import { defaultTemplates, fillTemplate, smsHref, type TemplateValues } from '../../core/contacts';
import { i18next, t } from '../../i18n';
import { RadioGroup, TextField } from '../reports/fields';
import { formatClock } from '../reports/format';
import { contactsState, loadContacts, loadTemplates, templatesState } from './state';
import { TemplatesEditor } from './TemplatesEditor';

export function CheckIn() {
  const contacts = useStore(contactsState);
  const saved = useStore(templatesState);
  const [place, setPlace] = useState('');
  const [time, setTime] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    void loadContacts();
    void loadTemplates();
  }, []);

  const language = i18next.language;
  const templates = useMemo(
    () => (Array.isArray(saved) ? saved : defaultTemplates((id) => t(`contacts:templates.${id}`))),
    [saved, language],
  );
  const template = templates.find((x) => x.id === chosen) ?? templates[0];
  const values: TemplateValues = {
    ...(place.trim() ? { place: place.trim() } : {}),
    ...(time ? { time: formatClock(time) } : {}),
  };
  const reachable = (contacts ?? []).flatMap((e) =>
    e.value && smsHref(e.value.phone) ? [e.value] : [],
  );

  return (
    <section class="screen checkin">
      <h1 tabIndex={-1}>{t('contacts:checkin.title')}</h1>
      <p class="hint">{t('contacts:checkin.intro')}</p>
      <TextField
        id="checkin-place"
        label={t('contacts:checkin.place')}
        hint={t('contacts:checkin.placeHint')}
        value={place}
        onValue={setPlace}
      />
      <TextField
        id="checkin-time"
        type="time"
        label={t('contacts:checkin.time')}
        value={time}
        onValue={setTime}
      />
      {templates.length > 0 && template && (
        <RadioGroup
          name="checkin-template"
          legend={t('contacts:checkin.message')}
          options={templates.map((x) => ({ value: x.id, label: fillTemplate(x.text, values) }))}
          value={template.id}
          onValue={setChosen}
        />
      )}
      {template && (
        <>
          <h2>{t('contacts:checkin.preview')}</h2>
          <p class="message-preview" aria-live="polite">
            {fillTemplate(template.text, values)}
          </p>
          <h2>{t('contacts:checkin.sendTitle')}</h2>
          {reachable.length === 0 ? (
            <>
              <p>{t('contacts:checkin.noContacts')}</p>
              <button type="button" onClick={() => go({ name: 'contact', id: null })}>
                {t('contacts:checkin.addContact')}
              </button>
            </>
          ) : (
            <div class="actions">
              {reachable.map((c) => (
                <a
                  key={c.id}
                  class="button primary"
                  href={
                    smsHref(c.phone, fillTemplate(template.text, { ...values, name: c.name })) ??
                    undefined
                  }
                >
                  {t('contacts:checkin.textTo', { name: c.name })}
                </a>
              ))}
            </div>
          )}
        </>
      )}
      <TemplatesEditor templates={templates} damaged={saved === 'damaged'} />
    </section>
  );
}
