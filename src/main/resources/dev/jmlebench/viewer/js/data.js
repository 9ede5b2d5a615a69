// Data: documents from the server (api/KEY) or, in a static report, from scripts (data/KEY.js).
const SOURCE = document.body.dataset.source;
const cache = new Map();
/** What a static report's scripts have put, by key: a run's answers come in one script, all at once. */
const delivered = new Map();
/** Each script of a static report, loaded once: src → a promise that it ran. */
const scripts = new Map();
window.JMLE = {
  put(key, value) {
    delivered.set(key, value);
  },
};
// The served page brings its index with it (a data block, never run): the first view is drawn without asking.
const indexData = document.getElementById('index-data');
if (indexData) cache.set('index', Promise.resolve(JSON.parse(indexData.textContent)));

/** A document of the exam shown (see examShown in router.js). */
function load(key) {
  return loadDoc(examDocKey(examShown, key));
}

/** A document by its full key: the default exam's plain keys, exam/ID/KEY for another exam's, exams. */
function loadDoc(key) {
  if (cache.has(key)) return cache.get(key);
  const promise = SOURCE === 'static' ? loadScript(key) : fetch('api/' + urlPath(key)).then((r) => {
    if (!r.ok) throw Object.assign(new Error('api/' + key + ': ' + r.status + ' ' + r.statusText), { status: r.status });
    return r.json();
  });
  cache.set(key, promise);
  promise.catch(() => cache.delete(key));
  return promise;
}

/**
 * A static report's document, from its script. The ids in a key come from the address (#/model/ID), and a
 * page opened from disk may run any script on the disk: so a key becomes part of a script URL only once
 * the index lists each of its ids ('#/model/..%2F..%2Fevil' must never load a script from elsewhere).
 */
function loadScript(key) {
  const listed = key === 'index' ? Promise.resolve(true) : loadDoc('index').then((home) => isListedIn(home, key));
  return listed.then((ok) => {
    if (!ok) throw new Error('no such document: ' + key);
    return runScript('data/' + urlPath(scriptOf(key)) + '.js');
  }).then(() => {
    if (!delivered.has(key)) throw new Error('no such document: ' + key);
    return delivered.get(key);
  });
}

/** Runs a script once; a script that failed to load may be tried again. */
function runScript(src) {
  if (!scripts.has(src)) {
    scripts.set(src, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => { scripts.delete(src); reject(new Error('cannot load ' + src)); };
      document.head.append(script);
    }));
  }
  return scripts.get(src);
}

/** The ids each kind of key holds after its name: model/ID, answer/ID/QID, pair/ID/ID, ... */
const KEY_IDS = new Map([['pairs', []], ['model', ['models']], ['question', ['questions']],
  ['answer', ['models', 'questions']], ['pair', ['models', 'models']], ['question-texts', []], ['answer-texts', ['models']]]);

/**
 * Whether the default exam's index (home) lists every id of a full key: another exam only when home lists it
 * among the folder's exams, and that exam's ids in its own index.
 */
function isListedIn(home, key) {
  if (key === 'exams') return Array.isArray(home.exams);
  const other = splitExamKey(key);
  if (!other) return isListed(home, key);
  if (!(home.exams || []).some((e) => e.id === other.exam && e.id !== home.exam.id)) return false;
  return other.key === 'index' || loadDoc(examDocKey(other.exam, 'index')).then((index) => isListed(index, other.key));
}

function isListed(index, key) {
  const [kind, ...ids] = key.split('/');
  const lists = KEY_IDS.get(kind);
  return lists !== undefined && lists.length === ids.length
    && ids.every((id, i) => index[lists[i]].some((x) => x.id === id));
}

/** A key as a URL path: each part encoded, so that no id can add a segment or a query. */
function urlPath(key) {
  return key.split('/').map(encodeURIComponent).join('/');
}
