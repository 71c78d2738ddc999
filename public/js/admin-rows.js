// Repeatable groups (an event's sources): a button adds one more empty row. The form already
// offers a few empty rows, so it works without JavaScript.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('[data-repeat-group]'), function (group) {
    var rows = group.querySelectorAll('[data-repeat-row]');
    if (!rows.length) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--secondary button--small';
    button.textContent = 'Add a row';
    button.addEventListener('click', function () {
      var all = group.querySelectorAll('[data-repeat-row]');
      var last = all[all.length - 1];
      var copy = last.cloneNode(true);
      var n = all.length + 1;
      Array.prototype.forEach.call(copy.querySelectorAll('input, select, textarea'), function (el) {
        var id = el.id.replace(/-\d+$/, '-' + n);
        var label = copy.querySelector('label[for="' + el.id + '"]');
        if (label) {
          label.setAttribute('for', id);
          label.textContent = label.textContent.replace(/\d+/, String(n));
        }
        el.id = id;
        if (el.tagName === 'SELECT') el.selectedIndex = 0;
        else el.value = '';
      });
      last.parentNode.insertBefore(copy, last.nextSibling);
      var first = copy.querySelector('select, input, textarea');
      if (first) first.focus();
    });
    group.appendChild(button);
  });
})();
