// explore.js draws what the diplograph GraphQL API answers with Cytoscape.js. It keeps a
// model of every entity and relation fetched so far and renders a view of it: filtered by
// relation type and date window, coloured by entity type or country, and, when asked,
// with people rolled up into the country they hold office in. window.explorer exposes the
// Cytoscape instance and the actions, for tests and the console.
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("explore-config").textContent);
  var $ = function (id) { return document.getElementById(id); };

  var ENTITY = "id name type ... on Person { offices { sentences in { id name type } } }";
  var RELATION = "id type date status cameo plover goldstein source { id } target { id }";
  var TYPE_COLORS = {
    PERSON: "#2f6fb0", COUNTRY: "#c0392b", ORGANIZATION: "#8e44ad", PLACE: "#27ae60",
    EVENT: "#d35400", AGREEMENT: "#16a085", QUOTE: "#7f8c8d"
  };

  // model holds everything fetched; view settings decide what is drawn of it.
  var model = { nodes: new Map(), edges: new Map(), seeds: new Set(), path: new Set() };
  var settings = { types: new Set(), months: [], t0: 0, t1: 0, undated: true,
    colorBy: "type", rollup: false };
  var positions = new Map();

  var cy = cytoscape({
    container: $("cy"),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "background-color": "data(color)", label: "data(name)", "font-size": 10,
        "text-valign": "bottom", "text-margin-y": 3, width: "data(size)", height: "data(size)",
        "text-wrap": "ellipsis", "text-max-width": 120 } },
      { selector: "node[type = 'COUNTRY']", style: { shape: "round-rectangle" } },
      { selector: "node[type = 'EVENT']", style: { shape: "diamond" } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)",
        "font-size": 8, color: "#52606d", "text-rotation": "autorotate" } },
      { selector: "edge.path", style: { "line-color": "#e67e22", "target-arrow-color": "#e67e22",
        width: 4 } },
      { selector: "node.path", style: { "border-width": 4, "border-color": "#e67e22" } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#f1c40f",
        "line-color": "#f1c40f" } },
      { selector: "edge:selected", style: { label: "data(fullLabel)" } }
    ]
  });

  function status(text) { $("status").textContent = text; }

  // gql posts a query and returns its data, throwing the first error's message.
  function gql(query, variables) {
    return fetch(config.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: query, variables: variables || {} })
    }).then(function (r) { return r.json(); }).then(function (r) {
      if (r.errors && r.errors.length) { throw new Error(r.errors[0].message); }
      return r.data;
    });
  }

  function addEntity(e) {
    var country = null;
    if (e.type === "COUNTRY") {
      country = { id: e.id, name: e.name };
    } else if (e.offices) {
      // As the server's roll-ups do: the country most sentences name, then the first by id.
      var best = null;
      e.offices.forEach(function (o) {
        var c = o["in"];
        if (!c || c.type !== "COUNTRY") { return; }
        if (!best || o.sentences > best.sentences ||
            (o.sentences === best.sentences && c.id < best["in"].id)) { best = o; }
      });
      if (best) { country = { id: best["in"].id, name: best["in"].name }; }
    }
    var old = model.nodes.get(e.id);
    model.nodes.set(e.id, { id: e.id, name: e.name, type: e.type,
      country: country || (old && old.country) || null });
  }

  function addRelation(r) {
    model.edges.set(r.id, { id: r.id, type: r.type, date: r.date || "", status: r.status,
      cameo: r.cameo, plover: r.plover, goldstein: r.goldstein,
      source: r.source.id, target: r.target.id });
  }

  // months returns the first and last month ("YYYY-MM") a date may fall in.
  function monthSpan(date) {
    if (!date) { return null; }
    if (date.length >= 7) { return [date.slice(0, 7), date.slice(0, 7)]; }
    return [date.slice(0, 4) + "-01", date.slice(0, 4) + "-12"];
  }

  function refreshMonths() {
    var set = new Set();
    model.edges.forEach(function (e) {
      var s = monthSpan(e.date);
      if (s) { set.add(s[0]); set.add(s[1]); }
    });
    var months = Array.from(set).sort();
    var wasFull = settings.t1 >= settings.months.length - 1 && settings.t0 === 0;
    settings.months = months;
    $("t0").max = $("t1").max = String(Math.max(months.length - 1, 0));
    if (wasFull || settings.t1 > months.length - 1) {
      settings.t0 = 0;
      settings.t1 = Math.max(months.length - 1, 0);
    }
    $("t0").value = String(settings.t0);
    $("t1").value = String(settings.t1);
  }

  function inWindow(e) {
    var s = monthSpan(e.date);
    if (!s) { return settings.undated; }
    if (!settings.months.length) { return true; }
    return s[1] >= settings.months[settings.t0] && s[0] <= settings.months[settings.t1];
  }

  function hue(text) {
    var h = 0;
    for (var i = 0; i < text.length; i++) { h = (h * 31 + text.charCodeAt(i)) % 360; }
    return "hsl(" + h + ", 60%, 48%)";
  }

  function colorOf(n) {
    if (settings.colorBy === "country") {
      return n.country ? hue(n.country.name) : "#bcc3cb";
    }
    return TYPE_COLORS[n.type] || "#7f8c8d";
  }

  // viewNode maps a model node to the node drawn for it: itself, or with the roll-up on,
  // the country a person holds office in.
  function viewNode(id) {
    var n = model.nodes.get(id);
    if (settings.rollup && n && n.type === "PERSON" && n.country) {
      return { id: n.country.id, name: n.country.name, type: "COUNTRY",
        country: n.country };
    }
    return n;
  }

  // render draws the view of the model the settings select.
  function render() {
    cy.nodes().forEach(function (n) { positions.set(n.id(), Object.assign({}, n.position())); });
    var nodes = new Map();
    var edges = new Map();
    var useNode = function (n) {
      if (!nodes.has(n.id)) { nodes.set(n.id, n); }
      return n;
    };
    model.seeds.forEach(function (id) { var n = viewNode(id); if (n) { useNode(n); } });
    model.edges.forEach(function (e) {
      if (!settings.types.has(e.type) || !inWindow(e)) { return; }
      var s = viewNode(e.source), t = viewNode(e.target);
      if (!s || !t || s.id === t.id) { return; }
      // Rolled up, an office is what put the person inside the country, not a relation.
      if (settings.rollup && e.type === "HOLDS_OFFICE" && s.id !== e.source) { return; }
      useNode(s); useNode(t);
      // Relations of one type between the same two drawn nodes make one edge.
      var key = s.id + "|" + t.id + "|" + e.type;
      var agg = edges.get(key);
      if (!agg) {
        agg = { id: key, source: s.id, target: t.id, type: e.type, date: e.date,
          relations: [], path: false };
        edges.set(key, agg);
      }
      agg.relations.push(e.id);
      if (model.path.has(e.id)) { agg.path = true; }
    });
    var degree = new Map();
    edges.forEach(function (e) {
      degree.set(e.source, (degree.get(e.source) || 0) + 1);
      degree.set(e.target, (degree.get(e.target) || 0) + 1);
    });
    var els = [];
    nodes.forEach(function (n) {
      var el = { group: "nodes", data: { id: n.id, name: n.name, type: n.type,
        country: n.country ? n.country.name : "", color: colorOf(n),
        size: 16 + 4 * Math.min(degree.get(n.id) || 0, 8) },
      classes: model.path.has(n.id) ? "path" : "" };
      var p = positions.get(n.id);
      if (p) { el.position = p; }
      els.push(el);
    });
    // Past a few dozen edges their labels only clutter; selecting an edge shows its label.
    var labelled = edges.size <= 40;
    edges.forEach(function (e) {
      var n = e.relations.length;
      var label = e.type + (n > 1 ? " ×" + n : "");
      els.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target,
        type: e.type, date: e.date, relations: e.relations, width: 1 + Math.min(n, 6),
        label: labelled || e.path ? label : "", fullLabel: label },
      classes: e.path ? "path" : "" });
    });
    cy.batch(function () {
      cy.elements().remove();
      cy.add(els);
    });
    // New nodes start beside a drawn neighbour, so the layout only settles them.
    cy.nodes().forEach(function (n) {
      if (positions.has(n.id())) { return; }
      var placed = n.neighborhood("node").filter(function (m) { return positions.has(m.id()); });
      if (placed.length) {
        var p = positions.get(placed[0].id());
        n.position({ x: p.x + Math.random() * 300 - 150, y: p.y + Math.random() * 300 - 150 });
      }
    });
    var layout = cy.layout({ name: "cose", animate: false, randomize: positions.size === 0,
      nodeRepulsion: function () { return 40000; }, idealEdgeLength: function () { return 110; },
      numIter: 2000, nodeOverlap: 40, fit: true, padding: 30 });
    layout.run();
    var w = settings.months.length ?
      settings.months[settings.t0] + " – " + settings.months[settings.t1] : "all dates";
    $("window").textContent = w;
    $("types").dataset.drawn = String(cy.edges().length);
  }

  // expand adds an entity's neighbourhood to the model and draws it.
  function expand(id) {
    status("Expanding…");
    return gql("query($id: ID) { neighborhood(of: {id: $id}, depth: 1, limit: 60) { " +
      "nodes { " + ENTITY + " } relations { " + RELATION + " } } }", { id: id })
      .then(function (d) {
        d.neighborhood.nodes.forEach(addEntity);
        d.neighborhood.relations.forEach(addRelation);
        model.seeds.add(id);
        refreshMonths();
        render();
        var n = model.nodes.get(id);
        status((n ? n.name : id) + ": " + d.neighborhood.nodes.length + " entities, " +
          d.neighborhood.relations.length + " relations. Click a node to expand it.");
      }).catch(function (err) { status(err.message); throw err; });
  }

  // findPath adds the shortest paths between two names and highlights them.
  function findPath(from, to) {
    status("Looking for a path…");
    return gql("query($a: String, $b: String) { paths(from: {name: $a}, to: {name: $b}, " +
      "maxHops: 4, first: 3) { length nodes { " + ENTITY + " } relations { " + RELATION +
      " } } }", { a: from, b: to }).then(function (d) {
      model.path = new Set();
      if (!d.paths.length) {
        status("No path of up to 4 steps between " + from + " and " + to + ".");
        render();
        return d.paths;
      }
      d.paths.forEach(function (p) {
        p.nodes.forEach(function (n) { addEntity(n); model.path.add(n.id); });
        p.relations.forEach(function (r) {
          addRelation(r); model.path.add(r.id); settings.types.add(r.type);
        });
      });
      model.seeds.add(d.paths[0].nodes[0].id);
      model.seeds.add(d.paths[0].nodes[d.paths[0].nodes.length - 1].id);
      syncTypeBoxes();
      refreshMonths();
      render();
      status(d.paths.length + " path(s) of " + d.paths[0].length + " step(s): " +
        d.paths[0].nodes.map(function (n) { return n.name; }).join(" → "));
      return d.paths;
    }).catch(function (err) { status(err.message); throw err; });
  }

  // showEvidence lists the sentences of the relations behind an edge.
  function showEvidence(edge) {
    var ids = edge.data("relations").slice(0, 10);
    var body = $("evidence-body");
    body.textContent = "Loading…";
    return Promise.all(ids.map(function (id) {
      return gql("query($id: ID!) { node(id: $id) { ... on Relation { type date " +
        "source { name } target { name } evidence { sentence article { title url published " +
        "} } } } }", { id: id });
    })).then(function (answers) {
      body.textContent = "";
      answers.forEach(function (a) {
        var r = a.node;
        if (!r) { return; }
        var h = document.createElement("h3");
        h.textContent = r.source.name + " " + r.type + " " + r.target.name +
          (r.date ? " (" + r.date + ")" : "");
        body.appendChild(h);
        r.evidence.forEach(function (ev) {
          var q = document.createElement("blockquote");
          q.textContent = ev.sentence;
          var cite = document.createElement("cite");
          var art = ev.article;
          if (art.url) {
            var link = document.createElement("a");
            link.href = art.url;
            link.rel = "noopener noreferrer";
            link.target = "_blank";
            link.textContent = art.title;
            cite.appendChild(link);
          } else {
            cite.textContent = art.title;
          }
          if (art.published) { cite.appendChild(document.createTextNode(", " + art.published)); }
          q.appendChild(cite);
          body.appendChild(q);
        });
      });
    }).catch(function (err) { body.textContent = err.message; });
  }

  // search lists the entities whose names match text.
  var searchSeq = 0;
  function search(text) {
    var seq = ++searchSeq;
    var list = $("hits");
    if (!text.trim()) { list.textContent = ""; return Promise.resolve([]); }
    return gql("query($q: String!) { search(query: $q, first: 8) { id name type } }",
      { q: text }).then(function (d) {
      if (seq !== searchSeq) { return d.search; }
      list.textContent = "";
      d.search.forEach(function (e) {
        var li = document.createElement("li");
        li.textContent = e.name + " · " + e.type.toLowerCase();
        li.dataset.id = e.id;
        li.setAttribute("role", "option");
        li.addEventListener("click", function () { choose(e); });
        list.appendChild(li);
      });
      return d.search;
    }).catch(function (err) { status(err.message); return []; });
  }

  function choose(e) {
    $("hits").textContent = "";
    $("search").value = e.name;
    addEntity(e);
    model.seeds.add(e.id);
    return expand(e.id);
  }

  function syncTypeBoxes() {
    Array.prototype.forEach.call($("types").querySelectorAll("input"), function (box) {
      box.checked = settings.types.has(box.value);
    });
  }

  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function xmlEscape(s) {
    return String(s).replace(/[<>&"']/g, function (c) {
      return { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" }[c];
    });
  }

  // gexf renders the drawn view as GEXF 1.3, with edge dates as spells.
  function gexf() {
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
      "<meta><creator>diplograph explorer</creator></meta>",
      '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
      '<attributes class="node"><attribute id="0" title="type" type="string"/>' +
      '<attribute id="1" title="country" type="string"/></attributes>',
      '<attributes class="edge"><attribute id="0" title="type" type="string"/>' +
      '<attribute id="1" title="relations" type="integer"/></attributes>', "<nodes>"];
    cy.nodes().forEach(function (n) {
      var p = n.position();
      out.push('<node id="' + xmlEscape(n.id()) + '" label="' + xmlEscape(n.data("name")) +
        '"><attvalues><attvalue for="0" value="' + xmlEscape(n.data("type")) + '"/>' +
        '<attvalue for="1" value="' + xmlEscape(n.data("country")) + '"/></attvalues>' +
        '<viz:position xmlns:viz="http://gexf.net/1.3/viz" x="' + p.x.toFixed(1) + '" y="' +
        (-p.y).toFixed(1) + '"/></node>');
    });
    out.push("</nodes>", "<edges>");
    cy.edges().forEach(function (e) {
      var d = e.data("date"), spell = "";
      if (d && d.length === 10) { spell = '<spells><spell start="' + d + '" end="' + d +
        '"/></spells>'; }
      out.push('<edge id="' + xmlEscape(e.id()) + '" source="' + xmlEscape(e.data("source")) +
        '" target="' + xmlEscape(e.data("target")) + '" label="' + xmlEscape(e.data("type")) +
        '" weight="' + e.data("relations").length + '"><attvalues><attvalue for="0" value="' +
        xmlEscape(e.data("type")) + '"/><attvalue for="1" value="' +
        e.data("relations").length + '"/></attvalues>' + spell + "</edge>");
    });
    out.push("</edges>", "</graph>", "</gexf>", "");
    return out.join("\n");
  }

  function wire() {
    var timer = null;
    $("search").addEventListener("input", function () {
      clearTimeout(timer);
      var text = $("search").value;
      timer = setTimeout(function () { search(text); }, 150);
    });
    $("search").addEventListener("keydown", function (ev) {
      var first = $("hits").querySelector("li");
      if (ev.key === "Enter" && first) { first.click(); }
    });
    $("findpath").addEventListener("click", function () {
      findPath($("from").value, $("to").value).catch(function () {});
    });
    ["t0", "t1"].forEach(function (id) {
      $(id).addEventListener("input", function () {
        settings[id] = Number($(id).value);
        if (settings.t0 > settings.t1) {
          if (id === "t0") { settings.t1 = settings.t0; } else { settings.t0 = settings.t1; }
          $("t0").value = String(settings.t0); $("t1").value = String(settings.t1);
        }
        render();
      });
    });
    $("undated").addEventListener("change", function () {
      settings.undated = $("undated").checked; render();
    });
    $("colorby").addEventListener("change", function () {
      settings.colorBy = $("colorby").value; render();
    });
    $("rollup").addEventListener("change", function () {
      settings.rollup = $("rollup").checked; render();
    });
    $("clear").addEventListener("click", function () {
      model.nodes.clear(); model.edges.clear(); model.seeds.clear(); model.path.clear();
      positions.clear(); refreshMonths(); render(); status("Search a name to start.");
    });
    $("png").addEventListener("click", function () {
      download(cy.png({ output: "blob", full: true, bg: "#ffffff", scale: 2 }),
        "diplograph.png");
    });
    $("gexf").addEventListener("click", function () {
      download(new Blob([gexf()], { type: "application/xml" }), "diplograph-view.gexf");
    });
    cy.on("tap", "node", function (ev) {
      var id = ev.target.id();
      if (model.nodes.has(id)) { expand(id).catch(function () {}); }
    });
    cy.on("tap", "edge", function (ev) { showEvidence(ev.target); });
  }

  // The relation types come from the schema, so the filter lists every one.
  var ready = gql('{ __type(name: "RelationType") { enumValues { name } } }').then(function (d) {
    var box = $("types");
    d.__type.enumValues.forEach(function (v) {
      settings.types.add(v.name);
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.value = v.name;
      input.checked = true;
      input.addEventListener("change", function () {
        if (input.checked) { settings.types.add(v.name); } else { settings.types.delete(v.name); }
        render();
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + v.name.toLowerCase().replace("_", " ")));
      box.appendChild(label);
    });
    wire();
    document.body.dataset.ready = "true";
  });

  window.explorer = {
    cy: cy, model: model, settings: settings, ready: ready,
    search: search, expand: expand, findPath: findPath, gexf: gexf,
    render: render
  };
})();
