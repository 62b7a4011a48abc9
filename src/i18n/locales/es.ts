// Every namespace of one language, bundled as one lazily loaded (and precached) chunk.
import common from './es/common.json';
import disguise from './es/disguise.json';

export default { common, disguise };
