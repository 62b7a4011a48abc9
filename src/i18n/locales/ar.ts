// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './ar/common.json';
import contacts from './ar/contacts.json';
import disguise from './ar/disguise.json';
import reports from './ar/reports.json';
import settings from './ar/settings.json';
import sync from './ar/sync.json';
import vault from './ar/vault.json';

export default { common, disguise, vault, settings, reports, contacts, sync };
