// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './en/common.json';
import contacts from './en/contacts.json';
import disguise from './en/disguise.json';
import reports from './en/reports.json';
import settings from './en/settings.json';
import sync from './en/sync.json';
import vault from './en/vault.json';

export default { common, disguise, vault, settings, reports, contacts, sync };
