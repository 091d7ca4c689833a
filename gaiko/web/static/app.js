// gaiko web UI: small progressive enhancements. The pages work without this file.
(function () {
  "use strict";

  // Network: hovering or focusing a node highlights its edges and neighbours.
  function network() {
    var svg = document.getElementById("network");
    if (!svg) return;
    var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
    var nodes = Array.prototype.slice.call(svg.querySelectorAll(".node, .node-label"));
    function focus(id) {
      var near = {};
      near[id] = true;
      edges.forEach(function (e) {
        var on = e.getAttribute("data-source") === id || e.getAttribute("data-target") === id;
        e.classList.toggle("dim", !on);
        e.classList.toggle("lit", on);
        if (on) {
          near[e.getAttribute("data-source")] = true;
          near[e.getAttribute("data-target")] = true;
        }
      });
      nodes.forEach(function (n) { n.classList.toggle("dim", !near[n.getAttribute("data-node")]); });
    }
    function clear() {
      edges.forEach(function (e) { e.classList.remove("dim", "lit"); });
      nodes.forEach(function (n) { n.classList.remove("dim"); });
    }
    nodes.forEach(function (n) {
      var id = n.getAttribute("data-node");
      n.addEventListener("mouseenter", function () { focus(id); });
      n.addEventListener("focus", function () { focus(id); });
      n.addEventListener("mouseleave", clear);
      n.addEventListener("blur", clear);
    });
  }

  // Zoom and pan an SVG by its viewBox (wheel or the +/− buttons zoom, dragging pans);
  // the drawing stays vector, so labels stay sharp at any zoom.
  function zoomable() {
    Array.prototype.forEach.call(document.querySelectorAll("svg.zoomable"), function (svg) {
      var start = svg.getAttribute("viewBox").split(/\s+/).map(Number);
      var box = start.slice();
      function apply() { svg.setAttribute("viewBox", box.map(function (v) { return v.toFixed(1); }).join(" ")); }
      function zoom(factor, cx, cy) {
        var w = Math.min(start[2] * 1.5, Math.max(start[2] / 20, box[2] * factor));
        var h = w * start[3] / start[2];
        box = [cx - (cx - box[0]) * w / box[2], cy - (cy - box[1]) * h / box[3], w, h];
        apply();
      }
      function toSvg(evt) {
        var r = svg.getBoundingClientRect();
        return [box[0] + (evt.clientX - r.left) / r.width * box[2], box[1] + (evt.clientY - r.top) / r.height * box[3]];
      }
      svg.addEventListener("wheel", function (evt) {
        evt.preventDefault();
        var p = toSvg(evt);
        zoom(evt.deltaY < 0 ? 0.8 : 1.25, p[0], p[1]);
      }, { passive: false });
      var drag = null;
      svg.addEventListener("pointerdown", function (evt) {
        if (evt.button !== 0) return;
        drag = { x: evt.clientX, y: evt.clientY, box: box.slice(), moved: false };
      });
      svg.addEventListener("pointermove", function (evt) {
        if (!drag) return;
        var r = svg.getBoundingClientRect();
        var dx = (evt.clientX - drag.x) / r.width * box[2], dy = (evt.clientY - drag.y) / r.height * box[3];
        if (Math.abs(evt.clientX - drag.x) + Math.abs(evt.clientY - drag.y) > 3) drag.moved = true;
        if (!drag.moved) return;
        box = [drag.box[0] - dx, drag.box[1] - dy, box[2], box[3]];
        apply();
      });
      svg.addEventListener("click", function (evt) {
        if (drag && drag.moved) evt.preventDefault();  // a drag is not a click on a node
        drag = null;
      }, true);
      ["pointerup", "pointerleave"].forEach(function (name) {
        svg.addEventListener(name, function () { if (drag && !drag.moved) drag = null; else if (drag) setTimeout(function () { drag = null; }, 0); });
      });
      var controls = document.querySelector('.zoom-controls[data-for="' + svg.id + '"]');
      if (controls) {
        controls.addEventListener("click", function (evt) {
          var what = evt.target.getAttribute("data-zoom");
          if (what === "reset") { box = start.slice(); apply(); }
          else if (what) zoom(what === "in" ? 0.7 : 1.4, box[0] + box[2] / 2, box[1] + box[3] / 2);
        });
      }
    });
  }

  // Filters: empty fields are left out of the URL, so links stay short.
  function filters() {
    Array.prototype.forEach.call(document.querySelectorAll("form.filters"), function (form) {
      form.addEventListener("submit", function () {
        Array.prototype.forEach.call(form.elements, function (el) {
          if (el.name && el.value === "") el.disabled = true;
        });
      });
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (sel) {
        sel.addEventListener("change", function () {
          if (form.requestSubmit) form.requestSubmit(); else form.submit();
        });
      });
    });
  }

  // Paste: the pipeline takes a few seconds; say so and avoid double submits.
  function paste() {
    var form = document.getElementById("paste-form");
    if (!form) return;
    form.addEventListener("submit", function () {
      var button = document.getElementById("paste-submit");
      var busy = document.getElementById("paste-busy");
      if (button) button.disabled = true;
      if (busy) busy.hidden = false;
    });
  }

  // Articles: scroll each to the evidence of the event the page is about.
  function evidence() {
    Array.prototype.forEach.call(document.querySelectorAll(".article"), function (box) {
      var mark = box.querySelector("mark.current");
      if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    network();
    zoomable();
    filters();
    paste();
    evidence();
  });
})();
