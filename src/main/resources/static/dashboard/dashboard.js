// The dashboard: eight panels over the public GraphQL API (/graphql) and the export URLs (/export/{list}.csv).
// Filters (document, unit, region, year, document kind) live in the URL; every panel follows them: the root lists
// through `where`, the analytics through their scope arguments (AnalysisScope, FindingFilter, IndicatorReuseFilter).
(function () {
  'use strict';
  var pg = window.perfgraph, el = pg.el, label = pg.label;
  var FILTERS = ['document', 'unit', 'region', 'year', 'kind'];
  var VALUE_KINDS = Object.keys(pg.LABELS.valueKind);
  var HEAT_INDICATORS = 10;
  var charts = {};
  var generation = 0; // a panel drawn for an older filter state is dropped

  // ------------------------------------------------------------------ filters and what they become

  function filters() {
    var q = new URLSearchParams(window.location.search), f = {};
    FILTERS.forEach(function (k) { f[k] = q.get(k) || ''; });
    return f;
  }

  function setParams(changes) {
    var q = new URLSearchParams(window.location.search);
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === '' || changes[k] == null) { q.delete(k); } else { q.set(k, changes[k]); }
    });
    var s = q.toString();
    window.history.pushState(null, '', window.location.pathname + (s ? '?' + s : ''));
  }

  /** The analytics scope (AnalysisScope, and the same fields of FindingFilter and IndicatorReuseFilter). */
  function scope(f) {
    var s = {};
    if (f.document) { s.documentName = f.document; }
    if (f.region) { s.region = f.region; }
    if (f.unit) { s.unitId = f.unit; }
    if (f.year) { s.year = Number(f.year); }
    if (f.kind) { s.documentKind = f.kind; }
    return Object.keys(s).length ? s : null;
  }

  /** The same narrowing as a ProjectWhere: the year is the project's, else its document's (as in the analytics). */
  function projectWhere(f) {
    var and = [];
    if (f.document) { and.push({ document: { name: { eq: f.document } } }); }
    if (f.region) { and.push({ document: { region: { eq: f.region } } }); }
    if (f.kind) { and.push({ document: { kind: { eq: f.kind } } }); }
    if (f.unit) { and.push({ unit: { id: { eq: f.unit } } }); }
    if (f.year) {
      var y = Number(f.year);
      and.push({ OR: [{ year: { eq: y } }, { AND: [{ year: { isNull: true } }, { document: { year: { eq: y } } }] }] });
    }
    return and.length ? { AND: and } : null;
  }

  function some(pw) { return pw ? { projects: { some: pw } } : null; }
  function targetWhere(pw) { return pw ? { project: pw } : null; }

  // ------------------------------------------------------------------ panel frame: state, table, downloads

  function panel(id) {
    var root = document.getElementById(id);
    return {
      root: root,
      chartEl: root.querySelector('.chart'),
      state: function (text, error) {
        var s = root.querySelector('.state');
        s.textContent = text || '';
        s.className = 'state' + (error ? ' error' : '');
      },
      tables: function () {
        var t = root.querySelector('.tables');
        t.textContent = '';
        for (var i = 0; i < arguments.length; i++) { t.appendChild(arguments[i]); }
      },
      actions: function (name, csvList, csvParams) {
        var a = root.querySelector('h2 .actions');
        a.textContent = '';
        var png = el('button', { type: 'button', class: 'png', text: '下载图片 PNG', 'aria-label': '下载本图表（PNG）' });
        png.addEventListener('click', function () { downloadPng(id, name); });
        a.appendChild(png);
        a.appendChild(csvLink(name, csvList, csvParams));
      }
    };
  }

  function exportUrl(list, params) {
    var q = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (v == null) { return; }
      q.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    });
    var s = q.toString();
    return '/export/' + list + '.csv' + (s ? '?' + s : '');
  }

  function csvLink(name, list, params) {
    var href = exportUrl(list, params);
    var a = el('a', { class: 'button csv', href: href, download: name + '.csv', text: '下载数据 CSV',
                      'aria-label': '下载本面板的数据（CSV）', 'data-list': list });
    a.addEventListener('click', function (ev) {
      // with read keys a link cannot send the Authorization header: ask for a signed link instead
      if (!pg.key()) { return; }
      ev.preventDefault();
      var args = {};
      Object.keys(params || {}).forEach(function (k) { if (params[k] != null) { args[k] = params[k]; } });
      pg.gql('query($l: String!, $a: JSON) { exportLink(list: $l, format: "csv", arguments: $a) }', { l: list, a: args })
        .then(function (d) { window.location.href = d.exportLink; })
        .catch(function () { window.location.href = href; });
    });
    return a;
  }

  function downloadPng(id, name) {
    var chart = charts[id];
    if (!chart) { return; }
    var a = el('a', { href: chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), download: name + '.png' });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function draw(id, option, name) {
    var p = document.getElementById(id).querySelector('.chart');
    var chart = charts[id] || (charts[id] = echarts.init(p, null, { renderer: 'canvas' }));
    option.aria = { enabled: true };
    option.animation = false;
    option.toolbox = { right: 8, feature: { saveAsImage: { title: '保存为图片', name: name, pixelRatio: 2, backgroundColor: '#fff' } } };
    chart.setOption(option, true);
    p.setAttribute('data-rendered', 'true');
    return chart;
  }

  function run(id, work) {
    var g = generation, p = panel(id);
    p.root.setAttribute('aria-busy', 'true');
    p.root.removeAttribute('data-ready');
    p.state('加载中…');
    return work(p, function () { return g === generation; }).then(function () {
      if (g !== generation) { return; }
      p.root.setAttribute('aria-busy', 'false');
      p.root.setAttribute('data-ready', 'true');
    }).catch(function (e) {
      if (g !== generation) { return; }
      p.root.setAttribute('aria-busy', 'false');
      p.root.setAttribute('data-ready', 'error');
      p.state('无法加载：' + e.message, true);
    });
  }

  function unitName(u) { return u ? u.name + (u.region ? '（' + u.region + '）' : '') : '（无单位）'; }
  function indicatorName(i) { return i ? (i.code ? i.code + ' ' : '') + i.name : ''; }

  // ------------------------------------------------------------------ panels

  function overview(f) {
    var pw = projectWhere(f);
    return run('panel-overview', function (p, current) {
      p.actions('概览-项目', 'projects', { where: pw });
      return pg.gql('query($pw: ProjectWhere, $tw: TargetWhere, $sw: UnitWhere, $iw: IndicatorWhere, $dw: DocumentWhere) {' +
        ' documents(where: $dw, first: 1) { totalCount } units(where: $sw, first: 1) { totalCount }' +
        ' projects(where: $pw, first: 1) { totalCount } targets(where: $tw, first: 1) { totalCount }' +
        ' indicators(where: $iw, first: 1) { totalCount }' +
        ' all: projectStats(where: $pw) { count targetCount amountSum }' +
        ' byUnit: projectStats(where: $pw, groupBy: [UNIT], orderBy: [{amountSum: DESC}]) { key { unit { id name region } } count targetCount amountSum } }',
        { pw: pw, tw: targetWhere(pw), sw: some(pw), iw: some(pw), dw: some(pw) }).then(function (d) {
        if (!current()) { return; }
        var amount = d.all.length ? d.all[0].amountSum : null;
        var figures = [
          ['文档', pg.int(d.documents.totalCount)], ['单位', pg.int(d.units.totalCount)],
          ['项目', pg.int(d.projects.totalCount)], ['绩效指标（目标）', pg.int(d.targets.totalCount)],
          ['三级指标（去重）', pg.int(d.indicators.totalCount)], ['预算金额（万元）', pg.wan(amount)]
        ];
        var cards = document.getElementById('overview-cards');
        cards.textContent = '';
        figures.forEach(function (x, i) {
          cards.appendChild(el('div', { class: 'card', 'data-figure': ['documents', 'units', 'projects', 'targets', 'indicators', 'amount'][i] },
            el('div', { class: 'v', text: x[1] }), el('div', { class: 'k', text: x[0] })));
        });
        var rows = d.byUnit;
        draw('panel-overview', {
          title: { text: '各单位预算金额（万元）', textStyle: { fontSize: 13 } },
          grid: { left: 60, right: 60, top: 40, bottom: 40, containLabel: true },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: rows.map(function (r) { return unitName(r.key.unit); }) },
          yAxis: [{ type: 'value', name: '万元' }, { type: 'value', name: '项目数' }],
          series: [
            { name: '预算金额（万元）', type: 'bar', data: rows.map(function (r) { return r.amountSum == null ? 0 : Number(r.amountSum) / 10000; }) },
            { name: '项目数', type: 'bar', yAxisIndex: 1, data: rows.map(function (r) { return r.count; }) }
          ]
        }, '概览');
        p.tables(
          pg.table('概览', ['指标', '数值'], figures, [1]),
          pg.table('各单位预算金额', ['单位', '项目数', '绩效指标数', '预算金额（万元）'],
            rows.map(function (r) { return [unitName(r.key.unit), pg.int(r.count), pg.int(r.targetCount), pg.wan(r.amountSum)]; }), [1, 2, 3]));
        p.state('');
      });
    });
  }

  function categories(f) {
    var tw = targetWhere(projectWhere(f));
    var groupBy = ['LEVEL1', 'LEVEL2', 'VALUE_KIND'];
    return run('panel-categories', function (p, current) {
      p.actions('指标分布', 'targetStats', { groupBy: groupBy, where: tw });
      return pg.gql('query($tw: TargetWhere) { targetStats(where: $tw, groupBy: [LEVEL1, LEVEL2, VALUE_KIND], orderBy: [{key: ASC}]) {' +
        ' key { level1 level2 valueKind } count distinctProjects } }', { tw: tw }).then(function (d) {
        if (!current()) { return; }
        var rows = d.targetStats, cats = [], index = {};
        rows.forEach(function (r) {
          var c = r.key.level1 + ' / ' + r.key.level2;
          if (!(c in index)) { index[c] = cats.length; cats.push(c); }
        });
        var kinds = VALUE_KINDS.filter(function (k) { return rows.some(function (r) { return r.key.valueKind === k; }); });
        draw('panel-categories', {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          legend: { top: 0, left: 0 },
          grid: { left: 10, right: 30, top: 50, bottom: 10, containLabel: true },
          xAxis: { type: 'value', name: '指标数' },
          yAxis: { type: 'category', data: cats, inverse: true, axisLabel: { fontSize: 11 } },
          series: kinds.map(function (k) {
            var data = cats.map(function () { return 0; });
            rows.forEach(function (r) { if (r.key.valueKind === k) { data[index[r.key.level1 + ' / ' + r.key.level2]] = r.count; } });
            return { name: label('valueKind', k), type: 'bar', stack: 'all', data: data };
          })
        }, '指标分布');
        p.tables(pg.table('按一级、二级指标与值类型的指标数', ['一级指标', '二级指标', '值类型', '指标数', '项目数'],
          rows.map(function (r) { return [r.key.level1, r.key.level2, label('valueKind', r.key.valueKind), pg.int(r.count), pg.int(r.distinctProjects)]; }),
          [3, 4]));
        p.state(rows.length ? '' : '没有符合筛选的指标。');
      });
    });
  }

  function reuse(f) {
    var rw = scope(f);
    return run('panel-reuse', function (p, current) {
      p.actions('指标复用排行', 'indicatorReuse', { minProjects: 2, where: rw });
      return pg.gql('query($rw: IndicatorReuseFilter) { indicatorReuse(minProjects: 2, first: 20, where: $rw) { totalCount' +
        ' edges { node { indicator { id code name } projectCount unitCount documentCount targetCount } } } }', { rw: rw }).then(function (d) {
        if (!current()) { return []; }
        var rows = d.indicatorReuse.edges.map(function (e) { return e.node; });
        draw('panel-reuse', {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          grid: { left: 10, right: 40, top: 30, bottom: 10, containLabel: true },
          xAxis: { type: 'value', name: '项目数', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.indicator.name; }), axisLabel: { fontSize: 11 } },
          series: [{ name: '使用项目数', type: 'bar', data: rows.map(function (r) { return r.projectCount; }), label: { show: true, position: 'right' } }]
        }, '指标复用排行');
        p.tables(pg.table('指标复用排行（共 ' + d.indicatorReuse.totalCount + ' 个指标被至少两个项目使用，显示前 ' + rows.length + ' 个）',
          ['排名', '指标编码', '三级指标', '项目数', '单位数', '文档数', '绩效指标数'],
          rows.map(function (r, i) { return [i + 1, r.indicator.code || '', r.indicator.name, r.projectCount, r.unitCount, r.documentCount, r.targetCount]; }),
          [0, 3, 4, 5, 6]));
        p.state(rows.length ? '' : '没有被两个以上项目使用的指标。');
        return rows;
      });
    });
  }

  function heatmap(f, reused) {
    var pw = projectWhere(f);
    return run('panel-heatmap', function (p, current) {
      return reused.then(function (rows) {
        if (!current()) { return; }
        var top = (rows || []).slice(0, HEAT_INDICATORS);
        var ids = top.map(function (r) { return r.indicator.id; });
        var tw = pw ? { AND: [targetWhere(pw), { indicator: { id: { in: ids } } }] } : { indicator: { id: { in: ids } } };
        p.actions('单位指标热力图', 'targetStats', { groupBy: ['UNIT', 'INDICATOR'], where: tw });
        if (!ids.length) {
          p.tables();
          p.state('没有被两个以上项目使用的指标。');
          draw('panel-heatmap', { series: [] }, '单位指标热力图');
          return;
        }
        return pg.gql('query($tw: TargetWhere) { targetStats(where: $tw, groupBy: [UNIT, INDICATOR]) {' +
          ' key { unit { id name region } indicator { id code name } } count distinctProjects } }', { tw: tw }).then(function (d) {
          if (!current()) { return; }
          var units = [], uIndex = {};
          d.targetStats.forEach(function (g) {
            if (!(g.key.unit.id in uIndex)) { uIndex[g.key.unit.id] = units.length; units.push(g.key.unit); }
          });
          var iIndex = {};
          ids.forEach(function (id, i) { iIndex[id] = i; });
          var cells = {}, max = 1;
          d.targetStats.forEach(function (g) {
            cells[g.key.unit.id + '|' + g.key.indicator.id] = g.distinctProjects;
            max = Math.max(max, g.distinctProjects);
          });
          var data = [];
          units.forEach(function (u, y) {
            ids.forEach(function (id, x) { data.push([x, y, cells[u.id + '|' + id] || 0]); });
          });
          draw('panel-heatmap', {
            tooltip: { formatter: function (o) { return unitName(units[o.value[1]]) + '<br>' + top[o.value[0]].indicator.name + '：' + o.value[2] + ' 个项目'; } },
            grid: { left: 10, right: 20, top: 20, bottom: 70, containLabel: true },
            xAxis: { type: 'category', data: top.map(function (r) { return r.indicator.name; }), axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
            yAxis: { type: 'category', data: units.map(unitName) },
            visualMap: { min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, text: ['项目多', '项目少'] },
            series: [{ name: '使用项目数', type: 'heatmap', data: data, label: { show: true } }]
          }, '单位指标热力图');
          p.tables(pg.table('各单位使用复用最多指标的项目数', ['单位'].concat(top.map(function (r) { return r.indicator.name; })),
            units.map(function (u) { return [unitName(u)].concat(ids.map(function (id) { return cells[u.id + '|' + id] || 0; })); }),
            ids.map(function (_, i) { return i + 1; })));
          p.state('');
        });
      });
    });
  }

  function diffLine(diff, side) {
    // side 'a' shows what a has (EQUAL + DELETE), side 'b' what b has (EQUAL + INSERT); the differing runs marked
    var span = el('span', { class: 'diff' });
    diff.forEach(function (s) {
      if (s.op === 'EQUAL') { span.appendChild(document.createTextNode(s.text)); } else if (s.op === 'DELETE' && side === 'a') {
        span.appendChild(el('del', { title: '只在甲文本中', text: s.text }));
      } else if (s.op === 'INSERT' && side === 'b') {
        span.appendChild(el('ins', { title: '只在乙文本中', text: s.text }));
      }
    });
    return span;
  }

  function similar(f) {
    var s = scope(f);
    return run('panel-similar', function (p, current) {
      p.actions('相似目标文本', 'similarTexts', { threshold: 0.8, where: s });
      return pg.gql('query($s: AnalysisScope) { similarTexts(threshold: 0.8, first: 10, where: $s) { size bestScore pairCount' +
        ' texts { text { id } statementsConnection(first: 3) { totalCount edges { node { project { id name } document { name } line kind } } } }' +
        ' pairs { score a { id } b { id } diff { op text } } } }', { s: s }).then(function (d) {
        if (!current()) { return; }
        var clusters = d.similarTexts;
        draw('panel-similar', {
          tooltip: { trigger: 'axis' },
          grid: { left: 10, right: 50, top: 30, bottom: 10, containLabel: true },
          xAxis: { type: 'category', data: clusters.map(function (c, i) { return '簇 ' + (i + 1); }) },
          yAxis: [{ type: 'value', name: '文本数', minInterval: 1 }, { type: 'value', name: '最高相似度', min: 0, max: 1 }],
          series: [
            { name: '文本数', type: 'bar', data: clusters.map(function (c) { return c.size; }) },
            { name: '最高相似度', type: 'line', yAxisIndex: 1, data: clusters.map(function (c) { return Number(c.bestScore.toFixed(3)); }) }
          ]
        }, '相似目标文本');
        var box = p.root.querySelector('.pairs');
        box.textContent = '';
        clusters.forEach(function (c, ci) {
          var where = {};
          c.texts.forEach(function (t) { where[t.text.id] = t.statementsConnection; });
          c.pairs.slice(0, 3).forEach(function (pair) {
            box.appendChild(el('div', { class: 'pair', 'data-cluster': ci + 1 },
              el('div', { class: 'score', text: '簇 ' + (ci + 1) + ' · 相似度 ' + pair.score.toFixed(3) }),
              el('div', null, '甲：', diffLine(pair.diff, 'a'), ' ', statementLinks(where[pair.a.id])),
              el('div', null, '乙：', diffLine(pair.diff, 'b'), ' ', statementLinks(where[pair.b.id]))));
          });
        });
        p.tables(pg.table('相似目标文本簇（3-gram 相似度 ≥ 0.8）', ['簇', '文本数', '相似对数', '最高相似度'],
          clusters.map(function (c, i) { return ['簇 ' + (i + 1), c.size, c.pairCount, c.bestScore.toFixed(3)]; }), [1, 2, 3]));
        p.state(clusters.length ? '' : '没有相似度达到 0.8 的目标文本。');
      });
    });
  }

  // The first three places a text is stated (a page of its statementsConnection) and how many there are in all.
  function statementLinks(connection) {
    var span = el('span', { class: 'where' });
    var total = connection ? connection.totalCount : 0;
    (connection ? connection.edges : []).slice(0, 3).forEach(function (edge, i) {
      var st = edge.node;
      if (i) { span.appendChild(document.createTextNode('；')); }
      span.appendChild(projectLink(st.project));
      span.appendChild(document.createTextNode(' '));
      span.appendChild(sourceLink(st.document.name, st.line));
    });
    if (total > 3) { span.appendChild(document.createTextNode(' 等 ' + total + ' 处')); }
    return span;
  }

  function projectLink(project) {
    if (!project) { return document.createTextNode('（文档级）'); }
    var a = el('a', { href: '?' + withParams({ project: project.id, source: '', line: '' }), class: 'project-link', text: project.name });
    a.addEventListener('click', function (ev) { ev.preventDefault(); setParams({ project: project.id, source: '', line: '' }); detail(); });
    return a;
  }

  function sourceLink(documentName, line) {
    var a = el('a', { href: '?' + withParams({ source: documentName, line: line, project: '' }), class: 'source-link',
                      text: documentName + ' 第 ' + line + ' 行' });
    a.addEventListener('click', function (ev) { ev.preventDefault(); setParams({ source: documentName, line: line, project: '' }); detail(); });
    return a;
  }

  function withParams(changes) {
    var q = new URLSearchParams(window.location.search);
    Object.keys(changes).forEach(function (k) { if (changes[k] === '' || changes[k] == null) { q.delete(k); } else { q.set(k, changes[k]); } });
    return q.toString();
  }

  /** The finding kinds as the schema lists them (introspection): a kind added to the API is a row here at once. */
  var findingKinds = null;
  function kinds() {
    if (!findingKinds) {
      findingKinds = pg.gql('{ __type(name: "FindingKind") { enumValues { name description } } }').then(function (d) {
        return d.__type.enumValues;
      });
      findingKinds.catch(function () { findingKinds = null; });
    }
    return findingKinds;
  }

  function findings(f) {
    var fw = scope(f);
    return run('panel-findings', function (p, current) {
      p.actions('质量问题', 'findings', { where: fw });
      var fields = '{ totalCount edges { node { id kind severity message line place project { id name } document { name } } } }';
      return kinds().then(function (all) {
        // one aliased field per kind: its exact count (totalCount) and its first few findings as evidence
        var query = 'query($fw: FindingFilter) {' + all.map(function (k) {
          return ' ' + k.name + ': findings(kinds: [' + k.name + '], where: $fw, first: 5) ' + fields;
        }).join('') + ' }';
        return pg.gql(query, { fw: fw }).then(function (d) {
          if (!current()) { return; }
          var counts = all.map(function (k) {
            return { kind: k.name, description: k.description, count: d[k.name].totalCount, edges: d[k.name].edges };
          });
          draw('panel-findings', {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 10, right: 40, top: 20, bottom: 10, containLabel: true },
            xAxis: { type: 'value', name: '数量', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: counts.map(function (c) { return label('findingKind', c.kind); }) },
            series: [{ name: '问题数', type: 'bar', data: counts.map(function (c) { return c.count; }), label: { show: true, position: 'right' } }]
          }, '质量问题');
          p.tables(pg.table('各类质量问题的数量', ['类型', '数量'],
            counts.map(function (c) { return [label('findingKind', c.kind), pg.int(c.count)]; }), [1]));
          var list = p.root.querySelector('.findings-list');
          list.textContent = '';
          counts.filter(function (c) { return c.count; }).forEach(function (c) {
            list.appendChild(el('div', { class: 'kind', title: c.description || '', 'data-kind': c.kind,
                                         text: label('findingKind', c.kind) + '（' + pg.int(c.count) + '）' }));
            var ul = el('ul');
            c.edges.forEach(function (e) {
              var n = e.node;
              ul.appendChild(el('li', { 'data-kind': n.kind }, projectLink(n.project), ' · ', sourceLink(n.document.name, n.line),
                el('div', { class: 'state', text: n.message })));
            });
            list.appendChild(ul);
          });
          p.state('');
        });
      });
    });
  }

  function shared(f) {
    var s = scope(f);
    return run('panel-shared', function (p, current) {
      p.actions('相同的目标文本', 'sharedTexts', { minProjects: 2, where: s });
      return pg.gql('query($s: AnalysisScope) { sharedTexts(minProjects: 2, first: 20, where: $s) { projectCount blockCount' +
        ' text { id text } statementsConnection(first: 3) { totalCount edges { node { project { id name } document { name } line kind } } } } }', { s: s }).then(function (d) {
        if (!current()) { return; }
        var rows = d.sharedTexts;
        var short = function (t) { return t.length > 18 ? t.slice(0, 18) + '…' : t; };
        draw('panel-shared', {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          legend: { top: 0, left: 0 },
          grid: { left: 10, right: 40, top: 40, bottom: 10, containLabel: true },
          xAxis: { type: 'value', name: '次数', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: rows.map(function (r, i) { return (i + 1) + '. ' + short(r.text.text); }) },
          series: [
            { name: '项目数', type: 'bar', data: rows.map(function (r) { return r.projectCount; }) },
            { name: '项目块数', type: 'bar', data: rows.map(function (r) { return r.blockCount; }) }
          ]
        }, '相同的目标文本');
        var box = p.root.querySelector('.shared-list');
        box.textContent = '';
        rows.forEach(function (r, i) {
          box.appendChild(el('div', { class: 'pair', 'data-text': r.text.id },
            el('div', { class: 'score', text: (i + 1) + ' · ' + r.projectCount + ' 个项目 · ' + r.blockCount + ' 个项目块' }),
            el('div', null, r.text.text), statementLinks(r.statementsConnection)));
        });
        p.tables(pg.table('多个项目（或项目块）填写的相同目标文本', ['序号', '目标文本', '项目数', '项目块数', '出处数'],
          rows.map(function (r, i) { return [i + 1, r.text.text, r.projectCount, r.blockCount, r.statementsConnection.totalCount]; }), [0, 2, 3, 4]));
        p.state(rows.length ? '' : '没有被两个以上项目填写的相同目标文本。');
      });
    });
  }

  function quality(f) {
    var s = scope(f);
    return run('panel-quality', function (p, current) {
      p.actions('单位质量排行', 'qualityByUnit', { where: s });
      return pg.gql('query($s: AnalysisScope) { qualityByUnit(where: $s, orderBy: FINDINGS_DESC) { unit { id name region }' +
        ' projectCount targetCount numericShare qualitativeShare deadlineShare boilerplateShare findings findingsPerTarget } }', { s: s }).then(function (d) {
        if (!current()) { return; }
        var rows = d.qualityByUnit;
        draw('panel-quality', {
          tooltip: { trigger: 'axis' },
          legend: { top: 0, left: 0 },
          grid: { left: 10, right: 50, top: 50, bottom: 10, containLabel: true },
          xAxis: { type: 'category', data: rows.map(function (r) { return unitName(r.unit); }) },
          yAxis: [{ type: 'value', name: '问题数' }, { type: 'value', name: '占比', min: 0, max: 1, axisLabel: { formatter: function (v) { return v * 100 + '%'; } } }],
          series: [
            { name: '质量问题数', type: 'bar', data: rows.map(function (r) { return r.findings; }) },
            { name: '数值指标占比', type: 'line', yAxisIndex: 1, data: rows.map(function (r) { return r.numericShare; }) },
            { name: '套话指标占比', type: 'line', yAxisIndex: 1, data: rows.map(function (r) { return r.boilerplateShare; }) }
          ]
        }, '单位质量排行');
        p.tables(pg.table('单位质量排行（按质量问题数）', ['排名', '单位', '项目数', '绩效指标数', '数值占比', '定性占比', '时限/频次占比', '套话占比', '质量问题数', '每指标问题数'],
          rows.map(function (r, i) {
            return [i + 1, unitName(r.unit), r.projectCount, r.targetCount, pg.pct(r.numericShare), pg.pct(r.qualitativeShare),
              pg.pct(r.deadlineShare), pg.pct(r.boilerplateShare), r.findings, r.findingsPerTarget.toFixed(2)];
          }), [0, 2, 3, 4, 5, 6, 7, 8, 9]));
        p.state(rows.length ? '' : '没有符合筛选的单位。');
      });
    });
  }

  // ------------------------------------------------------------------ detail: a project or a source line

  function detail() {
    var q = new URLSearchParams(window.location.search), aside = document.getElementById('detail');
    var close = el('button', { type: 'button', text: '关闭' });
    close.addEventListener('click', function () { setParams({ project: '', source: '', line: '' }); detail(); });
    if (q.get('project')) {
      aside.hidden = false;
      aside.textContent = '加载中…';
      return pg.gql('query($id: ID!) { project(id: $id) { id name year amount line unit { name region } document { name }' +
        ' targets { indicatorName level1 { name } level2 { name } annual { raw } source { line } } } }', { id: q.get('project') }).then(function (d) {
        aside.textContent = '';
        aside.appendChild(close);
        var pj = d.project;
        if (!pj) { aside.appendChild(el('p', { text: '没有这个项目。' })); return; }
        aside.appendChild(el('h2', { id: 'detail-title', text: pj.name }));
        aside.appendChild(el('p', null, unitName(pj.unit) + ' · ' + (pj.year || '') + ' 年 · 预算 ' + pg.wan(pj.amount) + ' 万元 · ',
          sourceLink(pj.document.name, pj.line)));
        aside.appendChild(pg.table('项目的绩效指标', ['行', '一级指标', '二级指标', '三级指标', '年度指标值'],
          pj.targets.map(function (t) { return [t.source.line, t.level1.name, t.level2.name, t.indicatorName, t.annual ? t.annual.raw : '']; }), [0]));
      }).catch(function (e) { aside.textContent = '无法加载：' + e.message; });
    }
    if (q.get('source')) {
      var line = Number(q.get('line')) || 1, from = Math.max(1, line - 3), to = line + 3;
      aside.hidden = false;
      aside.textContent = '加载中…';
      return pg.gql('query($n: String!, $from: Int!, $to: Int!) { documents(where: {name: {eq: $n}}, first: 1) { edges { node { name title' +
        ' source(fromLine: $from, toLine: $to) { line text } } } } }', { n: q.get('source'), from: from, to: to }).then(function (d) {
        aside.textContent = '';
        aside.appendChild(close);
        var doc = d.documents.edges.length ? d.documents.edges[0].node : null;
        if (!doc) { aside.appendChild(el('p', { text: '没有这个文档。' })); return; }
        aside.appendChild(el('h2', { id: 'detail-title', text: doc.name + ' 第 ' + line + ' 行' }));
        if (doc.title) { aside.appendChild(el('p', { class: 'state', text: doc.title })); }
        var pre = el('pre', { class: 'source' });
        doc.source.forEach(function (l) {
          pre.appendChild(el('span', { class: l.line === line ? 'hit' : null, 'data-line': l.line }, String(l.line).padStart(5, ' ') + '  ' + l.text + '\n'));
        });
        aside.appendChild(pre);
      }).catch(function (e) { aside.textContent = '无法加载：' + e.message; });
    }
    aside.hidden = true;
    aside.textContent = '';
    return Promise.resolve();
  }

  // ------------------------------------------------------------------ filter controls

  function options() {
    return pg.gql('{ documents(first: 100) { edges { node { name kind region year } } } units(first: 100) { edges { node { id code name region } } }' +
      ' projectStats(groupBy: [YEAR], orderBy: [{key: ASC}]) { key { year } } }').then(function (d) {
      var docs = d.documents.edges.map(function (e) { return e.node; });
      var units = d.units.edges.map(function (e) { return e.node; });
      var regions = {}, years = {}, kinds = {};
      docs.forEach(function (x) { if (x.region) { regions[x.region] = 1; } if (x.year) { years[x.year] = 1; } kinds[x.kind] = 1; });
      units.forEach(function (u) { if (u.region) { regions[u.region] = 1; } });
      d.projectStats.forEach(function (g) { if (g.key.year) { years[g.key.year] = 1; } });
      fill('f-document', docs.map(function (x) { return [x.name, x.name]; }));
      fill('f-unit', units.map(function (u) { return [u.id, unitName(u) + (u.code ? ' · ' + u.code : '')]; }));
      fill('f-region', Object.keys(regions).sort().map(function (r) { return [r, r]; }));
      fill('f-year', Object.keys(years).sort().map(function (y) { return [y, y + ' 年']; }));
      fill('f-kind', Object.keys(kinds).sort().map(function (k) { return [k, label('documentKind', k)]; }));
    });
  }

  function fill(id, pairs) {
    var s = document.getElementById(id);
    while (s.options.length > 1) { s.remove(1); }
    pairs.forEach(function (p) { s.appendChild(el('option', { value: p[0], text: p[1] })); });
  }

  function showFilters(f) {
    FILTERS.forEach(function (k) {
      var s = document.getElementById('f-' + k);
      if (f[k] && !Array.prototype.some.call(s.options, function (o) { return o.value === f[k]; })) {
        s.appendChild(el('option', { value: f[k], text: f[k] }));
      }
      s.value = f[k];
    });
    var active = FILTERS.filter(function (k) { return f[k]; }).length;
    document.getElementById('f-state').textContent = active ? '已按 ' + active + ' 项筛选' : '';
  }

  function refresh() {
    generation++;
    var f = filters();
    showFilters(f);
    document.body.setAttribute('data-generation', String(generation));
    // the heat map takes the reuse ranking's top indicators (its own small request, drawn in parallel)
    var done = [overview(f), categories(f), reuse(f), heatmap(f, reuseRows(f)), similar(f), shared(f), findings(f), quality(f)];
    return Promise.all(done).then(function () { document.body.setAttribute('data-ready', String(generation)); });
  }

  // the heat map asks for the same ranking (one cheap request) rather than reading the other panel's DOM
  function reuseRows(f) {
    return pg.gql('query($rw: IndicatorReuseFilter) { indicatorReuse(minProjects: 2, first: ' + HEAT_INDICATORS + ', where: $rw) {' +
      ' edges { node { indicator { id code name } projectCount } } } }', { rw: scope(f) })
      .then(function (d) { return d.indicatorReuse.edges.map(function (e) { return e.node; }); });
  }

  document.getElementById('filters').addEventListener('change', function (ev) {
    if (!ev.target.name) { return; }
    var change = {};
    change[ev.target.name] = ev.target.value;
    setParams(change);
    refresh();
  });
  document.getElementById('f-reset').addEventListener('click', function () {
    var change = {};
    FILTERS.forEach(function (k) { change[k] = ''; });
    setParams(change);
    refresh();
  });
  window.addEventListener('popstate', function () { refresh(); detail(); });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });

  options().catch(function (e) { document.getElementById('f-state').textContent = '无法加载筛选项：' + e.message; })
    .then(function () { refresh(); detail(); });
})();
