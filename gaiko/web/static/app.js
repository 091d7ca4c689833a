// gaiko web UI: small progressive enhancements. The pages work without this file.
(function () {
  "use strict";

  // Network: hovering or focusing a node highlights its edges and neighbours.
  function network() {
    var svg = document.getElementById("network");
    if (!svg) return;
    var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
    var nodes = Array.prototype.slice.call(svg.querySelectorAll(".node"));
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
    filters();
    paste();
    evidence();
  });
})();
