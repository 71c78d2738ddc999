// Import form: reads a chosen file into the textarea (the form posts text, not multipart) and
// picks the format from the file name.
(function () {
  'use strict';
  var box = document.querySelector('[data-import-file]');
  var content = document.getElementById('field-content');
  var format = document.getElementById('field-format');
  var entity = document.getElementById('field-entity');
  if (!box || !content || !window.FileReader) return;
  box.hidden = false;
  var input = box.querySelector('input[type=file]');
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      content.value = String(reader.result);
      var csv = /\.csv$/i.test(file.name);
      if (format && !(csv && format.value === 'epoch')) format.value = csv ? 'csv' : 'json';
      var m = /(organizations|subjects|tags|sources|events|milestones)/i.exec(file.name);
      if (entity && csv && m) entity.value = m[1].toLowerCase();
    };
    reader.readAsText(file);
  });
})();
