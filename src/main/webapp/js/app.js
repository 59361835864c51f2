// Comfort only: every page works without JavaScript.
document.querySelectorAll('[data-copy]').forEach(function (button) {
  var field = document.getElementById(button.getAttribute('data-copy'));
  var status = document.getElementById('copy-status');
  function done(message) {
    if (status) {
      status.textContent = message;
    }
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    var text = field.value;
    // The clipboard API needs a secure context; plain-http hosts fall back to selecting the text.
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { done('Copied to the clipboard.'); },
        function () { fallback(); });
    } else {
      fallback();
    }
  });
  function fallback() {
    field.focus();
    field.select();
    var copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (ignored) {
      copied = false;
    }
    done(copied ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (or long-press) to copy.');
  }
});
