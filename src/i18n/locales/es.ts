// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './es/common.json';
import disguise from './es/disguise.json';
import settings from './es/settings.json';
import vault from './es/vault.json';

export default { common, disguise, vault, settings };
