/*! Ferry storefront snippet: forwards Adobe Client Data Layer storefront events to Ferry's collector.
    Load it from the collector: <script async src="https://COLLECTOR/v1/storefront/ferry.js"></script> */
(function (window, document) {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || window.ferryStorefront) return;
  var endpoint = new URL('events', script.src).href;
  var sameOrigin = new URL(endpoint).origin === window.location.origin;
  // The events Ferry maps to XDM, and the ACDL contexts the mapping reads (the rest of the state stays in the page).
  var EVENTS = ' page-view product-page-view add-to-cart open-cart remove-from-cart shopping-cart-view' +
    ' initiate-checkout place-order sign-in sign-out create-account edit-account search-request-sent' +
    ' search-response-received create-requisition-list add-to-requisition-list remove-from-requisition-list' +
    ' delete-requisition-list commerce-custom ';
  var CONTEXTS = ' storefrontInstanceContext pageContext productContext shoppingCartContext changedProductsContext' +
    ' orderContext orderPageContext accountContext shopperContext searchInputContext searchResultsContext' +
    ' requisitionListContext requisitionListItemsContext customContext debugContext channelContext aepContext' +
    ' searchUnitId ';
  // Browsers allow a page at most 64 KB of keepalive fetch and beacon bodies in flight; what does not fit when the
  // shopper leaves is kept in localStorage and sent from the next page of the shop.
  var MAX_EVENTS = 20, BUDGET = 56000, DELAY = 1000, MAX_TRIES = 4, STORE = 'ferry_storefront_queue';
  var queue = [], timer = null, ecid = null, paused = false, inFlight = 0;

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var b = window.crypto.getRandomValues(new Uint8Array(16)), h = [];
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) h.push((b[i] + 256).toString(16).slice(1));
    return h.slice(0, 4).join('') + '-' + h.slice(4, 6).join('') + '-' + h.slice(6, 8).join('') + '-' +
      h.slice(8, 10).join('') + '-' + h.slice(10).join('');
  }

  // Adobe Commerce sets mg_dnt when the shopper declines tracking; Adobe's collector then sends nothing.
  function optedOut() {
    return document.cookie.indexOf('mg_dnt') !== -1;
  }

  // What the Web SDK would read in the page.
  function browser() {
    var c = {
      url: window.location.href, referrer: document.referrer, timezoneOffset: new Date().getTimezoneOffset(),
      screenWidth: window.screen.width, screenHeight: window.screen.height,
      viewportWidth: document.documentElement.clientWidth, viewportHeight: document.documentElement.clientHeight
    };
    var o = window.screen.orientation && window.screen.orientation.type;
    if (o) c.screenOrientation = o.split('-')[0];
    try { c.timezone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { /* no Intl */ }
    if (ecid) c.ecid = ecid;
    return c;
  }

  function onEvent(item) {
    var name = item && item.event;
    if (typeof name !== 'string' || EVENTS.indexOf(' ' + name + ' ') < 0) return;
    if (optedOut()) {
      queue.push({body: {event: name, consent: 'out'}, tries: 0});
    } else {
      var info = {}, source = item.eventInfo || {};
      for (var key in source) {
        if (Object.prototype.hasOwnProperty.call(source, key) && CONTEXTS.indexOf(' ' + key + ' ') >= 0) {
          info[key] = source[key];
        }
      }
      info = JSON.parse(JSON.stringify(info));
      if (info.searchResultsContext && info.searchResultsContext.units) {
        info.searchResultsContext.units.forEach(function (unit) { delete unit.facets; });
      }
      // A retried event keeps its id, so the collector stores it once.
      info.debugContext = info.debugContext || {};
      if (!info.debugContext.eventId) info.debugContext.eventId = uuid();
      queue.push({body: {event: name, eventInfo: info, timestamp: new Date().toISOString(), context: browser()},
        tries: 0});
    }
    if (queue.length >= MAX_EVENTS) flush(false); else schedule(DELAY);
  }

  function schedule(delay) {
    if (!timer) timer = window.setTimeout(function () { timer = null; flush(false); }, delay);
  }

  function flush(leaving) {
    if (timer) { window.clearTimeout(timer); timer = null; }
    if (paused && !leaving) return;
    while (queue.length) {
      var batch = [], size = 12;
      while (queue.length && batch.length < MAX_EVENTS) {
        var bytes = JSON.stringify(queue[0].body).length + 1;
        if (batch.length && size + bytes > BUDGET) break;
        size += bytes;
        batch.push(queue.shift());
      }
      if (inFlight && inFlight + size > BUDGET) {
        queue = batch.concat(queue); // sent when an answer frees room, or from the next page
        break;
      }
      send(batch, leaving, size);
    }
    if (leaving) keep();
  }

  // What is still queued when the page goes is kept for the next page of the shop (same origin storage).
  function keep() {
    try {
      if (queue.length) window.localStorage.setItem(STORE, JSON.stringify(queue));
      else window.localStorage.removeItem(STORE);
    } catch (e) { /* storage disabled: nothing more can be done */ }
  }

  function restore() {
    try {
      var kept = JSON.parse(window.localStorage.getItem(STORE) || '[]');
      window.localStorage.removeItem(STORE);
      if (kept.length) { queue = kept.concat(queue); schedule(0); }
    } catch (e) { /* storage disabled or unreadable */ }
  }

  function send(batch, leaving, size) {
    var body = JSON.stringify({events: batch.map(function (entry) { return entry.body; })});
    inFlight += size;
    // On page hide the page may be gone before an answer: a beacon (same origin) or a keepalive fetch.
    if (leaving && sameOrigin && navigator.sendBeacon &&
        navigator.sendBeacon(endpoint, new Blob([body], {type: 'application/json'}))) {
      // A beacon reports no answer; if the page stays (a tab switch), its room is free again soon.
      window.setTimeout(function () { done(size); }, 5000);
      return;
    }
    window.fetch(endpoint, {
      method: 'POST', body: body, keepalive: true, credentials: 'include', mode: 'cors',
      headers: {'Content-Type': 'application/json'}
    }).then(function (response) {
      done(size);
      if (response.status === 503 || response.status === 429) {
        retry(batch, (parseInt(response.headers.get('Retry-After'), 10) || 5) * 1000);
      } else if (queue.length && !timer) {
        schedule(0);
      }
    }, function () {
      done(size);
      retry(batch, 5000);
    });
  }

  function done(size) {
    inFlight = Math.max(0, inFlight - size);
  }

  // The collector stored none of the batch: send it again later, a few times at most, ahead of newer events.
  function retry(batch, delay) {
    var again = batch.filter(function (entry) { return ++entry.tries < MAX_TRIES; });
    if (!again.length) return;
    queue = again.concat(queue);
    paused = true;
    window.setTimeout(function () { paused = false; flush(false); }, Math.min(delay, 60000));
  }

  function readEcid() {
    var sdk = window.magentoStorefrontEvents, name = 'alloy';
    try { name = (sdk && sdk.context.getAEP() && sdk.context.getAEP().webSdkName) || name; } catch (e) { /* none */ }
    if (typeof window[name] === 'function') {
      window[name]('getIdentity').then(function (result) {
        ecid = (result && result.identity && result.identity.ECID) || ecid;
      }, function () { /* no consent or no Web SDK */ });
    }
  }

  // Opt-in (data-audiences="cookie"): the aep-segments-membership cookie Luma reads, from the shopper's own
  // membership, which Ferry finds by the ferry_fpid cookie only.
  function audiencesCookie() {
    if ((script.dataset || {}).audiences !== 'cookie' || !sameOrigin || optedOut()) return;
    window.fetch(new URL('../audiences/mine', script.src).href, {credentials: 'same-origin'})
      .then(function (r) { return r.json(); }).then(function (m) {
        if (typeof m.header !== 'string') return;
        document.cookie = 'aep-segments-membership=' + m.header + '; path=/; SameSite=Lax';
      }, function () { /* unreachable: the cookie stays */ });
  }

  window.ferryStorefront = {endpoint: endpoint, flush: function () { flush(false); }};
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') flush(true);
  });
  window.addEventListener('pagehide', function () { flush(true); });
  readEcid();
  audiencesCookie();
  restore();
  window.adobeDataLayer = window.adobeDataLayer || [];
  window.adobeDataLayer.push(function (dataLayer) {
    dataLayer.addEventListener('adobeDataLayer:event', onEvent, {scope: 'all'});
  });
})(window, document);
