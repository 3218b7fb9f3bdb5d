// Test-only observer loaded before Ferry's snippet: it records each request the snippet makes to the collector
// (fetch or beacon, its JSON body, and the status when the page lives to see it) in sessionStorage, so the test can
// read them after the page is gone. It calls the browser's own fetch and sendBeacon; it changes nothing they send.
(function () {
  'use strict';
  var KEY = 'ferry-test-requests';
  function load() { return JSON.parse(window.sessionStorage.getItem(KEY) || '[]'); }
  function save(list) { window.sessionStorage.setItem(KEY, JSON.stringify(list)); }
  function record(entry) {
    var list = load();
    entry.page = window.location.pathname;
    list.push(entry);
    save(list);
    return list.length - 1;
  }
  function update(n, patch) {
    var list = load();
    Object.assign(list[n], patch);
    save(list);
  }
  function collector(url) { return String(url).indexOf('/v1/storefront/events') >= 0; }

  // The snippet beacons a Blob; a Blob cannot be read synchronously while the page unloads, so remember its text.
  var NativeBlob = window.Blob;
  window.Blob = class extends NativeBlob {
    constructor(parts, options) {
      super(parts, options);
      this.recordedText = (parts || []).map(String).join('');
    }
  };

  var nativeFetch = window.fetch.bind(window);
  window.fetch = function (url, init) {
    if (!collector(url)) return nativeFetch(url, init);
    var n = record({kind: 'fetch', keepalive: !!(init && init.keepalive), body: init && init.body});
    return nativeFetch(url, init).then(function (response) {
      update(n, {status: response.status});
      return response;
    }, function (error) {
      update(n, {error: String(error)});
      throw error;
    });
  };

  var nativeBeacon = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = function (url, data) {
    var queued = nativeBeacon(url, data);
    if (collector(url)) {
      record({kind: 'beacon', queued: queued, body: data && data.recordedText !== undefined ? data.recordedText : String(data)});
    }
    return queued;
  };
})();
