// IndexedDB for Node: every unit test gets the fake-indexeddb globals.
import 'fake-indexeddb/auto';
