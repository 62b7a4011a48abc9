// The list of safety contacts: one tap to call or text. Emergency contacts come first.
import '../reports/reports.css';
import { useEffect } from 'preact/hooks';
import { go } from '../../app/router';
import { useStore } from '../../app/store';
import { type Contact, smsHref, telHref } from '../../core/contacts';
import { t } from '../../i18n';
import { DamagedEntry } from '../../ui/DamagedEntry';
import { contactsFailed, contactsState, forgetContact, loadContacts } from './state';
import { deleteContact } from './store';

function Card({ contact }: { contact: Contact }) {
  const tel = telHref(contact.phone);
  const sms = smsHref(contact.phone);
  return (
    <li class="contact-card">
      <h2>
        {contact.name}{' '}
        {contact.emergency && <span class="badge">{t('contacts:list.emergency')}</span>}
      </h2>
      {contact.relationship && <p class="hint">{contact.relationship}</p>}
      <p dir="ltr">{contact.phone}</p>
      {contact.note && <p>{contact.note}</p>}
      <div class="actions">
        {tel && (
          <a
            class={contact.emergency ? 'button primary' : 'button'}
            href={tel}
            aria-label={t('contacts:list.callName', { name: contact.name })}
          >
            {t('contacts:list.call')}
          </a>
        )}
        {sms && (
          <a
            class="button"
            href={sms}
            aria-label={t('contacts:list.textName', { name: contact.name })}
          >
            {t('contacts:list.text')}
          </a>
        )}
        <button
          type="button"
          aria-label={t('contacts:list.editName', { name: contact.name })}
          onClick={() => go({ name: 'contact', id: contact.id })}
        >
          {t('contacts:list.edit')}
        </button>
      </div>
    </li>
  );
}

function Damaged({ id }: { id: string }) {
  return (
    <DamagedEntry
      class="contact-card"
      confirmText={t('contacts:list.deleteConfirm')}
      deleteText={t('contacts:list.delete')}
      onDelete={async () => {
        await deleteContact(id);
        forgetContact(id);
      }}
    />
  );
}

export function Contacts() {
  const list = useStore(contactsState);
  const failed = useStore(contactsFailed);
  useEffect(() => {
    void loadContacts();
  }, []);
  return (
    <section class="screen contacts">
      <h1 tabIndex={-1}>{t('contacts:list.title')}</h1>
      <p class="hint">{t('contacts:list.intro')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => go({ name: 'contact', id: null })}>
          {t('contacts:list.add')}
        </button>
        <button type="button" onClick={() => go({ name: 'checkin' })}>
          {t('contacts:list.checkin')}
        </button>
      </div>
      {failed && (
        <p class="error" role="alert">
          {t('contacts:list.failed')}
        </p>
      )}
      {!list && !failed && <p role="status">{t('contacts:list.loading')}</p>}
      {list && list.length === 0 && <p>{t('contacts:list.empty')}</p>}
      {list && list.length > 0 && (
        <ul class="contact-list">
          {list.map((e) =>
            e.value ? <Card key={e.id} contact={e.value} /> : <Damaged key={e.id} id={e.id} />,
          )}
        </ul>
      )}
    </section>
  );
}
