// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './fr/common.json';
import contacts from './fr/contacts.json';
import disguise from './fr/disguise.json';
import reports from './fr/reports.json';
import settings from './fr/settings.json';
import sync from './fr/sync.json';
import vault from './fr/vault.json';

export default { common, disguise, vault, settings, reports, contacts, sync };
