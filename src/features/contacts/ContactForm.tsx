// Adding or editing one safety contact.
import '../reports/reports.css';
import { useEffect, useState } from 'preact/hooks';
import { go } from '../../app/router';
import {
  type Contact,
  type ContactProblem,
  emptyContact,
  validateContact,
  withPhone,
} from '../../core/contacts';
import { t } from '../../i18n';
import { TextField } from '../reports/fields';
import { forgetContact, rememberContact } from './state';
import { deleteContact, getContact, putContact } from './store';

function problemText(p: ContactProblem | undefined): string | null {
  if (!p) return null;
  if (p.field === 'name') return t('contacts:form.nameRequired');
  return p.error === 'required'
    ? t('contacts:form.phoneRequired')
    : t('contacts:form.phoneInvalid');
}

export function ContactForm({ id }: { id: string | null }) {
  const [contact, setContact] = useState<Contact | 'loading' | 'missing' | 'damaged'>(() =>
    id === null ? emptyContact(crypto.randomUUID(), new Date()) : 'loading',
  );
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    getContact(id)
      .then((found) => live && setContact(found))
      .catch(() => live && setContact('damaged'));
    return () => {
      live = false;
    };
  }, [id]);

  if (typeof contact === 'string') {
    return (
      <section class="screen">
        <h1 tabIndex={-1}>{t('contacts:form.editTitle')}</h1>
        <p role="status">
          {contact === 'loading'
            ? t('contacts:form.loading')
            : contact === 'missing'
              ? t('contacts:form.notFound')
              : t('vault:damagedEntry')}
        </p>
      </section>
    );
  }

  const problems = showErrors ? validateContact(contact) : [];
  const error = (field: ContactProblem['field']) =>
    problemText(problems.find((p) => p.field === field));
  const set = (patch: Partial<Contact>) => setContact({ ...contact, ...patch });

  const save = async (event: Event) => {
    event.preventDefault();
    const found = validateContact(contact);
    if (found.length > 0) {
      setShowErrors(true);
      const first = found[0]?.field === 'name' ? 'contact-name' : 'contact-phone';
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    setBusy(true);
    setFailed(false);
    const saved = { ...withPhone(contact, contact.phone), updatedAt: new Date().toISOString() };
    try {
      await putContact(saved);
      rememberContact(saved);
      go({ name: 'contacts' });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  const remove = async () => {
    setConfirming(false);
    try {
      await deleteContact(contact.id);
      forgetContact(contact.id);
      go({ name: 'contacts' });
    } catch {
      setFailed(true);
    }
  };

  return (
    <form class="screen contact-form" onSubmit={save} noValidate>
      <h1 tabIndex={-1}>
        {id === null ? t('contacts:form.newTitle') : t('contacts:form.editTitle')}
      </h1>
      <fieldset class="plain" disabled={busy}>
        <TextField
          id="contact-name"
          label={t('contacts:form.name')}
          hint={t('contacts:form.nameHint')}
          value={contact.name}
          onValue={(name) => set({ name })}
          error={error('name')}
        />
        <TextField
          id="contact-phone"
          type="tel"
          inputMode="tel"
          label={t('contacts:form.phone')}
          value={contact.phone}
          onValue={(phone) => set({ phone })}
          error={error('phone')}
        />
        <TextField
          id="contact-relationship"
          label={t('contacts:form.relationship')}
          hint={t('contacts:form.relationshipHint')}
          value={contact.relationship}
          onValue={(relationship) => set({ relationship })}
        />
        <TextField
          id="contact-note"
          multiline
          label={t('contacts:form.note')}
          value={contact.note}
          onValue={(note) => set({ note })}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={contact.emergency}
            aria-describedby="contact-emergency-hint"
            onChange={(e) => set({ emergency: e.currentTarget.checked })}
          />
          {t('contacts:form.emergency')}
        </label>
        <p class="hint" id="contact-emergency-hint">
          {t('contacts:form.emergencyHint')}
        </p>
      </fieldset>
      {failed && (
        <p class="error" role="alert">
          {t('contacts:form.saveFailed')}
        </p>
      )}
      <button type="submit" class="primary wide" disabled={busy} aria-busy={busy}>
        {busy ? t('contacts:form.saving') : t('contacts:form.save')}
      </button>
      {id !== null &&
        (confirming ? (
          <div class="confirm" role="alertdialog" aria-label={t('contacts:form.deleteConfirm')}>
            <p>{t('contacts:form.deleteConfirm')}</p>
            <button type="button" class="danger" onClick={() => void remove()}>
              {t('contacts:form.deleteYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('contacts:form.keep')}
            </button>
          </div>
        ) : (
          <button type="button" class="danger wide" onClick={() => setConfirming(true)}>
            {t('contacts:form.delete')}
          </button>
        ))}
    </form>
  );
}
