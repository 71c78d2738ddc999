// The embed code on the home page: an absolute address when the server only knew the path, and
// a Copy button. Without this script the code is still there to select and copy.
(function () {
  'use strict';
  var box = document.querySelector('[data-embed-snippet]');
  if (!box) return;
  box.value = box.value.replace('src="/embed', 'src="' + window.location.origin + '/embed');
  box.addEventListener('focus', function () { box.select(); });
  if (!navigator.clipboard) return;
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--small';
  button.textContent = 'Copy the code';
  var status = document.createElement('span');
  status.className = 'embed-box__status';
  status.setAttribute('role', 'status');
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(box.value).then(
      function () { status.textContent = 'Copied.'; },
      function () { box.select(); status.textContent = 'Select the code and copy it.'; },
    );
  });
  box.insertAdjacentElement('afterend', status);
  box.insertAdjacentElement('afterend', button);
})();
