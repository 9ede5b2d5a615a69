// Router: the view and its parameters live in the URL hash, so every view can be shared.
function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { view: parts[0] || 'leaderboard', arg: parts.slice(1).join('/'), params: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}

/**
 * The exam shown: null for the folder's default (the newest; plain URLs and keys), else its id, from ?exam=ID
 * in the address. Every link keeps it (hashOf), so a shared link opens the same exam.
 */
let examShown = null;

/** A view's address; it keeps the exam shown unless params name one (exam: null is the default exam). */
function hashOf(view, arg, params) {
  let s = '#/' + (view === 'leaderboard' ? '' : view) + (arg ? '/' + encodeURIComponent(arg) : '');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ exam: examShown, ...params })) {
    if (v != null && v !== '') q.set(k, v);
  }
  const qs = q.toString().replace(/%2C/g, ',');
  return qs ? s + '?' + qs : s;
}

/** Changes some parameters of the current view, replacing the history entry (filters, selection). */
function setParams(changes) {
  const r = parseHash();
  const params = Object.fromEntries(r.params);
  Object.assign(params, changes);
  location.replace(hashOf(r.view, r.arg, params));
}

let current = null;
let renderToken = 0;
let shownPath = null;

async function render() {
  const r = parseHash();
  const token = ++renderToken;
  const main = document.getElementById('main');
  examShown = r.params.get('exam') || null;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    a.classList.toggle('active', a.dataset.nav === r.view);
    a.setAttribute('href', hashOf(a.dataset.nav));
  });
  try {
    const view = VIEWS[r.view];
    if (!view) throw new Error('no such view: ' + r.view);
    // Ask for the view's own data at once, not after the index has arrived: the requests overlap.
    if (view.prefetch) view.prefetch(r).forEach((key) => load(key).catch(() => {}));
    // The default exam's index lists the folder's exams; another exam's index follows it.
    const home = await loadDoc('index');
    performance.mark('index ready');
    if (token !== renderToken) return;
    if (examShown === home.exam.id) examShown = null;
    if (examShown && !(home.exams || []).some((e) => e.id === examShown)) throw new Error('no exam "' + examShown + '" in these results');
    const index = examShown ? await load('index') : home;
    const key = (examShown || '') + ' ' + view.key(r);
    if (current && current.key === key) {
      await current.update(r.params);
      return;
    }
    const started = performance.now();
    const made = await view.make(r, index);
    if (token !== renderToken) return;
    made.key = key;
    current = made;
    main.replaceChildren(partialNote(home), made.el);
    // A new page starts at the top; a changed filter or sort of the same page keeps the reader's place.
    if (shownPath !== r.view + '/' + r.arg) window.scrollTo(0, 0);
    shownPath = r.view + '/' + r.arg;
    if (made.update) await made.update(r.params);
    // Visible in the browser's performance timeline (the benchmark prints it).
    performance.measure('view ' + r.view, { start: started });
    document.title = made.title + ' — jmle-bench viewer';
    // The jump menus are not needed for the first paint.
    setTimeout(() => setupNav(index, home, r.view), 0);
  } catch (e) {
    if (token !== renderToken) return;
    current = null;
    // 503 before serve has read the first files of its folder: the view is drawn when they are (live.js).
    main.replaceChildren(e.status === 503 ? h('p', { class: 'loading', 'data-testid': 'reading-first' }, 'Reading the results folder…')
      : h('div', { class: 'error-box' }, String(e.message || e)));
  }
}

/**
 * A page drawn from part of a folder still being read (serve reads a large folder after it starts listening)
 * says so above everything: ranks and figures of some of the runs are not those of the folder.
 */
function partialNote(home) {
  if (!home.reading) return '';
  return h('div', { class: 'partial-note', 'data-testid': 'partial' }, 'Partial: ' + num(home.reading.read) + ' of '
    + num(home.reading.files) + ' files of the folder read so far; this page shows those only, and is drawn again as more are read.');
}
