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
    let summary = data.msgDone
      .replace('%rows%', result.rows).replace('%activated%', result.activated).replace('%drafts%', result.drafts);
    if (result.existing > 0) {
      summary += ' ' + data.msgExisting.replace('%existing%', result.existing);
    }
    document.getElementById('import-summary').textContent = summary;
    document.getElementById('import-dry').hidden = !result.dryRun;
    const table = document.getElementById('import-errors');
    table.tHead.textContent = '';
    table.tBodies[0].textContent = '';
    // Each row to fix and each row that named an existing user, in the order of the file.
    const lines = result.errors.map(error => [error.line, error.userId || '', error.validationResult])
      .concat((result.existingRows || []).map(row => [row.line, row.userId || '',
        row.matchedBy === 'email' ? data.msgMatchEmail : data.msgMatchUserId]))
      .sort((a, b) => a[0] - b[0]);
    if (lines.length > 0) {
      const head = table.tHead.insertRow();
      [data.colLine, data.colUser, data.colResult].forEach(text => cell(head, text, true));
      lines.forEach(line => {
        const row = table.tBodies[0].insertRow();
        line.forEach(text => cell(row, String(text)));
      });
    }
    report.hidden = false;
  }

  // After a dry run, "Import now" sends the same file for real.
  document.getElementById('import-now').addEventListener('click', () => {
    document.getElementById('dryRun').checked = false;
    form.requestSubmit();
  });

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
