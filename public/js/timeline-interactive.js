// Interactive timeline for the home page: one lane per organization, fuzzy dates and due windows
// as ranges. Progressive enhancement only: the page is complete without it, and on any failure
// the container stays hidden. Every text from the data goes in as textContent, never as HTML.
(function () {
  'use strict';

  var MAX_PAGES = 10;
  var DAY = 24 * 60 * 60 * 1000;
  var OTHER = { slug: '', name: 'Other' };

  var container = document.getElementById('interactive-timeline');
  var vis = window.vis;
  if (!container || !vis || typeof vis.Timeline !== 'function' || typeof vis.DataSet !== 'function') return;
  if (!window.fetch || !window.URL) return;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Class-name-safe token from a data value. */
  function token(v) {
    return String(v || '').toLowerCase().replace(/[^a-z0-9_-]/g, '');
  }

  function sameOrigin(href) {
    var url = new URL(href, window.location.href);
    return url.origin === window.location.origin ? url : null;
  }

  function fetchJson(url) {
    return fetch(url.toString(), { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(
      function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      },
    );
  }

  /** Every entry of the API query, following page.next up to MAX_PAGES pages. */
  function fetchAll(first) {
    var entries = [];
    function step(url, n) {
      return fetchJson(url).then(function (body) {
        if (!body || !Array.isArray(body.data)) throw new Error('Unexpected answer');
        entries = entries.concat(body.data);
        var next = body.page && typeof body.page.next === 'string' ? sameOrigin(body.page.next) : null;
        return next && n < MAX_PAGES ? step(next, n + 1) : entries;
      });
    }
    return step(first, 1);
  }

  function dateOf(entry) {
    return entry.type === 'event' ? entry.date : entry.placement;
  }

  function tooltip(entry, date) {
    var box = el('div', 'tl-tooltip');
    box.appendChild(el('strong', 'tl-tooltip__date', date.label));
    var title = entry.type === 'milestone' ? 'Milestone: ' + entry.title : entry.title;
    box.appendChild(el('span', 'tl-tooltip__title', title));
    if (entry.type === 'milestone' && entry.statusLabel) {
      var status = entry.statusLabel + (entry.outcomeLabel ? ' · ' + entry.outcomeLabel : '');
      box.appendChild(el('span', 'tl-tooltip__status', status));
    }
    return box;
  }

  function build(entries) {
    var lanes = new Map();
    var items = [];
    var urls = new Map();

    entries.forEach(function (entry) {
      var date = dateOf(entry);
      if (!entry || !date || !date.start || !date.end) return;
      var start = new Date(date.start);
      var end = new Date(date.end);
      if (isNaN(start.getTime()) || isNaN(end.getTime())) return;
      var point = date.precision === 'day' || end.getTime() - start.getTime() <= DAY;
      var orgs = entry.organizations && entry.organizations.length ? entry.organizations : [OTHER];
      var classes = ['tl-item', 'tl-item--' + token(entry.type)];
      if (entry.type === 'milestone') {
        classes.push('tl-item--' + token(entry.status));
        if (entry.outcome) classes.push('tl-item--' + token(entry.outcome));
      } else if (entry.confidence && entry.confidence !== 'confirmed') {
        classes.push('tl-item--' + token(entry.confidence));
      }

      orgs.forEach(function (org) {
        var laneId = 'org:' + org.slug;
        if (!lanes.has(laneId)) lanes.set(laneId, org);
        var id = entry.type + ':' + entry.id + ':' + org.slug;
        if (urls.has(id)) return;
        urls.set(id, entry.url);
        var item = {
          id: id,
          group: laneId,
          content: el('span', 'tl-item__label', entry.title),
          title: tooltip(entry, date),
          start: start,
          type: point ? 'point' : 'range',
          className: classes.join(' '),
        };
        if (!point) item.end = end;
        items.push(item);
      });
    });

    var groups = Array.from(lanes.entries())
      .sort(function (a, b) {
        if (a[1] === OTHER) return 1;
        if (b[1] === OTHER) return -1;
        return a[1].name.localeCompare(b[1].name);
      })
      .map(function (pair, i) {
        return { id: pair[0], content: el('span', 'tl-lane__label', pair[1].name), order: i, className: 'tl-lane' };
      });

    return { items: items, groups: groups, urls: urls };
  }

  function toolbar(timeline) {
    var bar = el('div', 'tl-toolbar');
    function button(label, onClick) {
      var b = el('button', 'button button--small button--secondary', label);
      b.type = 'button';
      b.addEventListener('click', onClick);
      bar.appendChild(b);
    }
    button('Zoom in', function () { timeline.zoomIn(0.5); });
    button('Zoom out', function () { timeline.zoomOut(0.5); });
    button('Show all', function () { timeline.fit(); });
    bar.appendChild(el('span', 'tl-toolbar__hint', 'Drag to move; Ctrl + scroll or pinch to zoom; click an entry to open it.'));
    return bar;
  }

  function render(data) {
    if (!data.items.length) return;
    container.textContent = '';
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', 'Interactive timeline');
    container.appendChild(
      el('p', 'visually-hidden', 'This interactive view has one lane per company or lab and shows the same entries as the list below, which is easier to use with a keyboard or a screen reader.'),
    );
    var canvas = el('div', 'tl-canvas');
    container.appendChild(canvas);
    // vis-timeline measures its container: show it before building.
    container.hidden = false;
    try {
      var timeline = new vis.Timeline(canvas, new vis.DataSet(data.items), new vis.DataSet(data.groups), {
        orientation: { axis: 'top', item: 'top' },
        stack: true,
        zoomable: true,
        zoomKey: 'ctrlKey',
        zoomMin: 7 * DAY,
        zoomMax: 40 * 365 * DAY,
        min: new Date(Date.UTC(1950, 0, 1)),
        max: new Date(Date.UTC(2100, 0, 1)),
        maxHeight: 560,
        margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
        groupOrder: 'order',
        selectable: true,
        showCurrentTime: true,
        showTooltips: true,
        tooltip: { followMouse: true, overflowMethod: 'cap' },
      });
      container.insertBefore(toolbar(timeline), canvas);
      timeline.on('click', function (props) {
        if (!props || props.item === null || props.item === undefined) return;
        var url = data.urls.get(props.item);
        var target = url ? sameOrigin(url) : null;
        if (target) window.location.assign(target.toString());
      });
    } catch (err) {
      container.hidden = true;
      container.textContent = '';
      if (window.console) console.warn('Interactive timeline unavailable:', err);
    }
  }

  var api = container.getAttribute('data-api');
  var first = api ? sameOrigin(api) : null;
  if (!first) return;
  first.searchParams.set('limit', '100');
  fetchAll(first)
    .then(function (entries) { render(build(entries)); })
    .catch(function (err) {
      container.hidden = true;
      if (window.console) console.warn('Interactive timeline unavailable:', err);
    });
})();
