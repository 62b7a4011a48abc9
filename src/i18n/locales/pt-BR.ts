// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './pt-BR/common.json';
import contacts from './pt-BR/contacts.json';
import disguise from './pt-BR/disguise.json';
import reports from './pt-BR/reports.json';
import settings from './pt-BR/settings.json';
import sync from './pt-BR/sync.json';
import vault from './pt-BR/vault.json';

export default { common, disguise, vault, settings, reports, contacts, sync };
