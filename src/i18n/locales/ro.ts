// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './ro/common.json';
import contacts from './ro/contacts.json';
import disguise from './ro/disguise.json';
import reports from './ro/reports.json';
import settings from './ro/settings.json';
import sync from './ro/sync.json';
import vault from './ro/vault.json';

export default { common, disguise, vault, settings, reports, contacts, sync };
