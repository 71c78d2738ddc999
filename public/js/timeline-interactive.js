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
    var labels = new Map();

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
        labels.set(id, { title: entry.title, date: date.label });
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

    return { items: items, groups: groups, urls: urls, labels: labels };
  }

  var coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;

  /** The window that shows every item, with room on the right for the labels of the last ones. */
  function fullWindow(items) {
    var min = Infinity;
    var max = -Infinity;
    items.forEach(function (it) {
      var s = it.start.getTime();
      var e = it.end ? it.end.getTime() : s;
      if (s < min) min = s;
      if (e > max) max = e;
    });
    var span = Math.max(max - min, 30 * DAY);
    return { start: new Date(min - span * 0.04), end: new Date(max + span * 0.05) };
  }

  function pan(timeline, share) {
    var w = timeline.getWindow();
    var delta = (w.end.getTime() - w.start.getTime()) * share;
    timeline.setWindow(new Date(w.start.getTime() + delta), new Date(w.end.getTime() + delta), { animation: false });
  }

  function toolbar(timeline, showAll) {
    var bar = el('div', 'tl-toolbar');
    function button(label, onClick, keys) {
      var b = el('button', 'button button--small button--secondary', label);
      b.type = 'button';
      if (keys) b.setAttribute('aria-keyshortcuts', keys);
      b.addEventListener('click', onClick);
      bar.appendChild(b);
    }
    button('← Earlier', function () { pan(timeline, -0.3); }, 'ArrowLeft');
    button('Later →', function () { pan(timeline, 0.3); }, 'ArrowRight');
    button('Zoom in', function () { timeline.zoomIn(0.5, { animation: false }); }, '+');
    button('Zoom out', function () { timeline.zoomOut(0.5, { animation: false }); }, '-');
    button('Show all', showAll, '0');
    var hint = 'Drag or use ← → to move; Ctrl + scroll, or + and −, to zoom; click an entry to open it.';
    if (coarse) hint = 'Drag sideways to move, pinch to zoom, tap an entry to see it and its link.';
    bar.appendChild(el('p', 'tl-toolbar__hint', hint));
    return bar;
  }

  function keyboard(canvas, timeline, showAll) {
    canvas.addEventListener('keydown', function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      var k = ev.key;
      if (k === 'ArrowLeft') pan(timeline, -0.2);
      else if (k === 'ArrowRight') pan(timeline, 0.2);
      else if (k === '+' || k === '=') timeline.zoomIn(0.4, { animation: false });
      else if (k === '-' || k === '_') timeline.zoomOut(0.4, { animation: false });
      else if (k === '0' || k === 'Home') showAll();
      else return;
      ev.preventDefault();
    });
  }

  function render(data) {
    if (!data.items.length) {
      panel.hidden = true;
      return;
    }
    var legend = container.querySelector('.tl-legend');
    var canvas = el('div', 'tl-canvas');
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'group');
    canvas.setAttribute('aria-roledescription', 'zoomable timeline');
    canvas.setAttribute(
      'aria-label',
      'Interactive timeline, one lane per organization: arrow keys move, plus and minus zoom, 0 shows all. The list below holds the same entries.',
    );
    container.appendChild(canvas);
    try {
      var range = fullWindow(data.items);
      var timeline = new vis.Timeline(canvas, new vis.DataSet(data.items), new vis.DataSet(data.groups), {
        orientation: { axis: 'top', item: 'top' },
        stack: true,
        zoomable: true,
        zoomKey: 'ctrlKey',
        zoomMin: 7 * DAY,
        zoomMax: 40 * 365 * DAY,
        min: new Date(Date.UTC(1950, 0, 1)),
        max: new Date(Date.UTC(2100, 0, 1)),
        start: range.start,
        end: range.end,
        verticalScroll: false,
        horizontalScroll: false,
        margin: { item: { horizontal: 6, vertical: 4 }, axis: 4 },
        groupOrder: 'order',
        selectable: true,
        showCurrentTime: true,
        showTooltips: true,
        tooltip: { followMouse: true, overflowMethod: 'cap' },
      });
      // Widen the window on the right just enough for the last labels to fit: a label keeps its
      // width in pixels, so its start x must satisfy x * span / span' + width <= panel width.
      var fitLabels = function () {
        var panelBox = canvas.querySelector('.vis-panel.vis-center');
        if (!panelBox) return;
        var box = panelBox.getBoundingClientRect();
        var w = timeline.getWindow();
        var span = w.end.getTime() - w.start.getTime();
        var wanted = span;
        canvas.querySelectorAll('.vis-item .tl-item__label').forEach(function (label) {
          var r = label.getBoundingClientRect();
          var x = r.left - box.left;
          var room = box.width - r.width - 12;
          if (x <= 0 || room <= box.width * 0.25) return;
          if (x + r.width + 12 > box.width) wanted = Math.max(wanted, (span * x) / room);
        });
        if (wanted <= span) return;
        range.end = new Date(w.start.getTime() + wanted);
        timeline.setWindow(w.start, range.end, { animation: false });
      };
      var showAll = function () { timeline.setWindow(range.start, range.end, { animation: false }); };
      timeline.once('changed', fitLabels);
      container.insertBefore(toolbar(timeline, showAll), legend || canvas);
      keyboard(canvas, timeline, showAll);
      var selection = el('p', 'tl-selection');
      selection.setAttribute('aria-live', 'polite');
      container.insertBefore(selection, canvas);
      timeline.on('select', function (props) {
        selection.textContent = '';
        var id = props && props.items && props.items[0];
        var info = id !== undefined ? data.labels.get(id) : null;
        var target = id !== undefined && data.urls.get(id) ? sameOrigin(data.urls.get(id)) : null;
        if (!info || !target) return;
        selection.appendChild(el('strong', '', info.date + ': '));
        var a = el('a', '', info.title);
        a.href = target.toString();
        selection.appendChild(a);
      });
      timeline.on('click', function (props) {
        if (!props || props.item === null || props.item === undefined) return;
        // On touch screens a tap selects (its link shows above the lanes); a click opens.
        if (coarse) return;
        var url = data.urls.get(props.item);
        var target = url ? sameOrigin(url) : null;
        if (target) window.location.assign(target.toString());
      });
    } catch (err) {
      panel.hidden = true;
      if (window.console) console.warn('Interactive timeline unavailable:', err);
    }
  }

  var panel = document.getElementById('interactive-panel') || container;
  var built = false;
  function start() {
    if (built) return;
    built = true;
    var api = container.getAttribute('data-api');
    var first = api ? sameOrigin(api) : null;
    if (!first) return;
    first.searchParams.set('limit', '100');
    fetchAll(first)
      .then(function (entries) { render(build(entries)); })
      .catch(function (err) {
        panel.hidden = true;
        if (window.console) console.warn('Interactive timeline unavailable:', err);
      });
  }

  // vis-timeline measures its container: build once the panel is open.
  panel.hidden = false;
  if (panel.tagName === 'DETAILS') {
    if (panel.open) start();
    panel.addEventListener('toggle', function () { if (panel.open) start(); });
  } else {
    start();
  }
})();
