// The Users table's behaviour beyond htmx: cancelling an inline edit with Escape (or Cancel) with
// focus back on the cell, focus kept on the row after a row action, and the row menus opened
// over the page (position: fixed) so no scrolling container ever clips them.
(function () {
  // A form that changes a person for good asks first (the user page's Deactivate and Delete).
  document.addEventListener('submit', event => {
    const form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // The table may be swapped by htmx (the partner space's filters): it is looked up at each event.
  const tableOf = () => document.getElementById('users-table') || document.createElement('table');
  const within = event => event.target.closest && event.target.closest('#users-table');

  // Before a cell's editor replaces its value, keep the value's markup to put back on cancel.
  document.body.addEventListener('htmx:beforeRequest', event => {
    const source = event.detail.elt;
    if (source.classList && source.classList.contains('cell-edit')) {
      const holder = source.closest('.value');
      holder.dataset.original = holder.innerHTML;
    }
    const form = source.closest && source.closest('form');
    const row = source.closest && source.closest('tr.user-row');
    if (row) {
      const table = tableOf();
      table.dataset.lastRow = row.id;
      table.dataset.lastField = form && form.classList.contains('cell-editor') ? form.dataset.field || '' : '';
    }
  });

  function cancel(editor) {
    const holder = editor.closest('.value');
    if (!holder || holder.dataset.original === undefined) { return; }
    holder.innerHTML = holder.dataset.original;
    delete holder.dataset.original;
    htmx.process(holder);
    const button = holder.querySelector('button.cell-edit');
    if (button) { button.focus(); }
  }

  document.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || !within(event)) { return; }
    const editor = event.target.closest('.cell-editor');
    if (editor) {
      event.preventDefault();
      cancel(editor);
      return;
    }
    const menu = event.target.closest('details.row-menu[open]');
    if (menu) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });

  document.addEventListener('click', event => {
    if (!within(event)) { return; }
    const cancelButton = event.target.closest('.cell-cancel');
    if (cancelButton) { cancel(cancelButton.closest('.cell-editor')); }
  });

  // After htmx put a row back, focus goes to the cell just edited, else to the row itself.
  document.body.addEventListener('htmx:afterSettle', () => {
    const table = tableOf();
    const id = table.dataset.lastRow;
    if (!id) { return; }
    delete table.dataset.lastRow;
    const row = document.getElementById(id) || table.querySelector('tr.deleted-row');
    if (!row) { return; }
    const field = table.dataset.lastField;
    const button = field ? row.querySelector('.value-' + field + ' button.cell-edit') : null;
    (button || row).focus();
  });

  // One menu open at a time, placed under its button within the window.
  document.addEventListener('toggle', event => {
    const menu = event.target;
    if (!menu.matches || !menu.matches('#users-table details.row-menu') || !menu.open) { return; }
    tableOf().querySelectorAll('details.row-menu[open]').forEach(other => { if (other !== menu) { other.open = false; } });
    const list = menu.querySelector('ul');
    const anchor = menu.querySelector('summary').getBoundingClientRect();
    list.style.position = 'fixed';
    list.style.top = Math.round(anchor.bottom + 4) + 'px';
    const widest = window.innerWidth - list.offsetWidth - 8;
    list.style.left = Math.round(Math.max(8, Math.min(anchor.right - list.offsetWidth, widest))) + 'px';
    const below = window.innerHeight - anchor.bottom - 8;
    if (list.offsetHeight > below && anchor.top > list.offsetHeight) {
      list.style.top = Math.round(anchor.top - list.offsetHeight - 4) + 'px';
    }
  }, true);

  document.addEventListener('click', event => {
    if (!event.target.closest('details.row-menu')) {
      tableOf().querySelectorAll('details.row-menu[open]').forEach(menu => { menu.open = false; });
    }
  });
  window.addEventListener('scroll', () => {
    tableOf().querySelectorAll('details.row-menu[open]').forEach(menu => { menu.open = false; });
  }, {passive: true});
}());
