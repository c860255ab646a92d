// The upload page: each chosen or dropped file goes to importDocument as contentBase64, first as a dry run (nothing
// written: projects, targets, diagnostics with their lines and places, corrections a re-import would keep), then,
// when the person confirms, for real. The editor key is asked once and kept in sessionStorage.
(function () {
  'use strict';
  var pg = window.perfgraph, el = pg.el, label = pg.label;
  var FIELDS = 'document status format kind fileKind truncated projects targets texts indicators' +
    ' diagnostics { line place severity code message } corrections { entityId entityKind field corrected imported kept }';
  var MUTATION = 'mutation($in: ImportDocumentInput!) { importDocument(input: $in) { ' + FIELDS + ' } }';

  function showKey() {
    var has = !!pg.key();
    document.getElementById('key-form').hidden = has;
    document.getElementById('key-set').hidden = !has;
  }
  document.getElementById('key-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    pg.setKey(document.getElementById('key-input').value.trim());
    document.getElementById('key-input').value = '';
    showKey();
  });
  document.getElementById('key-clear').addEventListener('click', function () { pg.setKey(''); showKey(); });
  showKey();

  function base64(buffer) {
    var bytes = new Uint8Array(buffer), chunks = [], step = 0x8000;
    for (var i = 0; i < bytes.length; i += step) {
      chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + step)));
    }
    return window.btoa(chunks.join(''));
  }

  function input(name, content, dryRun) {
    var i = { name: name, contentBase64: content, dryRun: dryRun };
    var year = document.getElementById('opt-year').value, region = document.getElementById('opt-region').value.trim(),
        unit = document.getElementById('opt-unit').value.trim();
    if (year) { i.year = Number(year); }
    if (region) { i.region = region; }
    if (unit) { i.unit = unit; }
    if (document.getElementById('opt-override').checked) { i.override = true; }
    return i;
  }

  function report(box, r) {
    box.appendChild(pg.table('结果', ['项目', '内容'], [
      ['状态', label('status', r.status)], ['版式', label('format', r.format)], ['表类型', label('documentKind', r.kind)],
      ['文件类型', r.fileKind], ['项目数', pg.int(r.projects)], ['绩效指标数', pg.int(r.targets)],
      ['目标文本数', pg.int(r.texts)], ['三级指标数', pg.int(r.indicators)], ['文档被截断', r.truncated ? '是' : '否']
    ]));
    box.appendChild(r.diagnostics.length
      ? pg.table('读取说明（' + r.diagnostics.length + ' 条）', ['行', '位置', '级别', '代码', '说明'],
          r.diagnostics.map(function (d) { return [d.line, d.place || '', label('severity', d.severity), d.code, d.message]; }), [0])
      : el('p', { class: 'state diagnostics-none', text: '没有读取说明。' }));
    box.appendChild(r.corrections.length
      ? pg.table('重新导入时保留的人工更正（' + r.corrections.length + ' 条）', ['对象', '字段', '更正值', '文档值', '保留'],
          r.corrections.map(function (c) {
            return [c.entityKind + ' ' + c.entityId, c.field, JSON.stringify(c.corrected), JSON.stringify(c.imported), c.kept ? '是' : '否'];
          }))
      : el('p', { class: 'state corrections-none', text: '没有需要保留的人工更正。' }));
  }

  function handle(file) {
    var box = el('section', { class: 'result file-result', 'data-file': file.name, 'aria-busy': 'true' },
      el('h2', { text: file.name }), el('p', { class: 'state', role: 'status', text: '读取中…' }));
    document.getElementById('results').prepend(box);
    var status = box.querySelector('.state');
    file.arrayBuffer().then(function (buffer) {
      var content = base64(buffer);
      status.textContent = '试运行中…';
      return pg.gql(MUTATION, { in: input(file.name, content, true) }).then(function (d) {
        var r = d.importDocument;
        box.setAttribute('data-stage', 'dry-run');
        box.setAttribute('aria-busy', 'false');
        status.textContent = '试运行完成：什么都没有写入。核对后确认导入。';
        var dry = el('div', { class: 'dry-run' });
        report(dry, r);
        box.appendChild(dry);
        var confirm = el('button', { type: 'button', class: 'primary confirm', text: '确认导入' });
        var cancel = el('button', { type: 'button', class: 'cancel', text: '放弃' });
        cancel.addEventListener('click', function () { box.remove(); });
        confirm.addEventListener('click', function () {
          confirm.disabled = true;
          cancel.disabled = true;
          box.setAttribute('aria-busy', 'true');
          status.textContent = '导入中…';
          pg.gql(MUTATION, { in: input(file.name, content, false) }).then(function (d2) {
            var done = el('div', { class: 'imported' }, el('h3', { text: '导入结果' }));
            report(done, d2.importDocument);
            box.appendChild(done);
            box.setAttribute('data-stage', 'imported');
            box.setAttribute('aria-busy', 'false');
            status.textContent = label('status', d2.importDocument.status) + '。';
            box.appendChild(el('p', null, el('a', { href: '/dashboard?document=' + encodeURIComponent(file.name), text: '在看板中查看这个文档' })));
          }).catch(function (e) { fail(box, status, e); confirm.disabled = false; cancel.disabled = false; });
        });
        box.appendChild(el('p', null, confirm, ' ', cancel));
      });
    }).catch(function (e) { fail(box, status, e); });
  }

  function fail(box, status, e) {
    box.setAttribute('data-stage', 'error');
    box.setAttribute('aria-busy', 'false');
    status.className = 'state error';
    status.textContent = e.classification === 'UNAUTHORIZED' ? '密钥无效或未填写：请在上方输入编辑密钥。（' + e.message + '）' : '不能导入：' + e.message;
    if (e.classification === 'UNAUTHORIZED') { pg.setKey(''); showKey(); }
  }

  function files(list) { Array.prototype.forEach.call(list, handle); }
  document.getElementById('file-input').addEventListener('change', function (ev) { files(ev.target.files); ev.target.value = ''; });
  var zone = document.getElementById('dropzone');
  zone.addEventListener('dragover', function (ev) { ev.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
  zone.addEventListener('drop', function (ev) { ev.preventDefault(); zone.classList.remove('over'); files(ev.dataTransfer.files); });
})();
