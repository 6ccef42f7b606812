/*
 * The graph view of alliancegraph's web page: reads the time slider and the
 * filters, fetches /api/graph and draws the ties with Cytoscape.js.
 *
 * Labels and names come from articles, so they are untrusted: text reaches the
 * page only through textContent (Cytoscape itself draws labels on a canvas),
 * and a click follows only a same-site path given by the API.
 *
 * After each draw, #graph carries data-nodes, data-edges, data-as-of and
 * data-ready="1" (the browser tests wait on them), and window.allianceGraph is
 * the Cytoscape instance.
 */
(function () {
  "use strict";

  var DAY_MS = 24 * 60 * 60 * 1000;

  // Colours chosen to stay apart from each other on a white page.
  var ACTOR_COLOURS = {
    armed_group: "#c0392b",
    state: "#2471a3",
    state_force: "#5dade2",
    person: "#7d3c98",
    organization: "#229954",
    group: "#d35400",
    place: "#7f8c8d"
  };
  var RELATION_COLOURS = {
    allied_with: "#1e8449",
    pledged_allegiance_to: "#117a65",
    supports: "#2e86c1",
    rival_of: "#d68910",
    fights: "#cb4335",
    negotiates_with: "#8e44ad",
    leads: "#34495e",
    member_of: "#85929e",
    affiliate_of: "#16a085",
    split_from: "#a04000",
    controls: "#b7950b"
  };
  // For types the tables above do not know yet.
  var SPARE_COLOURS = ["#6c3483", "#1a5276", "#7b241c", "#0e6251", "#7e5109", "#4d5656"];
  // Symmetric relations are drawn without an arrow head.
  var SYMMETRIC = { allied_with: true, rival_of: true, negotiates_with: true };

  function colourFor(table, key) {
    if (Object.prototype.hasOwnProperty.call(table, key)) {
      return table[key];
    }
    var hash = 0;
    var text = String(key);
    for (var i = 0; i < text.length; i++) {
      hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
    }
    return SPARE_COLOURS[hash % SPARE_COLOURS.length];
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  function dayNumber(iso) {
    // "YYYY-MM-DD" -> days since 1970-01-01, in UTC so no time zone shifts it.
    var parts = String(iso).slice(0, 10).split("-");
    return Math.round(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / DAY_MS);
  }

  function isoDay(days) {
    return new Date(days * DAY_MS).toISOString().slice(0, 10);
  }

  function GraphView(container) {
    this.container = container;
    this.slider = byId("as-of");
    this.label = byId("as-of-label");
    this.form = byId("filters");
    this.cy = null;
    this.range = null; // {first: day number, last: day number} once known
    this.positions = {}; // node id -> last position, so a redraw keeps the picture
    this.request = 0; // only the newest answer is drawn
    this.filtersFilled = false;
    this.timer = null;
    this.status = null;
    this.legend = null;
  }

  GraphView.prototype.start = function () {
    this.makePanel();
    if (typeof window.cytoscape !== "function") {
      this.fail(
        "The graph library is not installed: run `make install`, which copies " +
          "Cytoscape.js to alliancegraph/web/static/vendor/."
      );
      return;
    }
    if (this.container.clientHeight < 50) {
      // Cytoscape draws nothing in a box of no height.
      this.container.style.height = "70vh";
    }
    this.bind();
    this.load(initialAsOf());
  };

  // A status line and the legend, below the graph.
  GraphView.prototype.makePanel = function () {
    var panel = byId("graph-panel");
    if (!panel) {
      panel = document.createElement("div");
      panel.id = "graph-panel";
      this.container.parentNode.insertBefore(panel, this.container.nextSibling);
    }
    clear(panel);
    this.status = document.createElement("p");
    this.status.id = "graph-status";
    this.status.setAttribute("aria-live", "polite");
    this.legend = document.createElement("div");
    this.legend.id = "graph-legend";
    panel.appendChild(this.status);
    panel.appendChild(this.legend);
  };

  GraphView.prototype.fail = function (message) {
    clear(this.container);
    var p = document.createElement("p");
    p.className = "graph-message";
    p.textContent = message;
    this.container.appendChild(p);
    this.container.setAttribute("data-ready", "0");
    this.container.setAttribute("data-error", message);
    if (this.status) {
      this.status.textContent = "";
    }
  };

  GraphView.prototype.bind = function () {
    var view = this;
    if (this.slider) {
      // Follow the slider while it moves, fetch once it rests.
      this.slider.addEventListener("input", function () {
        view.showDate();
        if (view.timer) {
          window.clearTimeout(view.timer);
        }
        view.timer = window.setTimeout(function () {
          view.load(view.sliderDate());
        }, 150);
      });
      this.slider.addEventListener("change", function () {
        if (view.timer) {
          window.clearTimeout(view.timer);
        }
        view.load(view.sliderDate());
      });
    }
    if (this.form) {
      this.form.addEventListener("change", function () {
        view.load(view.sliderDate());
      });
      this.form.addEventListener("submit", function (event) {
        event.preventDefault();
        view.load(view.sliderDate());
      });
    }
  };

  // The slider's last position means "no as-of": every tie, dated or not.
  GraphView.prototype.sliderDate = function () {
    if (!this.range || !this.slider) {
      return null;
    }
    var position = parseInt(this.slider.value, 10);
    var last = this.range.last - this.range.first + 1;
    if (isNaN(position) || position >= last) {
      return null;
    }
    return isoDay(this.range.first + Math.max(position, 0));
  };

  GraphView.prototype.showDate = function () {
    if (!this.label) {
      return;
    }
    if (!this.range) {
      this.label.textContent = "no dated ties";
      return;
    }
    var date = this.sliderDate();
    this.label.textContent = date === null ? "latest (all ties)" : date;
  };

  GraphView.prototype.setRange = function (range, asOf) {
    if (this.range || !range || !range.first || !range.last) {
      if (!this.range && this.slider) {
        this.slider.disabled = true;
        this.showDate();
      }
      return;
    }
    this.range = { first: dayNumber(range.first), last: dayNumber(range.last) };
    if (this.slider) {
      var span = this.range.last - this.range.first + 1;
      this.slider.min = "0";
      this.slider.max = String(span);
      this.slider.step = "1";
      var position = span;
      if (asOf) {
        position = Math.min(Math.max(dayNumber(asOf) - this.range.first, 0), span);
      }
      this.slider.value = String(position);
      this.slider.disabled = false;
    }
    this.showDate();
  };

  GraphView.prototype.query = function (asOf) {
    var params = new URLSearchParams();
    if (asOf) {
      params.set("as_of", asOf);
    }
    var types = byId("filter-type");
    if (types) {
      for (var i = 0; i < types.options.length; i++) {
        if (types.options[i].selected && types.options[i].value) {
          params.append("type", types.options[i].value);
        }
      }
    }
    var region = byId("filter-region");
    if (region && region.value) {
      params.set("region", region.value);
    }
    var strength = byId("min-strength");
    if (strength && strength.value !== "") {
      params.set("min_strength", strength.value);
    }
    var sources = byId("min-sources");
    if (sources && sources.value !== "") {
      params.set("min_sources", sources.value);
    }
    return params.toString();
  };

  GraphView.prototype.load = function (asOf) {
    var view = this;
    var request = ++this.request;
    var query = this.query(asOf);
    this.container.setAttribute("data-ready", "0");
    this.status.textContent = "Loading...";
    window
      .fetch("/api/graph" + (query ? "?" + query : ""), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(
          function (body) {
            return { ok: response.ok, status: response.status, body: body };
          },
          function () {
            return { ok: false, status: response.status, body: null };
          }
        );
      })
      .then(function (answer) {
        if (request !== view.request) {
          return; // a newer request is on its way
        }
        if (!answer.ok) {
          var detail = answer.body && answer.body.detail;
          view.error("The graph could not be loaded (" + answer.status + "): " + describe(detail));
          return;
        }
        view.setRange(answer.body.range, answer.body.as_of);
        view.fillFilters(answer.body);
        view.draw(answer.body);
      })
      .catch(function (err) {
        if (request === view.request) {
          view.error("The graph could not be loaded: " + err);
        }
      });
  };

  GraphView.prototype.error = function (message) {
    this.container.setAttribute("data-ready", "0");
    this.container.setAttribute("data-error", message);
    this.status.textContent = message;
  };

  // The server may render the filter choices itself; fill them only if it did not.
  GraphView.prototype.fillFilters = function (data) {
    if (this.filtersFilled) {
      return;
    }
    this.filtersFilled = true;
    var types = byId("filter-type");
    if (types && types.options.length === 0) {
      (data.types || []).forEach(function (type) {
        types.appendChild(option(type, type));
      });
    }
    var region = byId("filter-region");
    if (region && region.options.length <= 1) {
      if (region.options.length === 0) {
        region.appendChild(option("", "all regions"));
      }
      (data.regions || []).forEach(function (name) {
        region.appendChild(option(name, name));
      });
    }
  };

  GraphView.prototype.draw = function (data) {
    var view = this;
    var nodes = data.nodes || [];
    var known = {};
    var elements = [];
    nodes.forEach(function (node, index) {
      known[node.id] = true;
      elements.push({
        group: "nodes",
        data: {
          id: String(node.id),
          label: node.label,
          type: node.type,
          region: node.region,
          url: node.url,
          colour: colourFor(ACTOR_COLOURS, node.type)
        },
        position: view.positions[node.id] || circle(index, nodes.length)
      });
    });
    var edges = (data.edges || []).filter(function (edge) {
      return known[edge.source] && known[edge.target];
    });
    // Hubs are drawn larger, with larger names, so they read when zoomed out.
    var degree = {};
    edges.forEach(function (edge) {
      degree[edge.source] = (degree[edge.source] || 0) + 1;
      degree[edge.target] = (degree[edge.target] || 0) + 1;
    });
    elements.forEach(function (element) {
      var root = Math.sqrt(degree[element.data.id] || 0);
      element.data.size = Math.round(16 + 6 * root);
      element.data.font = Math.round(13 + 3 * root);
    });
    edges.forEach(function (edge) {
      var strength = Math.min(Math.max(Number(edge.strength) || 0, 0), 1);
      var classes = [];
      if (edge.hedged || edge.disputed) {
        classes.push("uncertain");
      }
      if (!SYMMETRIC[edge.type]) {
        classes.push("directed");
      }
      elements.push({
        group: "edges",
        data: {
          id: String(edge.id),
          source: String(edge.source),
          target: String(edge.target),
          type: edge.type,
          strength: strength,
          sources: edge.sources,
          status: edge.status,
          first: edge.first,
          last: edge.last,
          url: edge.url,
          colour: colourFor(RELATION_COLOURS, edge.type),
          width: 1 + 7 * strength
        },
        classes: classes.join(" ")
      });
    });

    if (!this.cy) {
      clear(this.container);
      this.cy = window.cytoscape({
        container: this.container,
        elements: elements,
        style: STYLE,
        layout: { name: "preset" },
        minZoom: 0.2,
        maxZoom: 4
      });
      this.hook();
      window.allianceGraph = this.cy;
    } else {
      this.cy.batch(function () {
        view.cy.elements().remove();
        view.cy.add(elements);
      });
    }
    if (nodes.length > 0) {
      // Seeded by the circle (or the previous picture), not by chance: the same
      // data gives the same layout.
      this.cy
        .layout({
          name: "cose",
          animate: false,
          randomize: false,
          fit: true,
          padding: 30,
          nodeDimensionsIncludeLabels: false,
          componentSpacing: 60,
          gravity: 0.6,
          nodeOverlap: 20,
          idealEdgeLength: function () {
            return 70;
          },
          nodeRepulsion: function () {
            return 300000;
          }
        })
        .run();
    }
    this.cy.nodes().forEach(function (node) {
      var p = node.position();
      view.positions[node.id()] = { x: p.x, y: p.y };
    });

    this.drawLegend(nodes, edges);
    this.status.textContent =
      nodes.length === 0
        ? "No ties match these filters" + (data.as_of ? " as of " + data.as_of : "") + "."
        : nodes.length + " actors, " + edges.length + " ties" + (data.as_of ? " as of " + data.as_of : "") +
          ". Click an actor or a tie to open it.";
    this.container.removeAttribute("data-error");
    this.container.setAttribute("data-nodes", String(this.cy.nodes().length));
    this.container.setAttribute("data-edges", String(this.cy.edges().length));
    this.container.setAttribute("data-as-of", data.as_of || "");
    this.container.setAttribute("data-ready", "1");
  };

  GraphView.prototype.hook = function () {
    var view = this;
    this.cy.on("tap", "node, edge", function (event) {
      var url = event.target.data("url");
      // Only a path on this site: never another origin or a javascript: URL.
      if (typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" && url.charAt(1) !== "\\") {
        window.location.assign(url);
      }
    });
    this.cy.on("mouseover", "edge", function (event) {
      var edge = event.target;
      view.status.textContent =
        edge.source().data("label") + " " + edge.data("type") + " " + edge.target().data("label") +
        ": strength " + edge.data("strength").toFixed(2) + ", " + edge.data("sources") + " source(s), " +
        edge.data("status") + (edge.data("first") ? ", since " + edge.data("first") : "");
    });
    this.cy.on("mouseover", "node", function (event) {
      var node = event.target;
      view.status.textContent = node.data("label") + " (" + node.data("type") + ")";
    });
  };

  GraphView.prototype.drawLegend = function (nodes, edges) {
    var legend = this.legend;
    clear(legend);
    var actorTypes = unique(nodes.map(function (n) { return n.type; }));
    var relationTypes = unique(edges.map(function (e) { return e.type; }));
    legend.appendChild(legendList("Actors", actorTypes, function (type) {
      return swatch("node", colourFor(ACTOR_COLOURS, type));
    }));
    legend.appendChild(legendList("Ties", relationTypes, function (type) {
      return swatch("edge", colourFor(RELATION_COLOURS, type));
    }));
    var note = document.createElement("p");
    note.className = "legend-note";
    note.textContent = "Thicker: stronger. Dashed: hedged or disputed. Arrow: from the actor who acts.";
    legend.appendChild(note);
  };

  function legendList(title, keys, makeSwatch) {
    var box = document.createElement("div");
    box.className = "legend-group";
    var heading = document.createElement("strong");
    heading.textContent = title + ": ";
    box.appendChild(heading);
    var list = document.createElement("ul");
    list.style.display = "inline";
    list.style.padding = "0";
    keys.forEach(function (key) {
      var item = document.createElement("li");
      item.style.display = "inline-block";
      item.style.marginRight = "1em";
      item.appendChild(makeSwatch(key));
      item.appendChild(document.createTextNode(String(key).replace(/_/g, " ")));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function swatch(kind, colour) {
    var mark = document.createElement("span");
    mark.className = "swatch swatch-" + kind;
    mark.style.display = "inline-block";
    mark.style.marginRight = "0.3em";
    mark.style.backgroundColor = colour;
    if (kind === "node") {
      mark.style.width = mark.style.height = "0.8em";
      mark.style.borderRadius = "50%";
    } else {
      mark.style.width = "1.6em";
      mark.style.height = "0.25em";
      mark.style.verticalAlign = "middle";
    }
    return mark;
  }

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function unique(values) {
    var seen = {};
    var out = [];
    values.forEach(function (v) {
      if (v !== undefined && v !== null && !seen[v]) {
        seen[v] = true;
        out.push(v);
      }
    });
    return out.sort();
  }

  function circle(index, count) {
    var radius = 40 * Math.max(count, 4);
    var angle = (2 * Math.PI * index) / Math.max(count, 1);
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  }

  function describe(detail) {
    if (typeof detail === "string") {
      return detail;
    }
    if (Array.isArray(detail)) {
      return detail
        .map(function (d) {
          return d && d.msg ? d.msg : JSON.stringify(d);
        })
        .join("; ");
    }
    return detail ? JSON.stringify(detail) : "no detail";
  }

  function initialAsOf() {
    var value = new URLSearchParams(window.location.search).get("as_of");
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  }

  var STYLE = [
    {
      selector: "node",
      style: {
        "background-color": "data(colour)",
        label: "data(label)",
        "font-size": "data(font)",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": 180,
        "text-outline-color": "#fff",
        "text-outline-width": 2,
        width: "data(size)",
        height: "data(size)"
      }
    },
    {
      selector: "edge",
      style: {
        "line-color": "data(colour)",
        "target-arrow-color": "data(colour)",
        width: "data(width)",
        "curve-style": "bezier",
        opacity: 0.85
      }
    },
    { selector: "edge.directed", style: { "target-arrow-shape": "triangle", "arrow-scale": 0.8 } },
    { selector: "edge.uncertain", style: { "line-style": "dashed" } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
    { selector: "edge:selected", style: { opacity: 1 } }
  ];

  function main() {
    var container = byId("graph");
    if (!container) {
      return;
    }
    new GraphView(container).start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", main);
  } else {
    main();
  }
})();
