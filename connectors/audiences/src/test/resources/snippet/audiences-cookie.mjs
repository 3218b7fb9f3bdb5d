// Runs the storefront snippet ferry.js in a minimal page served from Ferry's origin, with the ferry_fpid cookie
// and the script tag's data-audiences option, and prints the cookies the snippet set as JSON. Not a browser: it
// proves the snippet's request and the cookie it writes.
//
// node audiences-cookie.mjs <ferry.js file> <Ferry base URL> <fpid> <data-audiences value or "">
import fs from 'node:fs';
import vm from 'node:vm';

const [snippetFile, base, fpid, option] = process.argv.slice(2);
const written = [];
const requested = [];
const pending = [];
let jar = 'ferry_fpid=' + fpid;

const document = {
  currentScript: {src: base + '/v1/storefront/ferry.js', dataset: option ? {audiences: option} : {}},
  get cookie() { return jar; },
  set cookie(value) { written.push(value); },
  referrer: '',
  visibilityState: 'visible',
  documentElement: {clientWidth: 1280, clientHeight: 720},
  addEventListener: () => {}
};
const window = {
  location: {href: base + '/index.html', origin: new URL(base).origin, protocol: new URL(base).protocol},
  screen: {width: 1920, height: 1080},
  crypto: globalThis.crypto,
  adobeDataLayer: [],
  localStorage: {getItem: () => null, setItem: () => {}, removeItem: () => {}},
  setTimeout, clearTimeout,
  addEventListener: () => {},
  fetch: (url, init) => {
    requested.push(url);
    const answer = fetch(url, Object.assign({}, init, {headers: {Cookie: jar}}));
    pending.push(answer);
    return answer;
  }
};

vm.runInNewContext(fs.readFileSync(snippetFile, 'utf8'),
  {window, document, navigator: {}, URL, Blob, Intl, JSON, Date, Object, Uint8Array});
await Promise.allSettled(pending);
await new Promise((resolve) => setTimeout(resolve, 200));
console.log(JSON.stringify({requested, written}));
