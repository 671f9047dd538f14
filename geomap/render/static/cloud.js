/* geomap's claim cloud: many claims on one canvas (see geomap/render/cloud.py).
   Columns arrive deflated and base64-encoded, each on its own (the string table is one of them);
   they are decoded once, then each redraw
   projects the claims in view, aggregates them into a density grid when there are many,
   and draws them one by one (discs, links, dots) when there are few. Popups are built
   for the claim clicked, with textContent like every geomap popup. */
(function () {
  // Claims are drawn one by one while there is room for them: at most one per PX_PER_CLAIM
  // square pixels of the map; beyond, as density squares.
  var PX_PER_CLAIM = 300, CELL = 6, PICK_PX = 9, NO_DAY = -2147483648;
  var NONE = 4294967295;
  var TYPES = {Int32: Int32Array, Uint32: Uint32Array, Uint8: Uint8Array, Uint16: Uint16Array,
               Float32: Float32Array};

  function bytes(b64) {
    var bin = atob(b64), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }
  function inflate(b64) {
    var stream = new Blob([bytes(b64)]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Response(stream).arrayBuffer();
  }
  function dayOf(iso) { return Math.floor(Date.parse(iso + 'T00:00:00Z') / 86400000); }

  function Cloud(d, map) {
    this.d = d; this.map = map; this.ready = false;
    this.hiddenParty = {}; this.maxDay = Infinity; this.vis = null; this.k = 0; this.aggregated = false;
    var self = this;
    this.layer = new (L.Layer.extend({
      onAdd: function () { self._add(); },
      onRemove: function () { self._remove(); }
    }))();
    this.areas = L.featureGroup();
    Promise.all(d.columns.data.map(inflate)).then(function (got) {
      self._decode(got);
      self.ready = true;
      self._buildAreas();
      self.redraw();
      if (self.onready) { self.onready(); }
    }).catch(function (err) { console.error('geomap: the claims could not be decoded: ' + err); });
  }
  Cloud.prototype._decode = function (bufs) {
    var c = {};
    this.d.columns.layout.forEach(function (col, k) {   // one deflated buffer per column
      c[col.name] = new TYPES[col.type](bufs[k], 0, col.count);
    });
    this.c = c;
    this.text = c.strings; this.decoder = new TextDecoder('utf-8');
    var len = c.slen, off = this.soff = new Float64Array(len.length + 1);   // where each text starts
    for (var k = 0; k < len.length; k++) { off[k + 1] = off[k] + len[k]; }
    var n = this.d.n, mx = new Float64Array(n), my = new Float64Array(n), lat = new Float32Array(n);
    for (var i = 0; i < n; i++) {
      var lo = c.x[i] / 1e5, la = Math.max(-85.0511, Math.min(85.0511, c.y[i] / 1e5));
      mx[i] = 0.5 + lo / 360;
      my[i] = 0.5 - Math.log(Math.tan(Math.PI / 4 + la * Math.PI / 360)) / (2 * Math.PI);
      lat[i] = la;
    }
    this.mx = mx; this.my = my; this.lat = lat;
    this.px = new Float32Array(n); this.py = new Float32Array(n);
    this.vis = new Uint32Array(n); this.mark = new Uint8Array(n);
  };
  Cloud.prototype._add = function () {
    var map = this.map;
    this.canvas = L.DomUtil.create('canvas', 'geomap-cloud leaflet-zoom-hide');
    map.getPanes().overlayPane.appendChild(this.canvas);
    this._redraw = this.redraw.bind(this);
    this._click = this.click.bind(this);
    map.on('moveend zoomend resize viewreset', this._redraw);
    map.on('click', this._click);
    this.areas.addTo(map);
    this.redraw();
  };
  Cloud.prototype._remove = function () {
    var map = this.map;
    map.off('moveend zoomend resize viewreset', this._redraw);
    map.off('click', this._click);
    L.DomUtil.remove(this.canvas);
    map.removeLayer(this.areas);
  };
  Cloud.prototype.redraw = function () {
    if (!this.canvas || !this.ready) { return; }
    var map = this.map, size = map.getSize(), tl = map.containerPointToLayerPoint([0, 0]);
    var dpr = window.devicePixelRatio || 1, cv = this.canvas;
    L.DomUtil.setPosition(cv, tl);
    cv.width = size.x * dpr; cv.height = size.y * dpr;
    cv.style.width = size.x + 'px'; cv.style.height = size.y + 'px';
    var ctx = cv.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    var s = 256 * Math.pow(2, map.getZoom()), o = map.getPixelOrigin();
    var ox = o.x + tl.x, oy = o.y + tl.y, W = size.x, H = size.y, pad = 20;
    this.ox = ox; this.oy = oy;
    var n = this.d.n, k = 0, mx = this.mx, my = this.my, px = this.px, py = this.py, vis = this.vis;
    var mark = this.mark, party = this.c.party, day = this.c.day, hidden = this.hiddenParty, maxDay = this.maxDay;
    var anyHidden = Object.keys(hidden).some(function (p) { return hidden[p]; });
    mark.fill(0);
    for (var i = 0; i < n; i++) {
      var x = s * mx[i] - ox, y = s * my[i] - oy;
      if (x < -pad || y < -pad || x > W + pad || y > H + pad) { continue; }
      if (anyHidden && hidden[party[i]]) { continue; }
      if (day[i] > maxDay && day[i] !== NO_DAY) { continue; }
      px[i] = x; py[i] = y; vis[k++] = i; mark[i] = 1;
    }
    this.k = k;
    this.aggregated = k > Math.max(500, W * H / PX_PER_CLAIM);
    if (this.aggregated) { this._density(ctx, W, H); } else { this._detail(ctx, s); }
  };
  Cloud.prototype._density = function (ctx, W, H) {
    // Where the claims are, as a grid of squares: darker, more claims (one hue: a mix of
    // parties per square would read as noise; the layer control filters by party).
    var cols = Math.ceil(W / CELL) + 1, rows = Math.ceil(H / CELL) + 1;
    var counts = new Uint32Array(cols * rows), max = 1, px = this.px, py = this.py, vis = this.vis;
    for (var j = 0; j < this.k; j++) {
      var i = vis[j], cx = Math.floor(px[i] / CELL), cy = Math.floor(py[i] / CELL);
      if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) { continue; }
      var cell = cy * cols + cx;
      if (++counts[cell] > max) { max = counts[cell]; }
    }
    // Five shades, one path each.
    var shades = [[], [], [], [], []], logMax = Math.log(1 + max);
    for (var c = 0; c < counts.length; c++) {
      if (!counts[c]) { continue; }
      shades[Math.min(4, Math.floor(5 * Math.log(1 + counts[c]) / (logMax + 1e-9)))].push(c);
    }
    var fills = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
    shades.forEach(function (cells, level) {
      ctx.beginPath();
      cells.forEach(function (c2) { ctx.rect((c2 % cols) * CELL, Math.floor(c2 / cols) * CELL, CELL - 1, CELL - 1); });
      ctx.globalAlpha = 0.85; ctx.fillStyle = fills[level]; ctx.fill();
    });
    ctx.globalAlpha = 1;
  };
  Cloud.prototype._byParty = function (test) {
    // The visible claims passing ``test``, grouped by party: one path per party and pass.
    var groups = {}, vis = this.vis, party = this.c.party;
    for (var j = 0; j < this.k; j++) {
      var i = vis[j];
      if (test(i)) { (groups[party[i]] = groups[party[i]] || []).push(i); }
    }
    return groups;
  };
  Cloud.prototype._detail = function (ctx, s) {
    var c = this.c, px = this.px, py = this.py, colors = this.d.colors, self = this;
    var earth = 40075016.686;
    var discs = this._byParty(function (i) {
      if (!(c.r[i] > 0)) { return false; }
      return c.r[i] * s / (earth * Math.cos(self.lat[i] * Math.PI / 180)) >= 2;
    });
    ctx.lineWidth = 1;
    Object.keys(discs).forEach(function (p) {
      ctx.beginPath();
      discs[p].forEach(function (i) {
        var r = c.r[i] * s / (earth * Math.cos(self.lat[i] * Math.PI / 180));
        ctx.moveTo(px[i] + r, py[i]); ctx.arc(px[i], py[i], r, 0, 2 * Math.PI);
      });
      ctx.fillStyle = colors[p]; ctx.globalAlpha = 0.12; ctx.fill();
      ctx.strokeStyle = colors[p]; ctx.globalAlpha = 0.7; ctx.stroke();
    });
    this._links(ctx, s);
    var dots = this._byParty(function (i) { return c.pt[i] === 1; });
    ctx.globalAlpha = 1; ctx.lineWidth = 1.5; ctx.strokeStyle = '#ffffff';
    Object.keys(dots).forEach(function (p) {
      ctx.beginPath();
      dots[p].forEach(function (i) { ctx.moveTo(px[i] + 5, py[i]); ctx.arc(px[i], py[i], 5, 0, 2 * Math.PI); });
      ctx.fillStyle = colors[p]; ctx.fill(); ctx.stroke();
    });
  };
  Cloud.prototype._links = function (ctx, s) {
    // Dashed links between competing claims in view (green: can both be true; red: cannot).
    var c = this.c;
    if (!c.la) { return; }
    var paths = [[], []];
    for (var l = 0; l < c.la.length; l++) {
      var a = c.la[l], b = c.lb[l];
      if (!(this.mark[a] && this.mark[b])) { continue; }  // both in view (and shown by the filters)
      paths[c.lok[l]].push(l);
    }
    ctx.lineWidth = 2; ctx.setLineDash([6, 5]); ctx.globalAlpha = 0.9;
    var self = this;
    paths.forEach(function (links, ok) {
      ctx.beginPath();
      links.forEach(function (l) {
        var a = c.la[l], b = c.lb[l];
        ctx.moveTo(self.px[a], self.py[a]); ctx.lineTo(self.px[b], self.py[b]);
      });
      ctx.strokeStyle = ok ? '#2b8a3e' : '#c92a2a'; ctx.stroke();
    });
    ctx.setLineDash([]);
  };
  Cloud.prototype.props = function (i) {
    var o = {party: this.d.parties[this.c.party[i]]}, verdicts = null, self = this;
    if (this.c.day[i] !== NO_DAY) { o.date = new Date(this.c.day[i] * 86400000).toISOString().slice(0, 10); }
    this.d.keys.forEach(function (key) {
      var code = self.c['s:' + key][i];
      if (code === NONE) { return; }
      var val = self.string(code);
      if (self.d.numbers.indexOf(key) >= 0) { val = parseFloat(val); }
      if (key.indexOf('verdict:') === 0) { (verdicts = verdicts || {})[key.slice(8)] = val; } else { o[key] = val; }
    });
    if (verdicts) { o.verdicts = verdicts; }
    return o;
  };
  Cloud.prototype.string = function (k) {   // the k-th text of the table (Arrow's layout)
    return this.decoder.decode(this.text.subarray(this.soff[k], this.soff[k + 1]));
  };
  Cloud.prototype.nearest = function (x, y) {
    var best = -1, bestD = PICK_PX * PICK_PX;
    for (var j = 0; j < this.k; j++) {
      var i = this.vis[j], dx = this.px[i] - x, dy = this.py[i] - y, dd = dx * dx + dy * dy;
      if (dd <= bestD) { best = i; bestD = dd; }
    }
    return best;
  };
  Cloud.prototype.click = function (e) {
    if (!this.ready) { return; }
    if (this.aggregated) {  // too many claims here to pick one: zoom in on them
      this.map.setView(e.latlng, Math.min(this.map.getZoom() + 2, this.map.getMaxZoom()));
      return;
    }
    var i = this.nearest(e.containerPoint.x, e.containerPoint.y);
    if (i < 0) { return; }
    L.popup({maxWidth: 360}).setLatLng([this.c.y[i] / 1e5, this.c.x[i] / 1e5])
      .setContent(geomap.popup(this.props(i))).openOn(this.map);
  };
  Cloud.prototype._buildAreas = function () {
    var c = this.c, seen = {}, self = this;
    this.areaLayers = [];
    for (var i = 0; i < this.d.n; i++) {
      var a = c.area[i];
      if (a < 0) { continue; }
      var key = a + ':' + c.party[i];
      if (seen[key]) { seen[key].count++; continue; }
      seen[key] = {area: a, party: c.party[i], count: 1};
    }
    Object.keys(seen).forEach(function (key) {
      var it = seen[key], color = self.d.colors[it.party];
      var layer = L.geoJSON(self.d.areas[it.area], {style: function () {
        return {color: color, weight: 1.2, opacity: 0.8, fillColor: color, fillOpacity: 0.13, dashArray: '4 3'};
      }});
      layer.bindTooltip(geomap.el('span', null, self.d.parties[it.party] + ': ' + it.count +
                                  (it.count === 1 ? ' claim' : ' claims') + ' in this area'), {sticky: true});
      layer.party = it.party;
      self.areaLayers.push(layer);
      self.areas.addLayer(layer);
    });
  };
  Cloud.prototype.setParty = function (p, show) {
    this.hiddenParty[p] = !show;
    (this.areaLayers || []).forEach(function (layer) {
      if (layer.party !== p) { return; }
      if (show) { this.areas.addLayer(layer); } else { this.areas.removeLayer(layer); }
    }, this);
    this.redraw();
  };
  Cloud.prototype.setMaxDate = function (iso) {
    this.maxDay = iso ? dayOf(iso) : Infinity;
    this.redraw();
  };

  geomap.clouds = [];
  geomap.cloud = function (d, map) {
    var cloud = new Cloud(d, map);
    geomap.clouds.push(cloud);
    cloud.layer.cloud = cloud;
    return cloud.layer;
  };
  // One layer-control entry per party: adding or removing it shows or hides the party's claims.
  geomap.cloudParty = function (layer, p) {
    var proxy = new (L.Layer.extend({
      onAdd: function () { layer.cloud.setParty(p, true); },
      onRemove: function () { layer.cloud.setParty(p, false); }
    }))();
    return proxy;
  };
})();
