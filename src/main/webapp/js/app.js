// Comfort only: every page works without JavaScript.
(function () {
  // A fresh short link is the answer the visitor waited for: move focus there, so that a screen
  // reader says so after the page reload and the keyboard is one Tab away from Copy.
  var resultTitle = document.getElementById('result-title');
  if (resultTitle) {
    resultTitle.focus();
  }

  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById('copy-status');
    var label = button.textContent;
    var reset;
    function done(message, copied) {
      status.textContent = message;
      if (copied) {
        button.textContent = 'Copied';
        clearTimeout(reset);
        reset = setTimeout(function () { button.textContent = label; }, 2000);
      }
    }
    function fallback() {
      field.focus();
      field.select();
      var copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (ignored) {
        copied = false;
      }
      done(copied ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (or long-press) to copy.', copied);
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      // The clipboard API needs a secure context; plain-http hosts fall back to selecting the text.
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(
          function () { done('Copied to the clipboard.', true); },
          fallback);
      } else {
        fallback();
      }
    });
  });
})();
