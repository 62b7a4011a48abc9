// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './zh-CN/common.json';
import contacts from './zh-CN/contacts.json';
import disguise from './zh-CN/disguise.json';
import reports from './zh-CN/reports.json';
import settings from './zh-CN/settings.json';
import sync from './zh-CN/sync.json';
import vault from './zh-CN/vault.json';

export default { common, disguise, vault, settings, reports, contacts, sync };
