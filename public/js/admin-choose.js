// Fields that choose a source, an event, an organization or a subject among many
// (views/partials/forms/choose.hbs, views/partials/admin/checkboxes.hbs): as the
// editor types, asks the JSON API for the ten best matches and offers them as suggestions; picking
// one puts its number or slug in the field. Without JavaScript the field takes them typed.
(function () {
  'use strict';
  var labels = {
    '/api/v1/sources': function (s) { return s.publisher + ': ' + s.title; },
    '/api/v1/events': function (e) { return e.title + ' (' + e.date.text + ')'; },
    '/api/v1/organizations': function (o) { return o.name; },
    '/api/v1/subjects': function (s) { return s.name; },
  };
  var timers = new WeakMap();

  function listOf(input) {
    var id = input.id + '-suggestions';
    var list = document.getElementById(id);
    if (!list) {
      list = document.createElement('datalist');
      list.id = id;
      input.parentNode.appendChild(list);
    }
    // A row copied by admin-rows.js keeps the attribute of the row it was copied from.
    if (input.getAttribute('list') !== id) input.setAttribute('list', id);
    return list;
  }

  function suggest(input) {
    var text = input.value.trim();
    var api = input.getAttribute('data-choose');
    var key = input.getAttribute('data-choose-key');
    var label = labels[api];
    if (!label || text.length < 2 || /^[1-9]\d*$/.test(text)) return;
    fetch(api + '?limit=10&q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.json() : { data: [] }; })
      .then(function (body) {
        if (input.value.trim() !== text) return;
        var list = listOf(input);
        list.textContent = '';
        body.data.forEach(function (r) {
          var option = document.createElement('option');
          option.value = String(r[key]);
          option.label = label(r);
          option.textContent = label(r);
          list.appendChild(option);
        });
      })
      .catch(function () { /* no suggestions: the field still takes a number or slug typed */ });
  }

  document.addEventListener('input', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-choose')) return;
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { suggest(input); }, 200));
  });
})();
