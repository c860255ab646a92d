// Shared by the dashboard and the upload page: the GraphQL client (this server's /graphql only), the key kept in
// the browser session, Chinese labels, number formats and small DOM helpers. No framework, no build step.
(function () {
  'use strict';
  var KEY = 'perfgraph.key';

  function key() { return window.sessionStorage.getItem(KEY) || ''; }
  function setKey(k) { if (k) { window.sessionStorage.setItem(KEY, k); } else { window.sessionStorage.removeItem(KEY); } }

  /** Runs a GraphQL request against /graphql; rejects with the first error's message. */
  function gql(query, variables) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (key()) { headers.Authorization = 'Bearer ' + key(); }
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (body.errors && body.errors.length) {
          var e = new Error(body.errors[0].message);
          e.classification = body.errors[0].extensions && body.errors[0].extensions.classification;
          throw e;
        }
        return body.data;
      });
  }

  var LABELS = {
    valueKind: { NUMERIC: '数值', QUALITATIVE: '定性', BOOLEAN: '是/否', TEXT: '文字', DEADLINE: '时限', FREQUENCY: '频次' },
    documentKind: { DECLARATION: '申报表', APPROVAL: '批复表', SELF_ASSESSMENT: '自评表', UNIT_WIDE: '整体支出' },
    findingKind: {
      CODE_LABEL_MISMATCH: '编码与类别不符', DUPLICATE_INDICATOR: '指标重复', TEXT_FROM_OTHER_PROJECT: '目标文本取自其他项目',
      UNIT_NAME_MISMATCH: '计量单位与指标名不符', CATEGORY_BY_NAME: '指标名所示类别不符', PERIOD_ANNUAL_DIFFER: '实施周期值与年度值不一致',
      PARSE_UNCERTAIN: '读取存疑', VAGUE_TARGET: '指标值无法衡量', BOILERPLATE_TARGET: '套话指标（多个项目填报相同）',
      TARGET_LOOSER_THAN_PEERS: '指标值比同类宽松', TARGET_UNCHANGED_ACROSS_YEARS: '指标值与往年相同'
    },
    severity: { INFO: '提示', WARNING: '警告', ERROR: '错误' },
    status: { IMPORTED: '已导入', REPLACED: '已替换', UNCHANGED: '未变化（内容相同）', DRY_RUN: '试运行（未写入）' },
    format: { TAB_EXPORT: '制表符导出', FORM: '申报表表单', CSV: 'CSV', HEADER_TABLE: '带表头的表格' }
  };
  function label(group, value) { return value == null ? '' : (LABELS[group][value] || value); }

  var intFormat = new Intl.NumberFormat('zh-CN');
  var wanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  function int(n) { return n == null ? '' : intFormat.format(n); }
  /** Yuan (a BigDecimal, number or string) as 万元 with two decimals. */
  function wan(yuan) { return yuan == null ? '' : wanFormat.format(Number(yuan) / 10000); }
  function pct(share) { return share == null ? '' : (share * 100).toFixed(1) + '%'; }

  /** el('td', {class: 'n'}, 'text', childNode ...) */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] == null) { return; }
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null) { continue; }
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  /** An accessible table: caption, header cells with scope, one row per array; numeric cells right-aligned. */
  function table(caption, headers, rows, numeric) {
    var t = el('table', { class: 'data' }, el('caption', { text: caption }));
    var head = el('tr');
    headers.forEach(function (h) { head.appendChild(el('th', { scope: 'col', text: h })); });
    t.appendChild(el('thead', null, head));
    var body = el('tbody');
    rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (v, i) {
        var cell = el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : null);
        if (v instanceof Node) { cell.appendChild(v); } else { cell.textContent = v == null ? '' : String(v); }
        if (numeric && numeric.indexOf(i) >= 0) { cell.className = 'n'; }
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    return t;
  }

  window.perfgraph = { gql: gql, key: key, setKey: setKey, label: label, LABELS: LABELS, int: int, wan: wan, pct: pct,
                       el: el, table: table };
})();
