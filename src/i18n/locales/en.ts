// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './en/common.json';
import disguise from './en/disguise.json';

export default { common, disguise };
