// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './th/common.json';
import contacts from './th/contacts.json';
import disguise from './th/disguise.json';
import reports from './th/reports.json';
import settings from './th/settings.json';
import sync from './th/sync.json';
import vault from './th/vault.json';

export default { common, disguise, vault, settings, reports, contacts, sync };
