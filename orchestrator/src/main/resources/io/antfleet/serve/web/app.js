// antfleet dashboard: polls the JSON API (the same one scripts use) and draws with Chart.js (vendored, MIT).
// Every value goes into the page as text, never as HTML.
'use strict';

const POLL_MS = 5000;
const CHART_MS = 30000;
let csrf = null;
const charts = {};

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

async function api(path, options) {
  const res = await fetch(path, Object.assign({ credentials: 'same-origin' }, options || {}));
  if (res.status === 401) { window.location = '/login'; throw new Error('logged out'); }
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return body;
}

function say(text, error) {
  const m = document.getElementById('message');
  m.textContent = text;
  m.className = error ? 'error' : '';
}

function when(iso) {
  if (!iso) return '-';
  const d = new Date(iso);
  return d.toLocaleString();
}

function ago(iso) {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  return s < 120 ? s + ' s ago' : s < 7200 ? Math.round(s / 60) + ' min ago' : Math.round(s / 3600) + ' h ago';
}

function uptime(s) {
  if (s === null || s === undefined) return '-';
  const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
  return d > 0 ? d + 'd' + h + 'h' : h > 0 ? h + 'h' + m + 'm' : m + 'm' + (s % 60) + 's';
}

function counts(c) {
  const parts = Object.keys(c || {}).map(k => k + ' ' + c[k]);
  return parts.length ? parts.join(', ') : 'no nodes';
}

function card(label, value, cls) {
  const c = el('div', null, 'card' + (cls ? ' ' + cls : ''));
  c.appendChild(el('b', value));
  c.appendChild(el('span', label));
  return c;
}

function renderOverview(f) {
  const totals = document.getElementById('totals');
  totals.replaceChildren();
  let all = 0;
  Object.keys(f.counts).forEach(k => { all += f.counts[k]; });
  totals.appendChild(card('nodes of cap ' + f.nodeCap, all));
  Object.keys(f.counts).forEach(k => totals.appendChild(card(k, f.counts[k], 'status-' + k)));
  const host = document.getElementById('host');
  host.replaceChildren();
  ['cpu', 'mem', 'disk', 'load'].forEach(name => {
    const r = f.host[name];
    const v = r.value === null ? '-' : (name === 'load' ? r.value.toFixed(2) : r.value.toFixed(1) + '%');
    const cls = r.value === null ? '' : r.value > r.removeAbove ? 'over-remove' : r.value >= r.addBelow ? 'over-add' : '';
    host.appendChild(card(name + ' (add < ' + r.addBelow + ', remove > ' + r.removeAbove + ')', v, cls));
  });
  host.appendChild(card('host read', ago(f.host.readAt)));
  const badge = document.getElementById('autoscaler');
  badge.textContent = f.paused ? 'autoscaler paused' : 'autoscaler on';
  badge.className = 'badge' + (f.paused ? ' paused' : '');
  const body = document.querySelector('#containers tbody');
  body.replaceChildren();
  f.containers.forEach(c => {
    const tr = el('tr');
    tr.appendChild(el('td', c.name));
    tr.appendChild(el('td', c.status || '-'));
    tr.appendChild(el('td', counts(c.counts)));
    body.appendChild(tr);
  });
}

// Docker names are unique per host only: every request names the container's host too
function onHost(host) {
  return host ? 'host=' + encodeURIComponent(host) : '';
}

function actionButton(c, node, verb) {
  const b = el('button', verb);
  b.type = 'button';
  b.dataset.action = verb;
  const where = c.host && c.host !== 'local' ? c.host + '/' + c.name : c.name;
  b.addEventListener('click', () => confirmThen(verb + ' ' + node.service + ' in ' + where + '?',
    '/api/v1/nodes/' + encodeURIComponent(c.name) + '/' + encodeURIComponent(node.service) + '/' + verb + '?' + onHost(c.host)));
  return b;
}

function renderGrids(f) {
  const grids = document.getElementById('grids');
  grids.replaceChildren();
  f.containers.forEach(c => {
    const h = el('h3', c.name + ' — ' + counts(c.counts));
    const table = el('table', null, 'grid');
    table.dataset.container = c.name;
    const head = el('tr');
    ['Node', 'Status', 'Version', 'Uptime', 'Peers', 'Records', 'Rewards', 'Last reading', ''].forEach(t => head.appendChild(el('th', t)));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    c.nodes.forEach(n => {
      const tr = el('tr');
      tr.dataset.service = n.service;
      const name = el('td');
      const link = el('button', n.service, 'node-link');
      link.type = 'button';
      link.title = 'chart this node';
      link.addEventListener('click', () => chartNode(c.name, n.service, c.host));
      name.appendChild(link);
      tr.appendChild(name);
      tr.appendChild(el('td', n.status, 'status status-' + n.status));
      tr.appendChild(el('td', n.version || '-'));
      tr.appendChild(el('td', uptime(n.readings.uptimeSeconds)));
      tr.appendChild(el('td', n.readings.connectedPeers ?? '-'));
      tr.appendChild(el('td', n.readings.records ?? '-'));
      tr.appendChild(el('td', n.readings.rewards ?? '-'));
      tr.appendChild(el('td', ago(n.readAt)));
      const actions = el('td');
      (n.status === 'RUNNING' ? ['stop', 'restart'] : ['start']).concat(n.status === 'DEAD' ? [] : ['remove'])
        .forEach(v => actions.appendChild(actionButton(c, n, v)));
      tr.appendChild(actions);
      body.appendChild(tr);
    });
    table.appendChild(body);
    grids.appendChild(h);
    grids.appendChild(table);
  });
}

