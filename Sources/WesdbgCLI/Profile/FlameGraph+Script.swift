extension FlameGraph {
    /// The flame graph's behaviour: hover details, click to zoom, Reset Zoom, Search.
    static let script = #"""
    "use strict";
    var svg = document.documentElement;
    var total = +svg.getAttribute("data-total"), inner = +svg.getAttribute("data-inner");
    var pad = +svg.getAttribute("data-pad"), charWidth = +svg.getAttribute("data-char");
    var frames = Array.prototype.slice.call(document.querySelectorAll("g.frame"));
    var details = document.getElementById("details"), matched = document.getElementById("matched");
    var reset = document.getElementById("reset"), search = document.getElementById("search");
    function data(g, k) { return g.getAttribute("data-" + k); }
    function label(name, w) {
      var fits = Math.floor((w - 6) / charWidth);
      if (fits < 3) return "";
      return name.length <= fits ? name : name.substring(0, fits - 2) + "..";
    }
    function share(fuel) { return (Math.round(fuel * 1000 / Math.max(total, 1)) / 10).toFixed(1) + "%"; }
    function place(g, x, w) {
      var rect = g.querySelector("rect"), text = g.querySelector("text");
      rect.setAttribute("x", x.toFixed(2)); rect.setAttribute("width", w.toFixed(2));
      text.setAttribute("x", (x + 3).toFixed(2));
      text.textContent = label(data(g, "name"), w);
    }
    frames.forEach(function (g) {
      g.addEventListener("mouseover", function () {
        details.textContent = data(g, "name") + " (" + data(g, "fuel") + " fuel, " + share(+data(g, "fuel")) + ")";
      });
      g.addEventListener("mouseout", function () { details.textContent = " "; });
      g.addEventListener("click", function () { zoom(g); });
    });
    function zoom(target) {
      var start = +data(target, "start"), fuel = +data(target, "fuel"), depth = +data(target, "depth");
      frames.forEach(function (g) {
        var s = +data(g, "start"), f = +data(g, "fuel"), d = +data(g, "depth");
        var inside = s >= start && s + f <= start + fuel && d >= depth;
        var below = d < depth && s <= start && s + f >= start + fuel;
        g.style.display = inside || below ? "" : "none";
        if (inside) place(g, pad + (s - start) * inner / fuel, f * inner / fuel);
        if (below) place(g, pad, inner);
      });
      reset.setAttribute("class", "button");
    }
    function unzoom() {
      frames.forEach(function (g) {
        g.style.display = "";
        place(g, pad + +data(g, "start") * inner / Math.max(total, 1), +data(g, "fuel") * inner / Math.max(total, 1));
      });
      reset.setAttribute("class", "button hidden");
    }
    function highlight(pattern) {
      var re = pattern ? new RegExp(pattern) : null, hits = [];
      frames.forEach(function (g) {
        var rect = g.querySelector("rect");
        if (!rect.hasAttribute("data-fill")) rect.setAttribute("data-fill", rect.getAttribute("fill"));
        var hit = re !== null && +data(g, "depth") > 0 && re.test(data(g, "name"));
        rect.setAttribute("fill", hit ? "rgb(230,0,230)" : rect.getAttribute("data-fill"));
        if (hit) hits.push(g);
      });
      // Nested matches lie inside their matching ancestor: count each stretch of fuel once.
      hits.sort(function (a, b) { return (+data(a, "start") - +data(b, "start")) || (+data(a, "depth") - +data(b, "depth")); });
      var sum = 0, covered = 0;
      hits.forEach(function (g) {
        var s = +data(g, "start"), f = +data(g, "fuel");
        if (s >= covered) { sum += f; covered = s + f; }
      });
      matched.textContent = re === null ? "" : "Matched: " + share(sum);
      search.textContent = re === null ? "Search" : "Reset Search";
    }
    reset.addEventListener("click", unzoom);
    search.addEventListener("click", function () {
      if (search.textContent !== "Search") { highlight(null); return; }
      var pattern = window.prompt("Search for (regular expression):", "");
      if (pattern) { try { highlight(pattern); } catch (e) { matched.textContent = "bad pattern"; } }
    });
    // `file.svg#zoom=NAME&search=PATTERN` zooms to the first frame named NAME and highlights
    // PATTERN when opened (links to a view, and lets a browser test drive both).
    var hash = window.location.hash.substring(1).split("&");
    hash.forEach(function (part) {
      var eq = part.indexOf("="), key = part.substring(0, eq), value = decodeURIComponent(part.substring(eq + 1));
      if (key === "zoom") {
        var g = frames.filter(function (f) { return data(f, "name") === value; })[0];
        if (g) zoom(g);
      }
      if (key === "search" && value) highlight(value);
    });

    """#
}
