// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './es/common.json';
import contacts from './es/contacts.json';
import disguise from './es/disguise.json';
import reports from './es/reports.json';
import settings from './es/settings.json';
import sync from './es/sync.json';
import vault from './es/vault.json';

export default { common, disguise, vault, settings, reports, contacts, sync };
