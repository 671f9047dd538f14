/* geomap's page runtime: popups built with textContent (never innerHTML), the date filter. */
window.geomap = (function () {
  var registry = [];
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function row(table, label, value) {
    if (value === undefined || value === null || value === '') { return; }
    var tr = el('tr'); tr.appendChild(el('th', null, label)); tr.appendChild(el('td', null, value));
    table.appendChild(tr);
  }
  var PREC = {1: 'exact place', 2: 'within about 25 km', 3: 'district / sector', 4: 'governorate',
              5: 'area or line feature', 6: 'country', 7: 'international airspace'};
  function popup(p) {
    var box = el('div', 'geomap-popup');
    var head = el('div', 'geomap-popup-head', p.party || p.name || p.query || 'claim');
    box.appendChild(head);
    if (p.draft) { box.appendChild(el('div', 'geomap-popup-draft', 'DRAFT \u2013 ' + p.draft)); }
    if (p.speaker) { box.appendChild(el('div', 'geomap-popup-speaker', p.speaker)); }
    if (p.claim) { box.appendChild(el('p', 'geomap-popup-claim', p.claim)); }
    if (p.quote) { box.appendChild(el('blockquote', 'geomap-popup-quote', '\u201c' + p.quote + '\u201d')); }
    var t = el('table', 'geomap-popup-table');
    row(t, 'Incident', p.incident_title);
    row(t, 'Date', p.date);
    row(t, 'Location', p.location);
    row(t, 'Read as', p.reading);
    row(t, 'Denies', p.denies);
    if (p.verdicts) {
      Object.keys(p.verdicts).forEach(function (k) { row(t, 'Side (' + k + ')', p.verdicts[k]); });
    } else { row(t, 'Side', p.verdict); }
    if (p.precision) { row(t, 'Precision', p.precision + ' \u2013 ' + (PREC[p.precision] || '')); }
    if (p.radius_km) { row(t, 'Uncertainty', '\u2248 ' + p.radius_km + ' km radius'); }
    row(t, 'Source', p.citation || p.report);
    row(t, 'Notes', p.notes);
    box.appendChild(t);
    return box;
  }
  function register(layer, date, group) { registry.push({layer: layer, date: date || null, group: group}); }
  function showUpTo(date) {
    registry.forEach(function (r) {
      var show = !date || !r.date || r.date <= date;
      if (show && !r.group.hasLayer(r.layer)) { r.group.addLayer(r.layer); }
      if (!show && r.group.hasLayer(r.layer)) { r.group.removeLayer(r.layer); }
    });
    spiderfy();
    (window.geomap.clouds || []).forEach(function (c) { c.setMaxDate(date); });
  }
  // Labels carry a priority; where two would overlap on screen, the lower one is hidden.
  function label(text, cls, priority) {
    var e = el('span', cls || 'geomap-label', text);
    e.setAttribute('data-priority', String(priority || 1));
    return e;
  }
  function declutter() {
    var els = Array.prototype.slice.call(document.querySelectorAll('.geomap-label, .geomap-side-label'));
    els.forEach(function (e) { e.style.visibility = ''; });
    var box = geomap.map ? geomap.map.getContainer().getBoundingClientRect() : null;
    var items = els.map(function (e) {
      return {e: e, r: e.getBoundingClientRect(), p: parseFloat(e.getAttribute('data-priority') || '1')};
    }).filter(function (it) { return it.r.width > 0 && it.r.height > 0; });
    if (box) {  // a label cut by the map's edge ("PT" for Egypt) reads as another word: hidden
      items = items.filter(function (it) {
        var cut = it.r.left < box.left || it.r.right > box.right || it.r.top < box.top || it.r.bottom > box.bottom;
        if (cut) { it.e.style.visibility = 'hidden'; }
        return !cut;
      });
    }
    items.sort(function (a, b) { return b.p - a.p; });
    // The controls (title, legend, slider) are in place first: a label under them is hidden.
    var placed = Array.prototype.slice.call(document.querySelectorAll('.leaflet-control')).map(function (c) {
      return {r: c.getBoundingClientRect(), text: null};
    });
    items.forEach(function (it) {
      var r = it.r, text = it.e.textContent;
      var hit = placed.some(function (q) {
        var overlap = !(r.right < q.r.left || r.left > q.r.right || r.bottom < q.r.top || r.top > q.r.bottom);
        // One label per place: the same name close by (a town and the claimed place it is) once.
        var twin = q.text === text && Math.abs(r.left - q.r.left) + Math.abs(r.top - q.r.top) < 120;
        return overlap || twin;
      });
      if (hit) { it.e.style.visibility = 'hidden'; } else { placed.push({r: r, text: text}); }
    });
  }
  // Claims anchored at the same place (four parties "near Mayadin") spread on a small ring
  // around it, with legs to the true position, instead of hiding one another.
  var dots = [], legs = null;
  function dot(marker) { marker.baseLatLng = marker.getLatLng(); dots.push(marker); }
  function spiderfy() {
    var map = geomap.map;
    if (!map || !dots.length) { return; }
    if (!legs) { legs = L.layerGroup().addTo(map); }
    legs.clearLayers();
    var cells = {};
    dots.forEach(function (m) {
      if (!m._map) { return; }
      var p = map.latLngToLayerPoint(m.baseLatLng);
      var key = Math.round(p.x / 10) + ',' + Math.round(p.y / 10);
      (cells[key] = cells[key] || []).push({m: m, p: p});
    });
    Object.keys(cells).forEach(function (key) {
      var group = cells[key];
      if (group.length === 1) { group[0].m.setLatLng(group[0].m.baseLatLng); return; }
      var c = group[0].p, r = Math.max(14, 5 * group.length);
      group.forEach(function (g, n) {
        var a = 2 * Math.PI * n / group.length - Math.PI / 2;
        var ll = map.layerPointToLatLng(L.point(c.x + r * Math.cos(a), c.y + r * Math.sin(a)));
        g.m.setLatLng(ll);
        legs.addLayer(L.polyline([g.m.baseLatLng, ll], {color: '#555', weight: 1, opacity: 0.7,
                                                        interactive: false}));
      });
    });
  }
  var pending = null;
  function scheduleDeclutter() {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(function () { pending = null; declutter(); }, 30);
  }
  return {el: el, popup: popup, register: register, showUpTo: showUpTo, label: label, registry: registry,
          declutter: declutter, scheduleDeclutter: scheduleDeclutter, dot: dot, spiderfy: spiderfy,
          dots: dots};
})();
