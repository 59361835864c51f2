// Comfort only: without JavaScript the import page shows its progress on each reload.
(function () {
  var running = document.getElementById('import-running');
  if (!running || !window.fetch) {
    return;
  }
  var bar = document.getElementById('import-progress');
  function show(name, value) {
    var field = running.querySelector('[data-field="' + name + '"]');
    if (field) {
      field.textContent = value < 0 ? '…' : String(value);
    }
  }
  function poll() {
    fetch(running.getAttribute('data-status'), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (answer) { return answer.json(); })
      .then(function (status) {
        if (status.state !== 'RUNNING') {
          // The page shows the report once the import has ended.
          window.location.reload();
          return;
        }
        bar.value = status.percent;
        bar.textContent = status.percent + ' %';
        show('done', status.done);
        show('total', status.total);
        show('rate', status.rate);
        show('left', status.secondsLeft);
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
