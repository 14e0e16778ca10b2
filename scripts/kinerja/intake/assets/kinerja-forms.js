/*
 * Kinerja intake forms: "Laporkan realisasi" and "Usulkan kontrak / perubahan".
 *
 * One self-contained script: no external scripts, no inline handlers (a strict Content-Security-Policy
 * applies), every text inserted with textContent. The data comes from kinerja-forms-data/ next to this
 * script (index.json, then units/<unit>.json when a unit is chosen). The checks come from the JSON Schemas
 * (index.json "rules") and speak with the error catalogue's words (index.json "messages").
 *
 * The YAML is built here in the canonical shape of kinerja.load.yamlsafe.dump (a port of PyYAML's emitter
 * for block mappings and sequences, width 100, with the same quoting rules), so what the browser shows,
 * downloads or proposes on the Git host is exactly what the intake service would write.
 */
(function () {
  "use strict";

  var SCRIPT_URL = (document.currentScript && document.currentScript.src) || document.baseURI;

  /* ------------------------------------------------------------------------------------------------ *
   * YAML: canonical emitter                                                                            *
   * ------------------------------------------------------------------------------------------------ */

  function Num(text) { this.text = String(text); }

  var BREAKS = "\n\u0085\u2028\u2029";
  var SPACE_BREAKS = "\0 \t\r\n\u0085\u2028\u2029";
  var INT_RE = /^[-+]?(?:0|[1-9][0-9]*)$/;
  var FLOAT_RE = /^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
  // PyYAML's (YAML 1.1) implicit resolvers: a plain scalar matching one of them is not read as text.
  var RESOLVERS = [
    /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
    /^(?:<<)$/,
    /^(?:~|null|Null|NULL|)$/,
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
    /^(?:=)$/
  ];
  var ESCAPES = {
    "\0": "0", "\u0007": "a", "\b": "b", "\t": "t", "\n": "n", "\u000B": "v", "\f": "f", "\r": "r",
    "\u001B": "e", "\"": "\"", "\\": "\\", "\u0085": "N", "\u00A0": "_", "\u2028": "L", "\u2029": "P"
  };

  function has(chars, c) { return c !== null && c !== undefined && c.length > 0 && chars.indexOf(c) >= 0; }

  function hex(cp, width) {
    var s = cp.toString(16).toUpperCase();
    while (s.length < width) { s = "0" + s; }
    return s;
  }

  /* The style kinerja's presenter asks for: '"' for text that would read back as something else. */
  function presenterStyle(value) {
    if (value.indexOf("\n") >= 0) { return "|"; }
    if (INT_RE.test(value) || FLOAT_RE.test(value) || ["true", "false", "null", "~", ""].indexOf(value) >= 0 ||
        /^[0-9]/.test(value) || ["yes", "no", "on", "off", "y", "n"].indexOf(value.toLowerCase()) >= 0) {
      return "\"";
    }
    return null;
  }

  function plainIsText(value) {
    for (var i = 0; i < RESOLVERS.length; i++) { if (RESOLVERS[i].test(value)) { return false; } }
    return true;
  }

  function analyze(ch) {
    var n = ch.length;
    if (!n) {
      return { empty: true, multiline: false, blockPlain: true, single: true, block: false };
    }
    var blockInd = false, flowInd = false, lineBreaks = false, special = false;
    var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
    var breakSpace = false, spaceBreak = false;
    var joined = ch.join("");
    if (joined.indexOf("---") === 0 || joined.indexOf("...") === 0) { blockInd = flowInd = true; }
    var preceded = true;
    var followed = n === 1 || has(SPACE_BREAKS, ch[1]);
    var prevSpace = false, prevBreak = false;
    for (var i = 0; i < n; i++) {
      var c = ch[i];
      if (i === 0) {
        if (has("#,[]{}&*!|>'\"%@`", c)) { flowInd = blockInd = true; }
        if (has("?:", c)) { flowInd = true; if (followed) { blockInd = true; } }
        if (c === "-" && followed) { flowInd = blockInd = true; }
      } else {
        if (has(",?[]{}", c)) { flowInd = true; }
        if (c === ":") { flowInd = true; if (followed) { blockInd = true; } }
        if (c === "#" && preceded) { flowInd = blockInd = true; }
      }
      if (has(BREAKS, c)) { lineBreaks = true; }
      if (!(c === "\n" || (c >= "\u0020" && c <= "\u007E"))) {
        var cp = c.codePointAt(0);
        var unicode = (cp === 0x85 || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                       (cp >= 0x10000 && cp < 0x10FFFF)) && cp !== 0xFEFF;
        if (!unicode) { special = true; }
      }
      if (c === " ") {
        if (i === 0) { leadingSpace = true; }
        if (i === n - 1) { trailingSpace = true; }
        if (prevBreak) { breakSpace = true; }
        prevSpace = true; prevBreak = false;
      } else if (has(BREAKS, c)) {
        if (i === 0) { leadingBreak = true; }
        if (i === n - 1) { trailingBreak = true; }
        if (prevSpace) { spaceBreak = true; }
        prevSpace = false; prevBreak = true;
      } else {
        prevSpace = false; prevBreak = false;
      }
      preceded = has(SPACE_BREAKS, c);
      followed = i + 2 >= n || has(SPACE_BREAKS, ch[i + 2]);
    }
    var blockPlain = true, single = true, block = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) { blockPlain = false; }
    if (trailingSpace) { block = false; }
    if (breakSpace) { blockPlain = single = false; }
    if (spaceBreak || special) { blockPlain = single = block = false; }
    if (lineBreaks) { blockPlain = false; }
    if (blockInd) { blockPlain = false; }
    return { empty: false, multiline: lineBreaks, blockPlain: blockPlain, single: single, block: block };
  }

  function chooseStyle(style, implicitPlain, a, simpleKey) {
    if (style === "\"") { return "\""; }
    if (!style && implicitPlain) {
      if (!(simpleKey && (a.empty || a.multiline)) && a.blockPlain) { return ""; }
    }
    if (style === "|") {
      if (!simpleKey && a.block) { return "|"; }
    }
    if (!style || style === "'") {
      if (a.single && !(simpleKey && a.multiline)) { return "'"; }
    }
    return "\"";
  }

  function Emitter() {
    this.out = [];
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
    this.indent = null;
    this.indents = [];
    this.bestWidth = 100;
    this.bestIndent = 2;
    this.openEnded = false;
  }

  Emitter.prototype.write = function (s) { this.out.push(s); };

  Emitter.prototype.indicator = function (ind, needWs, whitespace, indention) {
    var data = (this.whitespace || !needWs) ? ind : " " + ind;
    this.whitespace = !!whitespace;
    this.indention = this.indention && !!indention;
    this.column += Array.from(data).length;
    this.openEnded = false;
    this.write(data);
  };

  Emitter.prototype.writeIndent = function () {
    var indent = this.indent || 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.lineBreak();
    }
    if (this.column < indent) {
      this.whitespace = true;
      this.write(" ".repeat(indent - this.column));
      this.column = indent;
    }
  };

  Emitter.prototype.lineBreak = function (data) {
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
    this.write(data === undefined ? "\n" : data);
  };

  Emitter.prototype.increaseIndent = function (flow, indentless) {
    this.indents.push(this.indent);
    if (this.indent === null) {
      this.indent = flow ? this.bestIndent : 0;
    } else if (!indentless) {
      this.indent += this.bestIndent;
    }
  };

  Emitter.prototype.node = function (value, ctx) {
    var self = this;
    if (Array.isArray(value)) {
      if (!value.length) { this.indicator("[", true, true); this.indicator("]", false); return; }
      this.increaseIndent(false, !!ctx.mapping && !this.indention);
      value.forEach(function (item) {
        self.writeIndent();
        self.indicator("-", true, false, true);
        self.node(item, { sequence: true });
      });
      this.indent = this.indents.pop();
    } else if (value !== null && typeof value === "object" && !(value instanceof Num)) {
      var keys = Object.keys(value);
      if (!keys.length) { this.indicator("{", true, true); this.indicator("}", false); return; }
      this.increaseIndent(false, false);
      keys.forEach(function (key) {
        self.writeIndent();
        self.scalar(key, { mapping: true, simpleKey: true });
        self.indicator(":", false);
        self.node(value[key], { mapping: true });
      });
      this.indent = this.indents.pop();
    } else {
      this.scalar(value, ctx);
    }
  };

  Emitter.prototype.scalar = function (value, ctx) {
    var text, style, implicitPlain;
    if (value === null || value === undefined) {
      text = "null"; style = null; implicitPlain = true;
    } else if (value === true || value === false) {
      text = String(value); style = null; implicitPlain = true;
    } else if (value instanceof Num || typeof value === "number") {
      text = value instanceof Num ? value.text : String(value); style = null; implicitPlain = true;
    } else {
      text = String(value); style = presenterStyle(text); implicitPlain = plainIsText(text);
    }
    this.increaseIndent(true, false);
    var ch = Array.from(text);
    var chosen = chooseStyle(style, implicitPlain, analyze(ch), !!ctx.simpleKey);
    var split = !ctx.simpleKey;
    if (chosen === "\"") { this.doubleQuoted(ch, split); }
    else if (chosen === "'") { this.singleQuoted(ch, split); }
    else if (chosen === "|") { this.literal(ch); }
    else { this.plain(ch, split); }
    this.indent = this.indents.pop();
  };

  Emitter.prototype.chunk = function (ch, start, end) {
    if (start < end) {
      this.column += end - start;
      this.write(ch.slice(start, end).join(""));
    }
  };

  Emitter.prototype.plain = function (ch, split) {
    var n = ch.length;
    if (!n) { return; }
    if (!this.whitespace) { this.column += 1; this.write(" "); }
    this.whitespace = false;
    this.indention = false;
    var spaces = false, breaks = false, start = 0, end = 0;
    while (end <= n) {
      var c = end < n ? ch[end] : null;
      if (spaces) {
        if (c !== " ") {
          if (start + 1 === end && this.column > this.bestWidth && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else {
            this.chunk(ch, start, end);
          }
          start = end;
        }
      } else if (breaks) {
        if (!has(BREAKS, c)) {
          if (ch[start] === "\n") { this.lineBreak(); }
          for (var i = start; i < end; i++) { this.lineBreak(ch[i] === "\n" ? undefined : ch[i]); }
          this.writeIndent();
          this.whitespace = false;
          this.indention = false;
          start = end;
        }
      } else if (c === null || has(" \n\u0085\u2028\u2029", c)) {
        this.chunk(ch, start, end);
        start = end;
      }
      if (c !== null) { spaces = c === " "; breaks = has(BREAKS, c); }
      end += 1;
    }
  };

  Emitter.prototype.singleQuoted = function (ch, split) {
    var n = ch.length;
    this.indicator("'", true);
    var spaces = false, breaks = false, start = 0, end = 0;
    while (end <= n) {
      var c = end < n ? ch[end] : null;
      if (spaces) {
        if (c === null || c !== " ") {
          if (start + 1 === end && this.column > this.bestWidth && split && start !== 0 && end !== n) {
            this.writeIndent();
          } else {
            this.chunk(ch, start, end);
          }
          start = end;
        }
      } else if (breaks) {
        if (c === null || !has(BREAKS, c)) {
          if (ch[start] === "\n") { this.lineBreak(); }
          for (var i = start; i < end; i++) { this.lineBreak(ch[i] === "\n" ? undefined : ch[i]); }
          this.writeIndent();
          start = end;
        }
      } else if (c === null || has(" \n\u0085\u2028\u2029", c) || c === "'") {
        if (start < end) { this.chunk(ch, start, end); start = end; }
      }
      if (c === "'") { this.column += 2; this.write("''"); start = end + 1; }
      if (c !== null) { spaces = c === " "; breaks = has(BREAKS, c); }
      end += 1;
    }
    this.indicator("'", false);
  };

  function printableInDouble(c) {
    if (c >= "\u0020" && c <= "\u007E") { return true; }
    var cp = c.codePointAt(0);
    return (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD);
  }

  Emitter.prototype.doubleQuoted = function (ch, split) {
    var n = ch.length;
    this.indicator("\"", true);
    var start = 0, end = 0;
    while (end <= n) {
      var c = end < n ? ch[end] : null;
      if (c === null || has("\"\\\u0085\u2028\u2029\uFEFF", c) || !printableInDouble(c)) {
        if (start < end) { this.chunk(ch, start, end); start = end; }
        if (c !== null) {
          var data, cp = c.codePointAt(0);
          if (Object.prototype.hasOwnProperty.call(ESCAPES, c)) { data = "\\" + ESCAPES[c]; }
          else if (cp <= 0xFF) { data = "\\x" + hex(cp, 2); }
          else if (cp <= 0xFFFF) { data = "\\u" + hex(cp, 4); }
          else { data = "\\U" + hex(cp, 8); }
          this.column += data.length;
          this.write(data);
          start = end + 1;
        }
      }
      if (end > 0 && end < n - 1 && (c === " " || start >= end) && this.column + (end - start) > this.bestWidth && split) {
        var part = ch.slice(start, end).join("") + "\\";
        if (start < end) { start = end; }
        this.column += Array.from(part).length;
        this.write(part);
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (ch[start] === " ") { this.column += 1; this.write("\\"); }
      }
      end += 1;
    }
    this.indicator("\"", false);
  };

  Emitter.prototype.literal = function (ch) {
    var n = ch.length;
    var hints = "";
    if (n) {
      if (has(" \n\u0085\u2028\u2029", ch[0])) { hints += String(this.bestIndent); }
      if (!has(BREAKS, ch[n - 1])) { hints += "-"; }
      else if (n === 1 || has(BREAKS, ch[n - 2])) { hints += "+"; }
    }
    this.indicator("|" + hints, true);
    if (hints.slice(-1) === "+") { this.openEnded = true; }
    this.lineBreak();
    var breaks = true, start = 0, end = 0;
    while (end <= n) {
      var c = end < n ? ch[end] : null;
      if (breaks) {
        if (c === null || !has(BREAKS, c)) {
          for (var i = start; i < end; i++) { this.lineBreak(ch[i] === "\n" ? undefined : ch[i]); }
          if (c !== null) { this.writeIndent(); }
          start = end;
        }
      } else if (c === null || has(BREAKS, c)) {
        this.write(ch.slice(start, end).join(""));
        if (c === null) { this.lineBreak(); }
        start = end;
      }
      if (c !== null) { breaks = has(BREAKS, c); }
      end += 1;
    }
  };

  /* The canonical YAML text of ``data`` (objects keep their key order; numbers as Num). */
  function dumpYaml(data) {
    var e = new Emitter();
    e.node(data, { root: true });
    e.indent = null;
    e.writeIndent();
    if (e.openEnded) { e.indicator("...", true); e.writeIndent(); }
    return e.out.join("");
  }

  /* Number bounds: a mirror of scripts/kinerja/bounds.py (MAX_CHARS, MAX_EXPONENT, MIN_EXPONENT), the one
   * place that says how big a number may be; a test compares these constants with it. */
  var BOUNDS = { maxChars: 40, maxExponent: 15, minExponent: -20 };

  /* Why the number written as ``raw`` is refused ("too-long", "too-large", "too-precise"), or null: the
   * same answer as bounds.refusal() in Python, from the text alone (nothing is expanded). */
  function numberRefusal(raw) {
    var s = String(raw === null || raw === undefined ? "" : raw).trim();
    if (s.length > BOUNDS.maxChars) { return "too-long"; }
    var m = /^[-+]?(?:([0-9]+)(?:\.([0-9]*))?|\.([0-9]+))(?:[eE]([-+]?[0-9]+))?$/.exec(s);
    if (!m) { return null; }
    var fraction = m[2] !== undefined ? m[2] : (m[3] || "");
    var digits = (m[1] || "") + fraction;
    var exp = (m[4] ? parseInt(m[4], 10) : 0) - fraction.length;  // value = digits x 10^exp
    var lead = digits.replace(/^0+/, "");
    if (!lead) {  // zero: no digits, but its exponent still counts (0.0e-999999999 is a gigabyte of zeros)
      return exp >= BOUNDS.maxExponent ? "too-large" : exp < BOUNDS.minExponent ? "too-precise" : null;
    }
    if (exp + lead.length - 1 >= BOUNDS.maxExponent) { return "too-large"; }
    if (exp + (lead.length - lead.replace(/0+$/, "").length) < BOUNDS.minExponent) { return "too-precise"; }
    return null;
  }

  /* A number as Python's Decimal would print it (format "f"), or null when it is not a number. */
  function normalizeNumber(raw) {
    var s = String(raw === null || raw === undefined ? "" : raw).trim();
    if (/^[-+]?[0-9]*,[0-9]+$/.test(s)) { s = s.replace(",", "."); }
    var m = /^([-+]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?$/.exec(s);
    if (!m || !(m[2] + (m[3] || "")).length) { return null; }
    var digits = m[2] + (m[3] || "");
    var exp = -(m[3] || "").length + (m[4] ? parseInt(m[4], 10) : 0);
    if (Math.abs(exp) > 40) { return null; }
    var whole, frac;
    if (exp >= 0) {
      whole = digits + "0".repeat(exp); frac = "";
    } else if (digits.length > -exp) {
      whole = digits.slice(0, digits.length + exp); frac = digits.slice(digits.length + exp);
    } else {
      whole = "0"; frac = "0".repeat(-exp - digits.length) + digits;
    }
    whole = whole.replace(/^0+(?=[0-9])/, "") || "0";
    var text = frac ? whole + "." + frac : whole;
    if (/^[0.]*$/.test(text)) { return text; }
    return (m[1] === "-" ? "-" : "") + text;
  }

  /* ------------------------------------------------------------------------------------------------ *
   * Small DOM helpers (text only: nothing from the data is ever parsed as HTML)                        *
   * ------------------------------------------------------------------------------------------------ */

  var uid = 0;
  function newId(prefix) { uid += 1; return (prefix || "kf") + "-" + uid; }

  function h(tag, attrs) {
    var el = document.createElement(tag);
    var key;
    for (key in (attrs || {})) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key)) { continue; }
      var v = attrs[key];
      if (v === null || v === undefined || v === false) { continue; }
      if (key === "text") { el.textContent = v; }
      else if (key === "dataset") { Object.keys(v).forEach(function (k) { el.dataset[k] = v[k]; }); }
      else { el.setAttribute(key, v === true ? "" : String(v)); }
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) { continue; }
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return el;
  }

  function q(root, name) { return root.querySelector("[data-kf=\"" + name + "\"]"); }

  function fill(template, values) {
    return String(template).replace(/\{([a-z_]+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  function option(value, label, selected, disabled) {
    return h("option", { value: value, text: label, selected: !!selected, disabled: !!disabled });
  }

  function resetSelect(select, placeholder, disabled) {
    while (select.firstChild) { select.removeChild(select.firstChild); }
    select.appendChild(option("", placeholder));
    select.disabled = !!disabled;
  }

  function fetchJson(url, options) {
    return fetch(url, options).then(function (response) {
      return response.text().then(function (body) {
        var data = null;
        try { data = body ? JSON.parse(body) : null; } catch (err) { data = null; }
        return { status: response.status, ok: response.ok, data: data };
      });
    });
  }

  /* ------------------------------------------------------------------------------------------------ *
   * Shared form machinery                                                                              *
   * ------------------------------------------------------------------------------------------------ */

  var SIGNS = { minimum: "\u2265", maximum: "\u2264", exclusiveMinimum: ">", exclusiveMaximum: "<" };

  function Form(el) {
    this.el = el;
    this.kind = el.getAttribute("data-kinerja-form");
    this.lang = el.getAttribute("lang") === "en" ? "en" : "id";
    this.dataUrl = new URL("kinerja-forms-data/", SCRIPT_URL);
    this.units = {};
    this.index = null;
    this.result = null;
    this.session = null;
    this.downloadUrl = null;
  }

  Form.prototype.t = function (key, values) {
    var words = (this.index && this.index.texts && this.index.texts[key]) || key;
    return values ? fill(words, values) : words;
  };

  Form.prototype.status = function (text) {
    var el = q(this.el, "status");
    el.textContent = text || "";
    el.hidden = !text;
  };

  Form.prototype.start = function () {
    var self = this;
    fetchJson(new URL("index.json?lang=" + this.lang, this.dataUrl).href, { credentials: "same-origin" }).then(function (answer) {
      if (!answer.ok || !answer.data) { throw new Error("index"); }
      self.index = answer.data;
      self.status("");
      self.setup();
    }).catch(function () {
      self.status(self.t("load_failed"));
    });
  };

  Form.prototype.period = function (id) {
    return (this.index.periods || []).filter(function (p) { return p.id === id; })[0] || null;
  };

  Form.prototype.loadUnit = function (unitId) {
    var self = this;
    if (this.units[unitId]) { return Promise.resolve(this.units[unitId]); }
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(unitId)) { return Promise.reject(new Error("unit")); }
    return fetchJson(new URL("units/" + unitId + ".json", this.dataUrl).href, { credentials: "same-origin" })
      .then(function (answer) {
        if (!answer.ok || !answer.data) { throw new Error("unit"); }
        self.units[unitId] = answer.data;
        return answer.data;
      });
  };

  Form.prototype.fillUnits = function () {
    var select = q(this.el, "unit");
    resetSelect(select, this.t("choose"), false);
    (this.index.units || []).forEach(function (u) {
      var pad = "\u00a0\u00a0".repeat(u.depth || 0);
      select.appendChild(option(u.id, pad + u.name + " (" + u.id + ")", false, !u.has_data));
    });
  };

  Form.prototype.rule = function (path) {
    var rules = (this.index.rules || {})[this.kind] || {};
    return rules[path] || {};
  };

  Form.prototype.label = function (path) {
    var rule = this.rule(path);
    return (rule.label && (rule.label[this.lang] || rule.label.en)) || path;
  };

  /* Set the native constraint attributes from the schema (the checks below do not rely on them). */
  Form.prototype.constrain = function (input, path, label) {
    var rule = this.rule(path);
    input.dataset.rule = path;
    input.dataset.label = label || this.label(path);
    if (input.type === "number") {
      input.step = "any";
      input.inputMode = "decimal";
      if (rule.minimum !== undefined) { input.min = rule.minimum; }
      if (rule.exclusiveMinimum !== undefined) { input.min = rule.exclusiveMinimum; }
      if (rule.maximum !== undefined) { input.max = rule.maximum; }
    } else {
      if (rule.maxLength !== undefined) { input.maxLength = rule.maxLength; }
      if (rule.minLength !== undefined && input.tagName !== "SELECT") { input.minLength = rule.minLength; }
      if (rule.pattern && input.tagName === "INPUT" && (input.type === "text" || input.type === "url")) {
        var pattern = rule.pattern.replace(/^\^/, "").replace(/\$$/, "");
        try { new RegExp(pattern, "v"); input.pattern = pattern; } catch (err) { /* the check below still applies */ }
      }
    }
    return input;
  };

  /* A catalogue message; the browser's own checks leave out the hints written for YAML editors. */
  Form.prototype.msg = function (code, values, withHint) {
    var entry = (this.index.messages || {})[code] || { message: code, hint: "" };
    var useHint = withHint || !/^K1/.test(code);
    return { code: code, message: fill(entry.message, values || {}), hint: useHint ? fill(entry.hint || "", values || {}) : "" };
  };

  /* Check one control against its schema rule; returns a problem or null. */
  Form.prototype.checkInput = function (input, required) {
    var rule = this.rule(input.dataset.rule || "");
    var label = input.dataset.label || input.name || "";
    var raw = input.value;
    var types = [].concat(rule.type || []);
    var value = typeof raw === "string" ? raw.trim() : raw;
    if (input.type === "number" && input.validity && input.validity.badInput) {
      return this.msg("K103", { field: label, expected: this.lang === "en" ? "a number" : "angka",
                                actual: this.lang === "en" ? "text" : "teks" });
    }
    if (value === "") {
      return required ? this.msg("K101", { field: label }) : null;
    }
    if (input.type === "number" || types.indexOf("number") >= 0 && types.indexOf("string") < 0) {
      var refusal = numberRefusal(value);
      if (refusal) {
        var shown = value.length <= 24 ? value : value.slice(0, 23) + "\u2026";
        if (refusal === "too-precise") {
          return this.msg("K016", { field: label, value: shown, min_exponent: BOUNDS.minExponent });
        }
        var reasons = { "too-long": ["lebih dari " + BOUNDS.maxChars + " karakter", "more than " + BOUNDS.maxChars + " characters"],
                        "too-large": ["10^" + BOUNDS.maxExponent + " atau lebih", "10^" + BOUNDS.maxExponent + " or more"] };
        return this.msg("K015", { field: label, value: shown, reason: reasons[refusal][this.lang === "en" ? 1 : 0],
                                  max_chars: BOUNDS.maxChars, max_exponent: BOUNDS.maxExponent });
      }
      var number = normalizeNumber(value);
      if (number === null) {
        return this.msg("K103", { field: label, expected: this.lang === "en" ? "a number" : "angka",
                                  actual: (this.lang === "en" ? "text" : "teks") + " (" + value + ")" });
      }
      var x = parseFloat(number);
      var bounds = [["minimum", function (b) { return x >= b; }], ["maximum", function (b) { return x <= b; }],
                    ["exclusiveMinimum", function (b) { return x > b; }], ["exclusiveMaximum", function (b) { return x < b; }]];
      for (var i = 0; i < bounds.length; i++) {
        var name = bounds[i][0];
        if (rule[name] !== undefined && !bounds[i][1](rule[name])) {
          return this.msg("K106", { field: label, value: number, bound: SIGNS[name] + " " + rule[name] });
        }
      }
      return null;
    }
    var length = Array.from(value).length;
    if (rule.minLength !== undefined && length < rule.minLength) {
      return this.msg("K109", { field: label, detail: this.lang === "en" ? "at least " + rule.minLength + " characters"
                                                                         : "sedikitnya " + rule.minLength + " karakter" });
    }
    if (rule.maxLength !== undefined && length > rule.maxLength) {
      return this.msg("K109", { field: label, detail: this.lang === "en" ? "at most " + rule.maxLength + " characters"
                                                                         : "paling banyak " + rule.maxLength + " karakter" });
    }
    if (rule.pattern && !(new RegExp(rule.pattern)).test(value)) {
      var problem = this.msg("K105", { field: label, value: value }, true);
      if (rule.pattern_hint) { problem.hint = rule.pattern_hint[this.lang] || problem.hint; }
      return problem;
    }
    if (rule.enum && rule.enum.indexOf(value) < 0) {
      return this.msg("K104", { field: label, value: value, allowed: rule.enum.join(", ") });
    }
    return null;
  };

  Form.prototype.clearErrors = function () {
    var box = q(this.el, "errors");
    box.hidden = true;
    box.removeAttribute("role");
    var list = box.querySelector("ul");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    Array.prototype.forEach.call(this.el.querySelectorAll("[aria-invalid]"), function (input) {
      input.removeAttribute("aria-invalid");
      var note = document.getElementById(input.id + "-error");
      if (note) { note.parentNode.removeChild(note); }
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
        return x && x !== input.id + "-error";
      });
      if (described.length) { input.setAttribute("aria-describedby", described.join(" ")); }
      else { input.removeAttribute("aria-describedby"); }
    });
  };

  /* Show problems: a summary with links to the fields, and a note under each field. */
  Form.prototype.showErrors = function (problems) {
    var self = this;
    var box = q(this.el, "errors");
    var list = box.querySelector("ul");
    problems.forEach(function (p) {
      var text = (p.code ? p.code + " " : "") + p.message + (p.hint ? " \u2014 " + p.hint : "");
      var item = h("li", { "data-code": p.code || "" });
      if (p.input && p.input.id) {
        var link = h("a", { href: "#" + p.input.id, text: text });
        link.addEventListener("click", function (event) {
          event.preventDefault();
          p.input.focus();
        });
        item.appendChild(link);
        p.input.setAttribute("aria-invalid", "true");
        if (!document.getElementById(p.input.id + "-error")) {
          var note = h("p", { id: p.input.id + "-error", "class": "kf-field-error", text: p.message });
          var holder = p.input.closest(".kf-field") || p.input.parentNode;
          holder.appendChild(note);
          var described = (p.input.getAttribute("aria-describedby") || "") + " " + p.input.id + "-error";
          p.input.setAttribute("aria-describedby", described.trim());
        }
      } else {
        item.textContent = text;
      }
      list.appendChild(item);
    });
    box.hidden = false;
    box.setAttribute("role", "alert");
    box.focus();
    self.hideOutput();
  };

  Form.prototype.hideOutput = function () {
    q(this.el, "output").hidden = true;
    this.result = null;
  };

  /* Show the YAML, the download, Path A and Path B. */
  Form.prototype.showOutput = function (data, path) {
    var yaml = dumpYaml(data);
    this.result = { data: data, path: path, yaml: yaml };
    q(this.el, "path").textContent = path;
    q(this.el, "yaml").textContent = yaml;
    var download = q(this.el, "download");
    if (this.downloadUrl) { URL.revokeObjectURL(this.downloadUrl); }
    this.downloadUrl = URL.createObjectURL(new Blob([yaml], { type: "application/yaml;charset=utf-8" }));
    download.href = this.downloadUrl;
    download.setAttribute("download", path.split("/").slice(-2).join("-"));
    var submit = this.index.submit || {};
    var git = submit.git;
    var pathA = q(this.el, "path-a");
    if (git && git.template) {
      var url = gitUrl(git, path, yaml, this.commitMessage(data));
      var link = q(this.el, "path-a-link");
      var help = q(this.el, "path-a-help");
      if (url.length > (git.max_url || 8000)) {
        link.hidden = true;
        link.removeAttribute("href");
        help.textContent = this.t("path_a_long");
      } else {
        link.hidden = false;
        link.href = url;
        link.textContent = this.t("path_a", { host: git.label || "Git" });
        help.textContent = this.t("path_a_help", { host: git.label || "Git" });
      }
      pathA.hidden = false;
    } else {
      pathA.hidden = true;
    }
    var pathB = q(this.el, "path-b");
    pathB.hidden = !(typeof submit.intake_url === "string");
    var receipt = q(this.el, "receipt");
    receipt.hidden = true;
    while (receipt.firstChild) { receipt.removeChild(receipt.firstChild); }
    q(this.el, "output").hidden = false;
    if (!pathB.hidden) { this.refreshSession(); }
    var title = this.el.querySelector(".kf-output h3");
    if (title) { title.focus(); }
  };

  Form.prototype.commitMessage = function (data) {
    return this.kind === "realisation"
      ? "Realisasi " + data.employee + " " + data.reporting_period
      : "Usulan SKP " + data.employee + " " + data.period;
  };

  function gitUrl(git, path, content, message) {
    var parts = path.split("/");
    var name = parts.pop();
    var values = {
      base: git.base || "", repo: git.repo || "", branch: encodeURIComponent(git.branch || "main"),
      path: encodeURIComponent(path), dir: encodeURIComponent(parts.join("/")), name: encodeURIComponent(name),
      content: encodeURIComponent(content), message: encodeURIComponent(message)
    };
    return git.template.replace(/\{(base|repo|branch|path|dir|name|content|message)\}/g, function (all, key) {
      return values[key];
    });
  }

  /* --- Path B: the intake service ------------------------------------------------------------------ */

  Form.prototype.intakeUrl = function (endpoint) {
    var base = (this.index.submit || {}).intake_url;
    var root = new URL("../", SCRIPT_URL);
    var url = new URL(base && base !== "." ? base : "./", root);
    if (!/\/$/.test(url.pathname)) { url = new URL(url.href + "/"); }
    return new URL(endpoint, url).href;
  };

  Form.prototype.api = function (method, endpoint, body) {
    var headers = { "Accept": "application/json" };
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    if (this.session && this.session.csrf) { headers["X-CSRF-Token"] = this.session.csrf; }
    return fetchJson(this.intakeUrl(endpoint), {
      method: method, headers: headers, credentials: "include", cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  };

  Form.prototype.refreshSession = function () {
    var self = this;
    return this.api("GET", "api/session").then(function (answer) {
      self.session = answer.data && answer.data.authenticated ? answer.data : null;
      self.showSession();
    }).catch(function () {
      self.session = null;
      self.showSession();
      self.receiptProblems([{ message: self.t("network_error") }]);
    });
  };

  Form.prototype.showSession = function () {
    var signed = !!this.session;
    q(this.el, "login").hidden = signed;
    q(this.el, "logout").hidden = !signed;
    var info = q(this.el, "session");
    info.hidden = !signed;
    info.textContent = signed ? this.t("signed_in_as", { user: this.session.user, units: (this.session.units || []).join(", ") }) : "";
  };

  Form.prototype.login = function () {
    var self = this;
    var user = q(this.el, "user").value.trim();
    var password = q(this.el, "password").value;
    return this.api("POST", "api/login", { user: user, password: password }).then(function (answer) {
      if (answer.ok && answer.data && answer.data.authenticated) {
        self.session = answer.data;
        q(self.el, "password").value = "";
        self.showSession();
        q(self.el, "send").focus();
      } else {
        self.receiptProblems((answer.data && answer.data.problems) || [{ message: self.t("network_error") }]);
        q(self.el, "password").focus();
      }
    }).catch(function () { self.receiptProblems([{ message: self.t("network_error") }]); });
  };

  Form.prototype.logout = function () {
    var self = this;
    return this.api("POST", "api/logout", {}).then(function () {
      self.session = null;
      self.showSession();
      q(self.el, "user").focus();
    });
  };

  Form.prototype.send = function () {
    var self = this;
    if (!this.result) { return Promise.resolve(); }
    if (!this.session) {
      this.receiptProblems([this.msg("K810")]);
      q(this.el, "user").focus();
      return Promise.resolve();
    }
    var button = q(this.el, "send");
    button.disabled = true;
    var receipt = q(this.el, "receipt");
    receipt.hidden = false;
    receipt.textContent = this.t("sending");
    return this.api("POST", "api/submit", { kind: this.kind, content: this.result.yaml, lang: this.lang })
      .then(function (answer) {
        button.disabled = false;
        if (answer.ok && answer.data && answer.data.ok) {
          self.showReceipt(answer.data);
        } else {
          if (answer.status === 401) { self.session = null; self.showSession(); }
          self.receiptProblems((answer.data && answer.data.problems) || [{ message: "HTTP " + answer.status }]);
        }
      }).catch(function () {
        button.disabled = false;
        self.receiptProblems([{ message: self.t("network_error") }]);
      });
  };

  Form.prototype.receiptProblems = function (problems) {
    var receipt = q(this.el, "receipt");
    while (receipt.firstChild) { receipt.removeChild(receipt.firstChild); }
    var list = h("ul", { "class": "kf-problems" });
    problems.forEach(function (p) {
      var where = p.path ? " [" + p.path + "]" : "";
      list.appendChild(h("li", { "data-code": p.code || "",
        text: (p.code ? p.code + where + " " : "") + p.message + (p.hint ? " \u2014 " + p.hint : "") }));
    });
    receipt.appendChild(list);
    receipt.classList.add("kf-receipt-error");
    receipt.hidden = false;
    receipt.focus();
  };

  Form.prototype.showReceipt = function (data) {
    var self = this;
    var receipt = q(this.el, "receipt");
    receipt.classList.remove("kf-receipt-error");
    while (receipt.firstChild) { receipt.removeChild(receipt.firstChild); }
    receipt.appendChild(h("h4", { text: this.t("receipt_title") }));
    var rows = [["receipt_file", data.file], ["receipt_branch", data.branch], ["receipt_commit", data.commit]];
    var state = data.push === "pushed" ? "receipt_pushed" : data.push === "pending" ? "receipt_pending" : "receipt_local";
    var dl = h("dl", { "class": "kf-receipt-list", "data-kf": "receipt-list" });
    rows.forEach(function (row) {
      dl.appendChild(h("dt", { text: self.t(row[0]) }));
      dl.appendChild(h("dd", { "data-kf": "receipt-" + row[0].slice(8) }, h("code", { text: row[1] || "" })));
    });
    dl.appendChild(h("dt", { text: "Remote" }));
    dl.appendChild(h("dd", { "data-kf": "receipt-push", text: this.t(state) }));
    if (data.pull_request && /^https?:\/\//.test(data.pull_request)) {
      dl.appendChild(h("dt", { text: this.t("receipt_pr") }));
      dl.appendChild(h("dd", null, h("a", { href: data.pull_request, text: data.pull_request, rel: "noopener noreferrer" })));
    }
    receipt.appendChild(dl);
    var problems = (data.report && data.report.problems) || [];
    receipt.appendChild(h("p", { text: problems.length ? this.t("warnings") + ":" : this.t("valid") }));
    if (problems.length) {
      var list = h("ul", { "class": "kf-problems" });
      problems.forEach(function (p) {
        list.appendChild(h("li", { text: p.code + " " + p.message + (p.hint ? " \u2014 " + p.hint : "") }));
      });
      receipt.appendChild(list);
    }
    (data.notices || []).forEach(function (p) {
      receipt.appendChild(h("p", { "class": "kf-note", text: p.code + " " + p.message + (p.hint ? " \u2014 " + p.hint : "") }));
    });
    if (data.push === "pending") {
      var retry = h("button", { type: "button", text: this.t("retry") });
      retry.addEventListener("click", function () {
        retry.disabled = true;
        self.api("POST", "api/retry", {}).then(function (answer) {
          retry.disabled = false;
          var done = answer.data && answer.data.pushed && answer.data.pushed.indexOf(data.branch) >= 0;
          if (done) { q(self.el, "receipt-push") && (q(self.el, "receipt-push").textContent = self.t("receipt_pushed")); }
        });
      });
      receipt.appendChild(h("p", { "class": "kf-actions" }, retry));
    }
    if (data.receipt_url) {
      receipt.appendChild(h("p", null, h("a", { href: this.intakeUrl(data.receipt_url.replace(/^\//, "")),
                                                 text: this.t("receipt_link"), "data-kf": "receipt-link" })));
    }
    receipt.hidden = false;
    receipt.focus();
  };

  Form.prototype.wireOutput = function () {
    var self = this;
    q(this.el, "login-button").addEventListener("click", function () { self.login(); });
    [q(this.el, "user"), q(this.el, "password")].forEach(function (input) {
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); self.login(); }
      });
    });
    q(this.el, "logout").addEventListener("click", function () { self.logout(); });
    q(this.el, "send").addEventListener("click", function () { self.send(); });
    this.el.addEventListener("submit", function (event) {
      event.preventDefault();
      self.check();
    });
    this.el.addEventListener("input", function (event) {
      if (event.target && event.target.closest && !event.target.closest(".kf-output")) { self.hideOutput(); }
    });
  };

  Form.prototype.check = function () {
    this.clearErrors();
    var built = this.build();
    if (built.problems.length) {
      this.showErrors(built.problems);
      return false;
    }
    this.showOutput(built.data, built.path);
    return true;
  };

  /* A labelled control in a .kf-field wrapper. */
  function field(labelText, control, extra) {
    if (!control.id) { control.id = newId("kf"); }
    var wrap = h("div", { "class": "kf-field" + (extra ? " " + extra : "") }, h("label", { "for": control.id, text: labelText }));
    wrap.appendChild(control);
    return wrap;
  }

  function numberInput(value) {
    var input = h("input", { type: "number", step: "any", inputmode: "decimal" });
    if (value !== null && value !== undefined && value !== "") { input.value = value; }
    return input;
  }

  function withUnit(control, unit) {
    if (!unit) { return control; }
    return h("span", { "class": "kf-with-unit" }, control, h("span", { "class": "kf-unit", text: unit }));
  }

  function fieldWithUnit(labelText, control, unit) {
    if (!control.id) { control.id = newId("kf"); }
    var wrap = h("div", { "class": "kf-field" }, h("label", { "for": control.id, text: labelText }));
    wrap.appendChild(withUnit(control, unit));
    if (unit) {
      var unitId = control.id + "-unit";
      wrap.querySelector(".kf-unit").id = unitId;
      control.setAttribute("aria-describedby", unitId);
    }
    return wrap;
  }

  function localDate(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  /* ------------------------------------------------------------------------------------------------ *
   * "Laporkan realisasi"                                                                               *
   * ------------------------------------------------------------------------------------------------ */

  function RealisationForm(el) { Form.call(this, el); }
  RealisationForm.prototype = Object.create(Form.prototype);

  RealisationForm.prototype.setup = function () {
    var self = this;
    this.fillUnits();
    var submitted = q(this.el, "submitted_on");
    submitted.value = this.index.today_fixed ? this.index.today : localDate(new Date());
    this.constrain(submitted, "submitted_on", this.t("submitted_on"));
    q(this.el, "unit").addEventListener("change", function () { self.onUnit(); });
    q(this.el, "employee").addEventListener("change", function () { self.onEmployee(); });
    q(this.el, "period").addEventListener("change", function () { self.onPeriod(); });
    q(this.el, "reporting_period").addEventListener("change", function () { self.renderEntries(); });
    this.wireOutput();
  };

  RealisationForm.prototype.contract = function () {
    var unit = this.units[q(this.el, "unit").value];
    var key = q(this.el, "employee").value + "/" + q(this.el, "period").value;
    return unit && unit.contracts[key] || null;
  };

  RealisationForm.prototype.onUnit = function () {
    var self = this;
    var unitId = q(this.el, "unit").value;
    var employee = q(this.el, "employee");
    resetSelect(employee, this.t("choose"), true);
    resetSelect(q(this.el, "period"), this.t("choose"), true);
    resetSelect(q(this.el, "reporting_period"), this.t("choose"), true);
    this.renderEntries();
    if (!unitId) { return; }
    this.status(this.t("loading"));
    this.loadUnit(unitId).then(function (unit) {
      self.status("");
      var titles = {};
      unit.positions.forEach(function (p) { titles[p.id] = p.title; });
      var names = {};
      unit.employees.forEach(function (e) { names[e.id] = e.name; });
      var latest = {};
      Object.keys(unit.contracts).forEach(function (key) {
        var c = unit.contracts[key];
        if (!latest[c.employee] || latest[c.employee].period < c.period) { latest[c.employee] = c; }
      });
      Object.keys(latest).sort(function (a, b) {
        var ta = titles[latest[a].position] || "", tb = titles[latest[b].position] || "";
        return ta === tb ? (a < b ? -1 : 1) : (ta < tb ? -1 : 1);
      }).forEach(function (id) {
        var c = latest[id];
        var label = (titles[c.position] || c.position) + " \u2014 " + id + (names[id] ? " (" + names[id] + ")" : "");
        employee.appendChild(option(id, label));
      });
      employee.disabled = false;
    }).catch(function () { self.status(self.t("load_failed")); });
  };

  RealisationForm.prototype.onEmployee = function () {
    var self = this;
    var unit = this.units[q(this.el, "unit").value];
    var employeeId = q(this.el, "employee").value;
    var period = q(this.el, "period");
    resetSelect(period, this.t("choose"), true);
    resetSelect(q(this.el, "reporting_period"), this.t("choose"), true);
    this.renderEntries();
    if (!unit || !employeeId) { return; }
    var choices = (this.index.periods || []).filter(function (p) { return unit.contracts[employeeId + "/" + p.id]; });
    choices.forEach(function (p) { period.appendChild(option(p.id, p.name + (p.locked ? " \uD83D\uDD12" : ""))); });
    period.disabled = false;
    if (choices.length === 1) { period.value = choices[0].id; self.onPeriod(); }
  };

  RealisationForm.prototype.onPeriod = function () {
    var rp = q(this.el, "reporting_period");
    resetSelect(rp, this.t("choose"), true);
    this.renderEntries();
    var period = this.period(q(this.el, "period").value);
    var contract = this.contract();
    if (!period || !contract) { return; }
    var reported = contract.reported || [];
    var self = this;
    period.reporting_periods.forEach(function (label) {
      rp.appendChild(option(label, label + (reported.indexOf(label) >= 0 ? " \u2713" : "")));
    });
    rp.disabled = false;
    var note = q(this.el, "choose-note");
    note.hidden = !period.locked;
    note.textContent = period.locked ? self.t("period_locked") : "";
  };

  RealisationForm.prototype.renderEntries = function () {
    var self = this;
    var box = q(this.el, "entries");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    this.hideOutput();
    this.clearErrors();
    var contract = this.contract();
    var rp = q(this.el, "reporting_period").value;
    var period = this.period(q(this.el, "period").value);
    if (!contract || !rp || !period) {
      box.appendChild(h("p", { "class": "kf-note", text: this.t("entries_empty") }));
      return;
    }
    if ((contract.reported || []).indexOf(rp) >= 0) {
      box.appendChild(h("p", { "class": "kf-note", text: this.t("already_reported") }));
    }
    var pp46 = period.regime === "pp46-2011";
    contract.targets.forEach(function (target) {
      if (pp46 || !target.indicators.length) {
        box.appendChild(self.entry(target, null, pp46));
      } else {
        target.indicators.forEach(function (ind) { box.appendChild(self.entry(target, ind, false)); });
      }
    });
  };

  function showTarget(ind) {
    if (!ind) { return ""; }
    if (ind.min !== null && ind.min !== undefined) { return ind.min + "\u2013" + ind.max + " " + ind.unit; }
    if (ind.target !== null && ind.target !== undefined) { return ind.target + " " + ind.unit; }
    return ind.target_text || "";
  }

  RealisationForm.prototype.entry = function (target, ind, pp46) {
    var self = this;
    var ref = target.id + (ind ? "/" + ind.id : "");
    var fs = h("fieldset", { "class": "kf-entry", "data-target": target.id, "data-indicator": ind ? ind.id : "",
                             "data-aspects": pp46 ? "1" : null });
    fs.appendChild(h("legend", { text: ref + " \u2014 " + (ind ? ind.text : target.text) }));
    if (ind) {
      fs.appendChild(h("p", { "class": "kf-note", text: this.t("target") + ": " + target.text }));
      fs.appendChild(h("p", { "class": "kf-note", text: this.t("target_value") + ": " + showTarget(ind) }));
    }
    var values = h("div", { "class": "kf-values" });
    if (pp46) {
      var aspects = [["quantity", target.quantity && target.quantity.unit], ["quality", ""],
                     ["time", target.time && target.time.unit]];
      if (target.cost !== null && target.cost !== undefined) { aspects.push(["cost", "Rp"]); }
      aspects.forEach(function (a) {
        var input = self.constrain(numberInput(), "entries[]." + a[0], self.t(a[0]) + " (" + ref + ")");
        input.dataset.field = a[0];
        values.appendChild(fieldWithUnit(self.t(a[0]), input, a[1]));
      });
    } else if (ind && ind.qualitative) {
      var text = this.constrain(h("input", { type: "text" }), "entries[].value_text", this.t("value_text") + " (" + ref + ")");
      text.dataset.field = "value_text";
      values.appendChild(field(this.t("value_text"), text));
    } else {
      var value = this.constrain(numberInput(), "entries[].value", this.t("value") + " (" + ref + ")");
      value.dataset.field = "value";
      values.appendChild(fieldWithUnit(this.t("value"), value, ind ? ind.unit : ""));
    }
    fs.appendChild(values);
    var na = h("input", { type: "checkbox", id: newId("kf"), "data-field": "na" });
    var reason = this.constrain(h("input", { type: "text", "data-field": "not_available" }), "entries[].not_available",
                                this.t("not_available_reason") + " (" + ref + ")");
    var reasonField = field(this.t("not_available_reason"), reason);
    reasonField.hidden = true;
    na.addEventListener("change", function () {
      reasonField.hidden = !na.checked;
      Array.prototype.forEach.call(values.querySelectorAll("input"), function (input) { input.disabled = na.checked; });
      if (na.checked) { reason.focus(); }
    });
    fs.appendChild(h("div", { "class": "kf-check" }, na, h("label", { "for": na.id, text: this.t("not_available") })));
    fs.appendChild(reasonField);
    var evidence = h("fieldset", { "class": "kf-evidence" }, h("legend", { text: this.t("evidence") }));
    var rows = h("div", { "class": "kf-evidence-rows" });
    var add = h("button", { type: "button", text: this.t("add_evidence") });
    add.addEventListener("click", function () {
      var row = self.evidenceRow(ref);
      rows.appendChild(row);
      row.querySelector("input").focus();
    });
    evidence.appendChild(rows);
    evidence.appendChild(h("p", { "class": "kf-actions" }, add));
    fs.appendChild(evidence);
    var note = this.constrain(h("textarea", { rows: "3", "data-field": "note" }), "entries[].note", this.t("note") + " (" + ref + ")");
    fs.appendChild(field(this.t("note"), note));
    return fs;
  };

  RealisationForm.prototype.evidenceRow = function (ref) {
    var row = h("div", { "class": "kf-evidence-row" });
    var title = this.constrain(h("input", { type: "text", "data-field": "title" }), "entries[].evidence[].title",
                               this.t("evidence_title") + " (" + ref + ")");
    var url = this.constrain(h("input", { type: "url", "data-field": "url", inputmode: "url", placeholder: "https://" }),
                             "entries[].evidence[].url", this.t("evidence_url") + " (" + ref + ")");
    var remove = h("button", { type: "button", "class": "kf-remove", text: this.t("remove"),
                               "aria-label": this.t("remove") + ": " + this.t("evidence") + " (" + ref + ")" });
    remove.addEventListener("click", function () {
      var fs = row.closest(".kf-evidence");
      row.parentNode.removeChild(row);
      var button = fs && fs.querySelector(".kf-actions button");
      if (button) { button.focus(); }
    });
    row.appendChild(field(this.t("evidence_title"), title));
    row.appendChild(field(this.t("evidence_url"), url));
    row.appendChild(h("div", { "class": "kf-field kf-field-button" }, remove));
    return row;
  };

  RealisationForm.prototype.build = function () {
    var self = this;
    var problems = [];
    var unitId = q(this.el, "unit").value;
    var employee = q(this.el, "employee").value;
    var periodId = q(this.el, "period").value;
    var rp = q(this.el, "reporting_period").value;
    [["unit", "unit"], ["employee", "employee"], ["period", "period"], ["reporting_period", "reporting_period"]].forEach(function (pair) {
      var select = q(self.el, pair[0]);
      if (!select.value) { problems.push(Object.assign(self.msg("K101", { field: self.t(pair[1]) }), { input: select })); }
    });
    if (problems.length) { return { problems: problems }; }
    var period = this.period(periodId);
    if (period && period.locked) {
      problems.push(Object.assign(this.msg("K821", { period: period.id, lock_date: period.lock_date }), { input: q(this.el, "period") }));
    }
    var data = { employee: employee, period: periodId, reporting_period: rp };
    var submitted = q(this.el, "submitted_on");
    var p = this.checkInput(submitted, false);
    if (p) { problems.push(Object.assign(p, { input: submitted })); }
    if (submitted.value) { data.submitted_on = submitted.value; }
    var entries = [];
    Array.prototype.forEach.call(this.el.querySelectorAll(".kf-entry"), function (fs) {
      var entry = { target: fs.dataset.target };
      if (fs.dataset.indicator) { entry.indicator = fs.dataset.indicator; }
      var ref = entry.target + (entry.indicator ? "/" + entry.indicator : "");
      var na = fs.querySelector("[data-field=na]").checked;
      var filled = false;
      Array.prototype.forEach.call(fs.querySelectorAll(".kf-values input"), function (input) {
        if (na) { return; }
        var problem = self.checkInput(input, false);
        if (problem) { problems.push(Object.assign(problem, { input: input })); return; }
        var raw = input.value.trim();
        if (raw === "") { return; }
        filled = true;
        entry[input.dataset.field] = input.type === "number" ? new Num(normalizeNumber(raw)) : raw;
      });
      var reason = fs.querySelector("[data-field=not_available]");
      if (na) {
        var problemNa = self.checkInput(reason, true);
        if (problemNa) { problems.push(Object.assign(problemNa, { input: reason })); }
        entry.not_available = reason.value.trim();
        filled = true;
      }
      var evidence = [];
      Array.prototype.forEach.call(fs.querySelectorAll(".kf-evidence-row"), function (row) {
        var title = row.querySelector("[data-field=title]");
        var url = row.querySelector("[data-field=url]");
        if (!title.value.trim() && !url.value.trim()) { return; }
        var pt = self.checkInput(title, true);
        if (pt) { problems.push(Object.assign(pt, { input: title })); }
        var pu = self.checkInput(url, false);
        if (pu) { problems.push(Object.assign(pu, { input: url })); }
        var item = { title: title.value.trim() };
        if (url.value.trim()) { item.url = url.value.trim(); }
        evidence.push(item);
      });
      if (evidence.length) { entry.evidence = evidence; }
      var note = fs.querySelector("[data-field=note]");
      var pn = self.checkInput(note, false);
      if (pn) { problems.push(Object.assign(pn, { input: note })); }
      var noteText = note.value.replace(/\r\n?/g, "\n").trim().split("\n").map(function (l) { return l.replace(/\s+$/, ""); }).join("\n");
      if (noteText) { entry.note = noteText; }
      if (filled && !na && fs.dataset.aspects) {  // PP 46/2011: quantity, quality and time together
        ["quantity", "quality", "time"].forEach(function (name) {
          var input = fs.querySelector(".kf-values [data-field=" + name + "]");
          if (input && !input.value.trim()) {
            problems.push(Object.assign(self.msg("K101", { field: input.dataset.label }), { input: input }));
          }
        });
      }
      if (!filled && (evidence.length || noteText)) {
        var first = fs.querySelector(".kf-values input");
        problems.push(Object.assign(self.msg("K234", { ref: ref }), { input: first }));
      }
      if (filled) { entries.push(entry); }
    });
    if (!entries.length && !problems.length) {
      var firstInput = this.el.querySelector(".kf-values input");
      problems.push({ code: "K108", message: this.t("nothing_filled"), hint: "", input: firstInput });
    }
    data.entries = entries;
    var path = "contracts/units/" + unitId + "/" + periodId + "/realisations/" + employee + "/" + rp + ".yaml";
    return { problems: problems, data: data, path: path };
  };

  /* ------------------------------------------------------------------------------------------------ *
   * "Usulkan kontrak / perubahan"                                                                      *
   * ------------------------------------------------------------------------------------------------ */

  function ContractForm(el) { Form.call(this, el); }
  ContractForm.prototype = Object.create(Form.prototype);

  ContractForm.prototype.setup = function () {
    var self = this;
    this.fillUnits();
    q(this.el, "unit").addEventListener("change", function () { self.onUnit(); });
    q(this.el, "position").addEventListener("change", function () { self.onPosition(); });
    q(this.el, "period").addEventListener("change", function () { self.onPeriod(); });
    q(this.el, "employee").addEventListener("change", function () { self.renderTargets(); });
    q(this.el, "add-target").addEventListener("click", function () {
      var editor = self.targetEditor(null);
      q(self.el, "targets").appendChild(editor);
      self.renumber();
      editor.querySelector("textarea, input, select").focus();
    });
    this.wireOutput();
  };

  ContractForm.prototype.unit = function () { return this.units[q(this.el, "unit").value] || null; };

  ContractForm.prototype.position = function () {
    var unit = this.unit();
    var id = q(this.el, "position").value;
    return unit && unit.positions.filter(function (p) { return p.id === id; })[0] || null;
  };

  ContractForm.prototype.onUnit = function () {
    var self = this;
    var unitId = q(this.el, "unit").value;
    var position = q(this.el, "position");
    resetSelect(position, this.t("choose"), true);
    resetSelect(q(this.el, "period"), this.t("choose"), true);
    resetSelect(q(this.el, "employee"), this.t("choose"), true);
    this.renderTargets();
    if (!unitId) { return; }
    this.status(this.t("loading"));
    this.loadUnit(unitId).then(function (unit) {
      self.status("");
      unit.positions.forEach(function (p) { position.appendChild(option(p.id, p.title + " (" + p.id + ")")); });
      position.disabled = false;
    }).catch(function () { self.status(self.t("load_failed")); });
  };

  ContractForm.prototype.onPosition = function () {
    var period = q(this.el, "period");
    resetSelect(period, this.t("choose"), true);
    resetSelect(q(this.el, "employee"), this.t("choose"), true);
    this.renderTargets();
    if (!this.position()) { return; }
    (this.index.periods || []).forEach(function (p) {
      period.appendChild(option(p.id, p.name + (p.locked ? " \uD83D\uDD12" : ""), false, p.locked));
    });
    period.disabled = false;
  };

  ContractForm.prototype.onPeriod = function () {
    var employee = q(this.el, "employee");
    resetSelect(employee, this.t("choose"), true);
    this.renderTargets();
    var position = this.position();
    var period = this.period(q(this.el, "period").value);
    var note = q(this.el, "choose-note");
    if (!position || !period) { return; }
    var holders = this.unit().employees.filter(function (e) {
      return e.assignments.some(function (a) {
        return a.position === position.id && a.from && a.from <= period.end && (!a.to || a.to >= period.start);
      });
    });
    holders.forEach(function (e) { employee.appendChild(option(e.id, e.id + (e.name ? " (" + e.name + ")" : ""))); });
    employee.disabled = !holders.length;
    note.hidden = !!holders.length;
    note.textContent = holders.length ? "" : this.t("no_holder");
    if (holders.length === 1) { employee.value = holders[0].id; this.renderTargets(); }
  };

  ContractForm.prototype.context = function () {
    var unit = this.unit();
    var position = this.position();
    var period = this.period(q(this.el, "period").value);
    var employee = q(this.el, "employee").value;
    if (!unit || !position || !period || !employee) { return null; }
    var key = position.id + "/" + period.id;
    return {
      unit: unit, position: position, period: period, employee: employee,
      existing: unit.contracts[employee + "/" + period.id] || null,
      superior: unit.superiors[key] || null,
      agreement: unit.agreements[period.id] || [],
      pp46: period.regime === "pp46-2011"
    };
  };

  ContractForm.prototype.renderTargets = function () {
    var self = this;
    var box = q(this.el, "targets");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    this.hideOutput();
    this.clearErrors();
    var ctx = this.ctx = this.context();
    q(this.el, "add-target").disabled = !ctx;
    if (!ctx) {
      box.appendChild(h("p", { "class": "kf-note", text: this.t("targets_empty") }));
      return;
    }
    box.appendChild(h("p", { "class": "kf-note", text: this.t("regime", { regime: ctx.period.regime }) }));
    if (!ctx.superior || !ctx.superior.targets.length) {
      if (ctx.position.reports_to) { box.appendChild(h("p", { "class": "kf-note", text: this.t("superior_none") })); }
    }
    this.usedIds = {};
    if (ctx.existing) {
      box.appendChild(h("p", { "class": "kf-note", text: this.t("prefill_note", { status: ctx.existing.status }) }));
      ctx.existing.targets.forEach(function (t) { self.usedIds[t.id] = true; });
      ctx.existing.targets.forEach(function (t) { box.appendChild(self.targetEditor(t)); });
    } else {
      box.appendChild(this.targetEditor(null));
    }
    this.renumber();
  };

  ContractForm.prototype.nextId = function (prefix, used) {
    for (var n = 1; ; n++) {
      if (!used[prefix + n]) { used[prefix + n] = true; return prefix + n; }
    }
  };

  ContractForm.prototype.renumber = function () {
    var self = this;
    Array.prototype.forEach.call(this.el.querySelectorAll(".kf-target"), function (fs, i) {
      fs.querySelector(":scope > legend").textContent = self.t("target_n", { n: i + 1 }) + " (" + fs.dataset.id + ")";
      Array.prototype.forEach.call(fs.querySelectorAll(".kf-indicator"), function (ind, j) {
        ind.querySelector(":scope > legend").textContent = self.t("indicator_n", { n: j + 1 }) + " (" + ind.dataset.id + ")";
      });
    });
  };

  function selectOf(choices, value, placeholder) {
    var select = h("select");
    if (placeholder !== null) { select.appendChild(option("", placeholder)); }
    choices.forEach(function (c) { select.appendChild(option(c[0], c[1], c[0] === value)); });
    if (value !== null && value !== undefined) { select.value = value; }
    return select;
  }

  ContractForm.prototype.targetEditor = function (target) {
    var self = this;
    var ctx = this.ctx;
    target = target || {};
    var id = target.id || this.nextId("t", this.usedIds);
    var fs = h("fieldset", { "class": "kf-target", "data-id": id }, h("legend", { text: id }));
    var category = selectOf([["main", this.t("category_main")], ["additional", this.t("category_additional")]],
                            target.category || "main", null);
    category.dataset.field = "category";
    this.constrain(category, "targets[].category", this.t("category"));
    fs.appendChild(field(this.t("category"), category));
    var duty = selectOf(ctx.position.duties.map(function (d) { return [d.id, d.id + " \u2014 " + d.text]; }),
                        target.duty || null, this.t("none"));
    duty.dataset.field = "duty";
    this.constrain(duty, "targets[].duty", this.t("duty"));
    fs.appendChild(field(this.t("duty"), duty));
    var text = h("textarea", { rows: "2", "data-field": "text" });
    text.value = target.text || "";
    this.constrain(text, "targets[].text", this.t("text") + " (" + id + ")");
    fs.appendChild(field(this.t("text"), text));
    duty.addEventListener("change", function () {
      var chosen = ctx.position.duties.filter(function (d) { return d.id === duty.value; })[0];
      if (chosen && !text.value.trim()) { text.value = chosen.text; }
      if (chosen && ctx.pp46) {
        var unitInput = fs.querySelector("[data-field='quantity.unit']");
        if (unitInput && !unitInput.value) { unitInput.value = chosen.unit_of_output; }
      }
    });
    var superiorTargets = (ctx.superior && ctx.superior.targets) || [];
    if (superiorTargets.length || target.supports) {
      var supports = selectOf(superiorTargets.map(function (s) { return [s.id, s.id + " \u2014 " + s.text]; }),
                              target.supports || null, this.t("none"));
      supports.dataset.field = "supports";
      this.constrain(supports, "targets[].supports", this.t("supports"));
      fs.appendChild(field(this.t("supports"), supports));
    }
    if (ctx.agreement.length || target.supports_indicator) {
      var indicator = selectOf(ctx.agreement.map(function (a) { return [a.id, a.id + " \u2014 " + a.text + " (" + a.unit + ")"]; }),
                               target.supports_indicator || null, this.t("none"));
      indicator.dataset.field = "supports_indicator";
      this.constrain(indicator, "targets[].supports_indicator", this.t("supports_indicator"));
      fs.appendChild(field(this.t("supports_indicator"), indicator));
    }
    var role = h("input", { type: "text", "data-field": "role" });
    role.value = target.role || "";
    this.constrain(role, "targets[].role", this.t("role"));
    fs.appendChild(field(this.t("role"), role));
    if (ctx.pp46) {
      fs.appendChild(this.aspects(target));
    } else {
      var indicators = h("fieldset", { "class": "kf-indicators" }, h("legend", { text: this.t("indicators") }));
      var list = h("div", { "class": "kf-indicator-list" });
      var used = {};
      (target.indicators || []).forEach(function (i) { used[i.id] = true; });
      fs.usedIndicators = used;
      if ((target.indicators || []).length) {
        target.indicators.forEach(function (i) { list.appendChild(self.indicatorEditor(i, fs)); });
      } else {
        list.appendChild(this.indicatorEditor(null, fs));
      }
      indicators.appendChild(list);
      var add = h("button", { type: "button", text: this.t("add_indicator") });
      add.addEventListener("click", function () {
        var editor = self.indicatorEditor(null, fs);
        list.appendChild(editor);
        self.renumber();
        editor.querySelector("input, textarea").focus();
      });
      indicators.appendChild(h("p", { "class": "kf-actions" }, add));
      fs.appendChild(indicators);
    }
    var remove = h("button", { type: "button", "class": "kf-remove", text: this.t("remove_target") });
    remove.addEventListener("click", function () {
      fs.parentNode.removeChild(fs);
      self.renumber();
      q(self.el, "add-target").focus();
    });
    fs.appendChild(h("p", { "class": "kf-actions" }, remove));
    return fs;
  };

  ContractForm.prototype.aspects = function (target) {
    var box = h("div", { "class": "kf-values" });
    var dutyUnit = "";
    if (target.duty) {
      var d = this.ctx.position.duties.filter(function (x) { return x.id === target.duty; })[0];
      dutyUnit = d ? d.unit_of_output : "";
    }
    var qt = this.constrain(numberInput(target.quantity && target.quantity.target), "targets[].quantity.target", this.t("quantity_target"));
    qt.dataset.field = "quantity.target";
    var qu = this.constrain(h("input", { type: "text", "data-field": "quantity.unit" }), "targets[].quantity.unit", this.t("quantity_unit"));
    qu.value = (target.quantity && target.quantity.unit) || dutyUnit;
    var ql = this.constrain(numberInput(target.quality !== undefined && target.quality !== null ? target.quality : "100"),
                            "targets[].quality", this.t("quality_target"));
    ql.dataset.field = "quality";
    var tt = this.constrain(numberInput(target.time ? target.time.target : "12"), "targets[].time.target", this.t("time_target"));
    tt.dataset.field = "time.target";
    var tu = selectOf([["bulan", "bulan"], ["hari", "hari"]], (target.time && target.time.unit) || "bulan", null);
    tu.dataset.field = "time.unit";
    this.constrain(tu, "targets[].time.unit", this.t("time_unit"));
    var cost = this.constrain(numberInput(target.cost), "targets[].cost", this.t("cost_target"));
    cost.dataset.field = "cost";
    [[this.t("quantity_target"), qt], [this.t("quantity_unit"), qu], [this.t("quality_target"), ql],
     [this.t("time_target"), tt], [this.t("time_unit"), tu], [this.t("cost_target"), cost]].forEach(function (pair) {
      box.appendChild(field(pair[0], pair[1]));
    });
    return box;
  };

  ContractForm.prototype.indicatorEditor = function (ind, targetFs) {
    var self = this;
    ind = ind || {};
    var id = ind.id || this.nextId("i", targetFs.usedIndicators);
    var fs = h("fieldset", { "class": "kf-indicator", "data-id": id }, h("legend", { text: id }));
    if (ind.maximum) { fs.dataset.maximum = "1"; }
    var text = this.constrain(h("input", { type: "text", "data-field": "text" }), "targets[].indicators[].text", this.t("ind_text") + " (" + id + ")");
    text.value = ind.text || "";
    fs.appendChild(field(this.t("ind_text"), text));
    var unit = this.constrain(h("input", { type: "text", "data-field": "unit" }), "targets[].indicators[].unit", this.t("ind_unit") + " (" + id + ")");
    unit.value = ind.unit || "";
    fs.appendChild(field(this.t("ind_unit"), unit));
    var kindValue = ind.min !== null && ind.min !== undefined ? "range" : ind.qualitative ? "text" : "number";
    var kind = selectOf([["number", this.t("ind_kind_number")], ["range", this.t("ind_kind_range")], ["text", this.t("ind_kind_text")]],
                        kindValue, null);
    kind.dataset.field = "kind";
    fs.appendChild(field(this.t("ind_kind"), kind));
    var target = this.constrain(numberInput(ind.target), "targets[].indicators[].target", this.t("ind_target") + " (" + id + ")");
    target.dataset.field = "target";
    var min = this.constrain(numberInput(ind.min), "targets[].indicators[].target.min", this.t("ind_min") + " (" + id + ")");
    min.dataset.field = "min";
    var max = this.constrain(numberInput(ind.max), "targets[].indicators[].target.max", this.t("ind_max") + " (" + id + ")");
    max.dataset.field = "max";
    var targetText = this.constrain(h("input", { type: "text", "data-field": "target_text" }), "targets[].indicators[].target_text",
                                    this.t("ind_target_text") + " (" + id + ")");
    targetText.value = ind.target_text || "";
    var fTarget = field(this.t("ind_target"), target), fMin = field(this.t("ind_min"), min),
        fMax = field(this.t("ind_max"), max), fText = field(this.t("ind_target_text"), targetText);
    [fTarget, fMin, fMax, fText].forEach(function (f) { fs.appendChild(f); });
    function sync() {
      fTarget.hidden = kind.value !== "number";
      fMin.hidden = fMax.hidden = kind.value !== "range";
      fText.hidden = kind.value !== "text";
    }
    kind.addEventListener("change", sync);
    sync();
    var polarity = selectOf([["higher", this.t("polarity_higher")], ["lower", this.t("polarity_lower")]], ind.polarity || "higher", null);
    polarity.dataset.field = "polarity";
    this.constrain(polarity, "targets[].indicators[].polarity", this.t("polarity"));
    fs.appendChild(field(this.t("polarity"), polarity));
    var aggregation = selectOf([["last", this.t("aggregation_last")], ["sum", this.t("aggregation_sum")], ["mean", this.t("aggregation_mean")]],
                               ind.aggregation || "last", null);
    aggregation.dataset.field = "aggregation";
    this.constrain(aggregation, "targets[].indicators[].aggregation", this.t("aggregation"));
    fs.appendChild(field(this.t("aggregation"), aggregation));
    var remove = h("button", { type: "button", "class": "kf-remove", text: this.t("remove_indicator") });
    remove.addEventListener("click", function () {
      var list = fs.parentNode;
      if (list.children.length <= 1) { return; }
      list.removeChild(fs);
      self.renumber();
      targetFs.querySelector(".kf-indicators .kf-actions button").focus();
    });
    fs.appendChild(h("p", { "class": "kf-actions" }, remove));
    return fs;
  };

  ContractForm.prototype.build = function () {
    var self = this;
    var problems = [];
    ["unit", "position", "period", "employee"].forEach(function (name) {
      var select = q(self.el, name);
      if (!select.value) {
        problems.push(Object.assign(self.msg("K101", { field: self.t(name === "employee" ? "holder" : name) }), { input: select }));
      }
    });
    var ctx = this.context();
    if (problems.length || !ctx) { return { problems: problems }; }
    if (ctx.period.locked) {
      problems.push(Object.assign(this.msg("K821", { period: ctx.period.id, lock_date: ctx.period.lock_date }), { input: q(this.el, "period") }));
    }
    function take(input, required, number) {
      var problem = self.checkInput(input, required);
      if (problem) { problems.push(Object.assign(problem, { input: input })); return undefined; }
      var raw = input.value.trim();
      if (raw === "") { return undefined; }
      return number ? new Num(normalizeNumber(raw)) : raw;
    }
    function put(obj, key, value) { if (value !== undefined && value !== "") { obj[key] = value; } }
    var targets = [];
    Array.prototype.forEach.call(this.el.querySelectorAll(".kf-target"), function (fs) {
      var get = function (name) { return fs.querySelector(":scope > .kf-field [data-field='" + name + "'], :scope > .kf-values [data-field='" + name + "']"); };
      var t = { id: fs.dataset.id };
      put(t, "category", take(get("category"), true));
      put(t, "text", take(get("text"), true));
      put(t, "duty", take(get("duty"), false));
      if (get("supports")) { put(t, "supports", take(get("supports"), false)); }
      if (get("supports_indicator")) { put(t, "supports_indicator", take(get("supports_indicator"), false)); }
      put(t, "role", take(get("role"), false));
      if (ctx.pp46) {
        var qt = take(get("quantity.target"), true, true), qu = take(get("quantity.unit"), true);
        if (qt !== undefined && qu !== undefined) { t.quantity = { target: qt, unit: qu }; }
        put(t, "quality", take(get("quality"), true, true));
        var tt = take(get("time.target"), true, true), tu = take(get("time.unit"), true);
        if (tt !== undefined && tu !== undefined) { t.time = { target: tt, unit: tu }; }
        put(t, "cost", take(get("cost"), false, true));
      } else {
        var indicators = [];
        Array.prototype.forEach.call(fs.querySelectorAll(".kf-indicator"), function (ifs) {
          var g = function (name) { return ifs.querySelector("[data-field='" + name + "']"); };
          var ind = { id: ifs.dataset.id };
          put(ind, "text", take(g("text"), true));
          put(ind, "unit", take(g("unit"), true));
          var kind = g("kind").value;
          if (kind === "number") {
            put(ind, "target", take(g("target"), true, true));
          } else if (kind === "range") {
            var lo = take(g("min"), true, true), hi = take(g("max"), true, true);
            if (lo !== undefined && hi !== undefined) { ind.target = { min: lo, max: hi }; }
          } else {
            put(ind, "target_text", take(g("target_text"), true));
          }
          put(ind, "polarity", take(g("polarity"), false));
          if (ifs.dataset.maximum) { ind.maximum = true; }
          put(ind, "aggregation", take(g("aggregation"), false));
          indicators.push(ind);
        });
        if (indicators.length) { t.indicators = indicators; }
      }
      targets.push(t);
    });
    if (!targets.length) {
      problems.push(Object.assign(this.msg("K108", { field: this.t("step_targets"), minimum: 1 }), { input: q(this.el, "add-target") }));
    }
    var data = { employee: ctx.employee, position: ctx.position.id, period: ctx.period.id,
                 status: q(this.el, "status-select").value || "proposed", targets: targets };
    var path = "contracts/units/" + ctx.unit.unit + "/" + ctx.period.id + "/skp/" + ctx.employee + ".yaml";
    return { problems: problems, data: data, path: path };
  };

  /* ------------------------------------------------------------------------------------------------ *
   * Start                                                                                              *
   * ------------------------------------------------------------------------------------------------ */

  function start(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("form[data-kinerja-form]"), function (el) {
      if (el.dataset.kfStarted) { return; }
      el.dataset.kfStarted = "1";
      var form = el.getAttribute("data-kinerja-form") === "contract" ? new ContractForm(el) : new RealisationForm(el);
      el.kinerjaForm = form;
      form.start();
    });
  }

  window.KinerjaForms = { dumpYaml: dumpYaml, normalizeNumber: normalizeNumber, numberRefusal: numberRefusal,
                          BOUNDS: BOUNDS, Num: Num, start: start };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { start(document); });
  } else {
    start(document);
  }
  // mkdocs-material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { start(document); });
  }
})();
