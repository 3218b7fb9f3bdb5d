// Test-only: makes Adobe's storefront event collector (loaded after this) forward to Experience Platform through a
// recorder in place of the Web SDK (alloy). The collector looks the Web SDK up by aepContext.webSdkName, asks it for
// the ECID, and hands it each XDM event with sendEvent; the recorder keeps a copy of each and sends nothing.
(function () {
  'use strict';
  var mse = window.magentoStorefrontEvents;
  window.recordedAlloyCalls = [];
  window.recordedAlloyEvents = [];
  window.recordedAlloy = function (command, options) {
    window.recordedAlloyCalls.push(command);
    if (command === 'getIdentity') {
      return Promise.resolve({identity: {ECID: '12345678901234567890123456789012345678'}});
    }
    if (command === 'sendEvent') {
      window.recordedAlloyEvents.push(JSON.parse(JSON.stringify(options.xdm)));
    }
    return Promise.resolve({});
  };
  mse.context.setEventForwarding({commerce: false, aep: true});
  mse.context.setAEP({imsOrgId: 'FERRYTEST0123456789ABCDE@AdobeOrg', datastreamId: 'ferry-parity-datastream',
    webSdkName: 'recordedAlloy'});
})();