function renderRows(selector, rows, cells) {
  const body = document.querySelector(selector + ' tbody');
  body.replaceChildren();
  rows.forEach(r => {
    const tr = el('tr');
    cells(r).forEach((v, i, all) => tr.appendChild(el('td', v, i === all.length - 1 ? 'reason' : null)));
    body.appendChild(tr);
  });
}

async function refresh() {
  try {
    const [f, d, o] = await Promise.all([api('/api/v1/fleet'), api('/api/v1/decisions?limit=50'), api('/api/v1/operations?limit=50')]);
    renderOverview(f);
    renderGrids(f);
    renderRows('#decisions', d.decisions, r => [when(r.decidedAt), r.action, r.container || '-',
      r.services.length ? r.services.join(' ') : String(r.count), r.outcome + (r.error ? ': ' + r.error : ''), r.reason]);
    renderRows('#operations', o.operations, r => [when(r.startedAt), r.intent, r.container || '-',
      r.services.join(' '), r.state, r.error || '']);
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    say('cannot read the fleet: ' + e.message, true);
  }
}

function line(id, labels, sets) {
  const data = { labels: labels, datasets: sets.map(s => ({ label: s[0], data: s[1], borderWidth: 2, pointRadius: 0, tension: 0.2 })) };
  if (charts[id]) { charts[id].data = data; charts[id].update('none'); return; }
  charts[id] = new Chart(document.getElementById(id), {
    type: 'line', data: data,
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
  });
}

async function refreshCharts() {
  if (typeof Chart === 'undefined') return;
  try {
    const h = await api('/api/v1/history?since=' + document.getElementById('window').value);
    const t = x => new Date(x.readAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    line('chart-nodes', h.host.map(t), [['running', h.host.map(x => x.running)], ['stopped', h.host.map(x => x.stopped)],
      ['other', h.host.map(x => x.other)]]);
    line('chart-host', h.host.map(t), [['cpu', h.host.map(x => x.cpu)], ['mem', h.host.map(x => x.mem)], ['disk', h.host.map(x => x.disk)]]);
    line('chart-records', h.totals.map(t), [['records', h.totals.map(x => x.records)], ['peers', h.totals.map(x => x.connectedPeers)]]);
    line('chart-rewards', h.totals.map(t), [['rewards', h.totals.map(x => Number(x.rewards))]]);
    if (chartedNode) chartNode(chartedNode[0], chartedNode[1], chartedNode[2]);
  } catch (e) {
    say('cannot read the history: ' + e.message, true);
  }
}

let chartedNode = null;

async function chartNode(container, service, host) {
  chartedNode = [container, service, host];
  try {
    const h = await api('/api/v1/readings?node=' + encodeURIComponent(container + '/' + service) + '&' + onHost(host) +
      '&since=' + document.getElementById('window').value);
    const t = x => new Date(x.readAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    document.getElementById('node-chart').hidden = false;
    document.getElementById('node-chart-title').textContent = container + '/' + service + ': records and peers';
    line('chart-node', h.readings.map(t), [['records', h.readings.map(x => x.records)],
      ['peers', h.readings.map(x => x.connectedPeers)]]);
  } catch (e) {
    say('cannot read the node\'s history: ' + e.message, true);
  }
}

function confirmThen(question, path) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = question;
  dialog.returnValue = '';
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'yes') { say('cancelled: nothing was changed'); return; }
    say('working: ' + question.replace('?', '') + ' …');
    try {
      const r = await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ confirm: true }) });
      say(r.done);
    } catch (e) {
      say('refused: ' + e.message, true);
    }
    refresh();
  };
  dialog.showModal();
}

async function start() {
  csrf = (await api('/api/v1/session')).csrf;
  document.getElementById('pause').addEventListener('click', () => confirmThen('Pause the autoscaler?', '/api/v1/autoscaler/pause'));
  document.getElementById('resume').addEventListener('click', () => confirmThen('Resume the autoscaler?', '/api/v1/autoscaler/resume'));
  document.getElementById('apply').addEventListener('click', () => confirmThen('Apply the spec run applied last?', '/api/v1/apply'));
  document.getElementById('window').addEventListener('change', refreshCharts);
  await refresh();
  await refreshCharts();
  setInterval(refresh, POLL_MS);
  setInterval(refreshCharts, CHART_MS);
}

document.addEventListener('DOMContentLoaded', start);
