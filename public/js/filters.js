// The filter form submits only the fields that are filled, so shared links stay short
// ("/?organization=meta", not "/?organization=meta&subject=&kind=…"). Without this script the
// server redirects such a URL to the clean one.
(function () {
  'use strict';
  var form = document.querySelector('form.filters');
  if (!form) return;
  form.addEventListener('submit', function () {
    var fields = form.querySelectorAll('input[name], select[name]');
    var emptied = [];
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.disabled || f.type === 'checkbox' || f.type === 'radio') continue;
      if (f.value === '') {
        f.disabled = true;
        emptied.push(f);
      }
    }
    // Back/forward cache: give the fields back if the page is shown again.
    window.addEventListener('pageshow', function () {
      emptied.forEach(function (f) { f.disabled = false; });
    }, { once: true });
  });
})();
