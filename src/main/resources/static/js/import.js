// Sends the chosen CSV file to the import API with the console's session and CSRF token, shows
// the upload's progress, then the report. Everything shown is set with textContent (no HTML).
(function () {
  const form = document.getElementById('import-form');
  if (!form) { return; }
  const data = form.dataset;
  const progress = document.getElementById('import-progress');
  const bar = document.getElementById('import-bar');
  const status = document.getElementById('import-status');
  const report = document.getElementById('import-report');

  function cell(row, text, header) {
    const element = document.createElement(header ? 'th' : 'td');
    element.textContent = text;
    row.appendChild(element);
  }

  function show(result) {
    document.getElementById('import-summary').textContent = data.msgDone
      .replace('%rows%', result.rows).replace('%activated%', result.activated).replace('%drafts%', result.drafts);
    const table = document.getElementById('import-errors');
    table.tHead.textContent = '';
    table.tBodies[0].textContent = '';
    if (result.errors.length > 0) {
      const head = table.tHead.insertRow();
      [data.colLine, data.colUser, data.colResult].forEach(text => cell(head, text, true));
      result.errors.forEach(error => {
        const row = table.tBodies[0].insertRow();
        [error.line, error.userId || '', error.validationResult].forEach(text => cell(row, String(text)));
      });
    }
    report.hidden = false;
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const file = document.getElementById('file').files[0];
    if (!file) { return; }
    const body = new FormData();
    body.append('file', file);
    const request = new XMLHttpRequest();
    const dryRun = document.getElementById('dryRun').checked;
    request.open('POST', data.endpoint + (dryRun ? '?dryRun=true' : ''));
    request.setRequestHeader(data.csrfHeader, data.csrf);
    request.setRequestHeader('Accept', 'application/json');
    // the report's validation results in the page's language, not the browser's
    request.setRequestHeader('Accept-Language', document.documentElement.lang || 'en');
    request.upload.onprogress = e => {
      if (e.lengthComputable) {
        bar.value = Math.round(100 * e.loaded / e.total);
        status.textContent = data.msgUploading.replace('%percent%', bar.value);
      }
    };
    request.upload.onload = () => { bar.removeAttribute('value'); status.textContent = data.msgProcessing; };
    request.onload = () => {
      progress.hidden = true;
      let answer = {};
      try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = {}; }
      if (request.status === 200) {
        show(answer);
      } else {
        report.hidden = false;
        document.getElementById('import-summary').textContent = data.msgFailed + ' ' + (answer.detail || request.status);
      }
    };
    request.onerror = () => { progress.hidden = true; status.textContent = data.msgFailed; };
    report.hidden = true;
    progress.hidden = false;
    bar.value = 0;
    status.textContent = data.msgUploading.replace('%percent%', 0);
    request.send(body);
  });
}());
