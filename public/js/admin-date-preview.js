// Live reading of fuzzy date fields: asks /admin/dates/preview as the editor types and shows the
// window Timeline will store. Without JavaScript the form still checks the date on submit.
(function () {
  'use strict';
  var outputs = document.querySelectorAll('[data-date-preview-for]');
  Array.prototype.forEach.call(outputs, function (out) {
    var input = document.getElementById(out.getAttribute('data-date-preview-for'));
    if (!input) return;
    var timer = null;
    var last = null;
    function lastDay(iso) {
      return new Date(new Date(iso).getTime() - 86400000).toISOString().slice(0, 10);
    }
    function update() {
      var text = input.value.trim();
      if (text === last) return;
      last = text;
      if (text === '') {
        out.textContent = '';
        return;
      }
      fetch('/admin/dates/preview?text=' + encodeURIComponent(text), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) { return res.json(); })
        .then(function (r) {
          if (input.value.trim() !== text) return;
          out.textContent = r.ok
            ? 'Read as: ' + r.label + ' (' + r.start.slice(0, 10) + ' to ' + lastDay(r.end) + ')'
            : r.error;
        })
        .catch(function () { out.textContent = ''; });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
  });
})();
