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
    // Claim dates are read against the day said: the first of these fields that is filled in.
    var saidFields = (out.getAttribute('data-date-preview-said') || '').split(' ').filter(Boolean)
      .map(function (id) { return document.getElementById(id); }).filter(Boolean);
    function said() {
      for (var i = 0; i < saidFields.length; i++) if (saidFields[i].value.trim()) return saidFields[i].value.trim();
      return '';
    }
    function lastDay(iso) {
      return new Date(new Date(iso).getTime() - 86400000).toISOString().slice(0, 10);
    }
    function update() {
      var text = input.value.trim();
      var key = text + '|' + said();
      if (key === last) return;
      last = key;
      if (text === '') {
        out.textContent = '';
        return;
      }
      var query = '?text=' + encodeURIComponent(text);
      if (saidFields.length) query += '&mode=claim&relativeTo=' + encodeURIComponent(said());
      fetch('/admin/dates/preview' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) { return res.json(); })
        .then(function (r) {
          if (input.value.trim() !== text) return;
          if (!r.ok) { out.textContent = r.error; return; }
          var span = r.start && r.end ? ' (' + r.start.slice(0, 10) + ' to ' + lastDay(r.end) + ')'
            : r.start ? ' (from ' + r.start.slice(0, 10) + ', open end)'
            : r.end ? ' (until ' + lastDay(r.end) + ')' : '';
          out.textContent = 'Read as: ' + (r.shape && r.shape !== 'window' ? r.shape + ', ' : '') + r.label + span +
            (r.likelihood ? '; stated likelihood ' + r.likelihood : '');
        })
        .catch(function () { out.textContent = ''; });
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    }
    input.addEventListener('input', later);
    saidFields.forEach(function (f) { f.addEventListener('input', later); });
  });
})();
