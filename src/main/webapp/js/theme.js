// Follow the visitor's light or dark preference before the page paints (Bootstrap 5.3 colour modes).
(function () {
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)');
  function apply() {
    document.documentElement.setAttribute('data-bs-theme', dark && dark.matches ? 'dark' : 'light');
  }
  apply();
  if (dark && dark.addEventListener) {
    dark.addEventListener('change', apply);
  }
})();
