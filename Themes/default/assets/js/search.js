/* Site search, in the page's language: results as the reader types, from the static index
   that SearchIndex.swift writes under the form's data-index. The text steps (syllables, fold,
   exact form, FNV-1a shard) are those of SearchText.swift and must stay identical.
   Only index.json, the term shards of the query's syllables and of its adjacent pairs, and the
   document shards of the results shown are fetched, each once. Shards are named by their
   digest (listed in index.json), so they never change under a name. Document text is
   inserted with textContent only. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-index]");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list || !window.fetch || !window.TextEncoder) return;

  var SHOWN = 20, DELAY = 120, MAX_WORDS = 12, MAX_SYLLABLE = 64;
  var PHRASE = 1e6; // per adjacent pair of query syllables: above any sum of field weights
  var TITLE = 1e4; // every query syllable in the title: above any sum of field weights, below a phrase
  var WORD = /[\p{Alphabetic}\p{N}\u0300-\u036f]+/gu;
  var TONES = { "\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5" };
  var own = function (object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  };
  var files = {}, timer = 0, composing = false, last = null, run = 0;

  // Longer runs are not indexed (SearchText.maximumSyllableLength), so they are not looked for.
  function syllables(text) {
    return (text.normalize("NFC").toLowerCase().match(WORD) || []).filter(function (s) {
      return Array.from(s).length <= MAX_SYLLABLE;
    });
  }
  // "Đà" → "da": no marks at all, đ → d.
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u0111/g, "d");
  }
  // "hoà", "hòa" → "hoa2"; "dê" → "dê0": only the tone mark is taken off, as a digit.
  function exact(s) {
    var tone = "0";
    var rest = s.toLowerCase().normalize("NFD").replace(/[\u0300\u0301\u0303\u0309\u0323]/g, function (m) {
      tone = TONES[m];
      return "";
    });
    return rest.normalize("NFC") + tone;
  }
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  // One request per file, ever; a failed one is forgotten so that a later query retries.
  // index.json is revalidated; a shard's name holds its digest, so a cached one is never stale.
  function load(name, shard) {
    var url = form.getAttribute("data-index") + name;
    if (!files[url]) {
      files[url] = fetch(url, { cache: shard ? "default" : "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
      files[url].catch(function () { delete files[url]; });
    }
    return files[url];
  }

  function query(text) {
    return syllables(text).slice(0, MAX_WORDS).map(function (s) {
      var f = fold(s);
      // Typed with a mark or đ: its exact form counts double; typed bare: all forms alike.
      return { f: f, e: exact(s), marked: f !== s };
    }).filter(function (w) { return w.f; });
  }

  // Document numbers are written as gaps: the first, then each less the one before.
  function ids(gaps) {
    var at = 0;
    return (gaps || []).map(function (gap) { return (at += gap); });
  }

  // The adjacent pairs of the query's syllables, "a b" as the index names them.
  function pairs(words) {
    return words.slice(1).map(function (w, i) { return words[i].f + " " + w.f; });
  }

  function rank(words, shards, pairShards) {
    var postings = words.map(function (w, i) {
      var term = own(shards[i], w.f), byDoc = new Map();
      if (!term) return byDoc;
      // "f": the term's only exact form (every document has it); "v": form → documents.
      var all = false, same = null;
      if (w.marked) {
        if (typeof term.f === "string") all = term.f === w.e;
        else same = new Set(ids(own(term.v, w.e)));
      }
      // A score is twice the weighted count, plus one when the title holds the syllable.
      ids(term.d).forEach(function (id, n) {
        var exact = all || (same !== null && same.has(id)), weight = term.s[n] >> 1;
        byDoc.set(id, [exact ? 2 * weight : weight, term.s[n] & 1]);
      });
      return byDoc;
    });
    // Documents where syllable i + 1 follows syllable i (among the places the index keeps).
    var adjacent = pairs(words).map(function (pair, i) { return new Set(ids(own(pairShards[i], pair))); });
    var hits = [];
    postings[0].forEach(function (first, id) {
      var score = 0, titled = 1;
      for (var i = 0; i < postings.length; i++) {
        var hit = postings[i].get(id);
        if (hit === undefined) return; // every syllable must match
        score += hit[0];
        titled &= hit[1];
        if (i > 0 && adjacent[i - 1].has(id)) score += PHRASE;
      }
      hits.push([id, titled ? score + TITLE : score]);
    });
    // Ties go to the higher document number: the newer page (documents are oldest first).
    return hits.sort(function (a, b) { return b[1] - a[1] || b[0] - a[0]; });
  }

  // Shard k of a kind ("terms", "docs") is named by its number and the digest index.json lists.
  function shard(index, kind, k) {
    return load(kind + "-" + k + "-" + index[kind][k] + ".json", true);
  }

  function search(words, seq, text) {
    return load("index.json").then(function (index) {
      var keys = words.map(function (w) { return w.f; }).concat(pairs(words));
      return Promise.all(keys.map(function (key) {
        var h = fnv1a(key);
        return shard(index, "terms", ((h ^ (h >>> 16)) >>> 0) % index.termShards);
      })).then(function (shards) {
        var hits = rank(words, shards.slice(0, words.length), shards.slice(words.length));
        var top = hits.slice(0, SHOWN), per = index.documentsPerShard;
        return Promise.all(top.map(function (hit) {
          return shard(index, "docs", Math.floor(hit[0] / per));
        })).then(function (docs) {
          if (seq !== run) return;
          render(words, hits.length, top.map(function (hit, i) { return docs[i][hit[0] % per]; }), text);
        });
      });
    });
  }

  function element(name, className) {
    var node = document.createElement(name);
    if (className) node.className = className;
    return node;
  }

  // The text, with each syllable that folds to a query syllable in <mark>.
  function highlight(node, text, folded) {
    var at = 0, match;
    text = text.normalize("NFC");
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      if (!folded.has(fold(match[0]))) continue;
      node.append(text.slice(at, match.index));
      node.appendChild(element("mark")).textContent = match[0];
      at = match.index + match[0].length;
    }
    node.append(text.slice(at));
    return node;
  }

  function render(words, total, rows, text) {
    var folded = new Set(words.map(function (w) { return w.f; }));
    var items = rows.map(function (row) {
      var item = element("li"), link = element("a");
      link.href = row[1];
      item.appendChild(element("h2")).appendChild(highlight(link, row[0], folded));
      if (row[2]) item.appendChild(element("p", "date")).textContent = row[2];
      if (row[3]) item.appendChild(highlight(element("p", "summary"), row[3], folded));
      return item;
    });
    list.replaceChildren.apply(list, items);
    var one = total === 1 && form.getAttribute("data-result");
    announce(total ? total + " " + (one || form.getAttribute("data-results")) : form.getAttribute("data-none"), text);
  }

  // data-query: the text whose results are shown (the browser tests wait for it).
  function announce(message, text) {
    status.textContent = message;
    list.setAttribute("data-query", text);
  }

  function go() {
    clearTimeout(timer);
    var text = input.value.trim(), url = new URL(location.href);
    if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
    if (text === last) return;
    last = text;
    var words = query(text), seq = ++run;
    if (!words.length) {
      list.replaceChildren();
      announce("", text);
      return;
    }
    search(words, seq, text).catch(function () {
      // A shard named in index.json is gone when a new release went live since it was read:
      // read index.json again, once.
      delete files[form.getAttribute("data-index") + "index.json"];
      return search(words, seq, text);
    }).catch(function () {
      if (seq !== run) return;
      last = null; // let the same query try again
      list.replaceChildren();
      status.textContent = form.getAttribute("data-error") || form.getAttribute("data-none");
    });
  }

  input.addEventListener("compositionstart", function () {
    composing = true;
    clearTimeout(timer);
  });
  input.addEventListener("compositionend", function () {
    composing = false;
    go();
  });
  input.addEventListener("input", function (event) {
    if (event.isComposing || composing) return;
    clearTimeout(timer);
    timer = setTimeout(go, DELAY);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go();
  });

  var given = new URLSearchParams(location.search).get("q");
  if (given) {
    input.value = given;
    go();
  }
})();
