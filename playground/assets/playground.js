// playground.js starts GraphiQL with the settings that the page carries as JSON in
// <script type="application/json" id="playground-config">, so the page needs no inline script
// and its Content-Security-Policy can keep script-src at 'self'.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("playground-config").textContent);
  // GraphiQL's scroll lock (react-style-singleton) gives the <style> it creates this nonce,
  // which the page's style-src allows.
  window.__webpack_nonce__ = config.styleNonce;
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs,
    })
  );
})();
