// Runs Ferry's snippet (fetched from the collector) in a minimal page: an Adobe Client Data Layer that behaves as
// adobe-client-data-layer 3 does for event listeners, a storefront that publishes events as the storefront events
// SDK does (the ACDL state merged into each event's eventInfo), a cookie jar, and fetch/sendBeacon that reach the
// collector over real HTTP with the Origin and Cookie headers a browser would send. Not a browser: it proves the
// snippet's logic and its wire format, not browser behaviour.
//
// node harness.mjs <collector base URL> <page origin> <scenario: journey|optout> <contexts JSON file>
import fs from 'node:fs';
import vm from 'node:vm';

const [base, pageOrigin, scenario, contextsFile] = process.argv.slice(2);
const contexts = JSON.parse(fs.readFileSync(contextsFile, 'utf8'));
const scriptUrl = base + '/v1/storefront/ferry.js';
const jar = new Map();
const requests = [];
const pending = [];

function cookieHeader() {
  return [...jar].map(([name, value]) => name + '=' + value).join('; ');
}

async function post(kind, url, init) {
  const headers = Object.assign({}, init.headers || {});
  if (jar.size) headers.Cookie = cookieHeader();
  if (pageOrigin !== new URL(url).origin || kind === 'fetch') headers.Origin = pageOrigin;
  const body = init.body instanceof Blob ? Buffer.from(await init.body.arrayBuffer()) : init.body;
  if (init.body instanceof Blob) headers['Content-Type'] = init.body.type;
  const response = await fetch(url, {method: 'POST', headers, body});
  const setCookie = response.headers.get('set-cookie');
  if (setCookie) {
    const [pair] = setCookie.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  const text = await response.text();
  requests.push({kind, status: response.status, body: text, setCookie,
    allowOrigin: response.headers.get('access-control-allow-origin'),
    events: JSON.parse(typeof body === 'string' ? body : body.toString('utf8')).events});
  return new Response(text, {status: response.status, headers: response.headers});
}

// The data layer: items are kept; 'adobeDataLayer:event' listeners get a copy of each event item, past ones too.
const history = [];
const listeners = [];
const dataLayer = [];
const state = {};
dataLayer.push = function (item) {
  if (typeof item === 'function') {
    item(dataLayer);
  } else if (item && item.event) {
    history.push(item);
    listeners.forEach((listener) => listener(structuredClone(item)));
  }
  return history.length;
};
dataLayer.addEventListener = function (type, listener) {
  if (type !== 'adobeDataLayer:event') return;
  history.forEach((item) => listener(structuredClone(item)));
  listeners.push(listener);
};
dataLayer.getState = () => structuredClone(state);

// The storefront, publishing as the SDK does: setContext, then pushEvent with the whole state in eventInfo.
function setContext(name, value) {
  state[name] = value;
}
function publish(event, extra) {
  dataLayer.push({event, eventInfo: Object.assign({}, structuredClone(state), extra || {})});
}

const documentListeners = {};
const windowListeners = {};
const document = {
  currentScript: {src: scriptUrl},
  cookie: scenario === 'optout' ? 'mg_dnt=track' : '',
  referrer: 'https://www.google.com/',
  visibilityState: 'visible',
  documentElement: {clientWidth: 1280, clientHeight: 720},
  addEventListener: (type, listener) => (documentListeners[type] = documentListeners[type] || []).push(listener)
};
const window = {
  location: {href: pageOrigin + '/joust-duffle-bag.html', origin: pageOrigin},
  screen: {width: 1920, height: 1080, orientation: {type: 'landscape-primary'}},
  crypto: globalThis.crypto,
  adobeDataLayer: dataLayer,
  setTimeout, clearTimeout,
  addEventListener: (type, listener) => (windowListeners[type] = windowListeners[type] || []).push(listener),
  fetch: (url, init) => {
    const answer = post('fetch', url, init);
    pending.push(answer);
    return answer;
  }
};
const navigator = {
  sendBeacon(url, blob) {
    pending.push(post('beacon', url, {body: blob}));
    return true;
  }
};

const script = await (await fetch(scriptUrl)).text();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

setContext('storefrontInstanceContext', contexts.storefrontInstanceContext);
setContext('pageContext', contexts.pageContext);
setContext('productContext', contexts.productContext);
setContext('shopperContext', {shopperId: 'guest'});
setContext('recommendationsContext', {units: [{unitId: 'u1', products: []}]});
publish('page-view');                                 // before the snippet loads: replayed to it

vm.runInNewContext(script, {window, document, navigator, URL, Blob, Intl, JSON, Date, Object, Uint8Array});

publish('product-page-view');
publish('recs-unit-view', {unitId: 'u1'});            // not an Experience Platform event: not forwarded
setContext('shoppingCartContext', contexts.shoppingCartContext);
setContext('changedProductsContext', contexts.changedProductsContext);
publish('add-to-cart');
await sleep(1300);                                    // the batch timer sends what is queued
await Promise.all(pending);                           // and its answer sets the cookie before the shopper goes on
setContext('accountContext', contexts.accountContext);
setContext('shopperContext', {shopperId: 'logged-in'});
publish('sign-in');
publish('shopping-cart-view');
publish('initiate-checkout');
setContext('orderContext', contexts.orderContext);
publish('place-order');
document.visibilityState = 'hidden';                  // the shopper leaves: the rest goes at once
(documentListeners.visibilitychange || []).forEach((listener) => listener());
await sleep(50);
await Promise.all(pending);
process.stdout.write(JSON.stringify({requests, cookies: Object.fromEntries(jar)}));
