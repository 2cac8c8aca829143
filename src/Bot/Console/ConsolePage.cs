namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>The single console page: a transcript and an input box. No external assets: it works offline.</summary>
public static class ConsolePage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>nginx502bot console</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 1rem; color: #1d1c1d; }
          #log > div { border-bottom: 1px solid #ddd; padding: .5rem 0; }
          #log > div.private { background: #f6f6ff; }
          pre { background: #f4f4f4; padding: .5rem; overflow-x: auto; white-space: pre-wrap; }
          pre.user { background: #eef6ee; }
          dl.fields { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; }
          dt { font-weight: 600; } dd { margin: 0; }
          .context { color: #616061; font-size: 12px; }
          .caption { font-weight: 600; margin-top: .5rem; }
          textarea { width: 100%; height: 9rem; font-family: ui-monospace, monospace; }
          button { margin: .25rem .25rem 0 0; }
        </style>
        </head>
        <body>
        <h2>nginx502bot local console</h2>
        <p>Type <code>/502 help</code>, <code>/502 &lt;url|host&gt;</code>, or paste nginx error-log lines. Same handlers as in Slack.</p>
        <div id="log"></div>
        <form id="f">
          <textarea id="t" placeholder="/502 help"></textarea>
          <button type="submit">Send</button>
        </form>
        <script>
        const log = document.getElementById('log');
        function show(messages) {
          log.innerHTML = '';
          for (const m of messages) {
            const d = document.createElement('div');
            if (m.private) d.className = 'private';
            d.innerHTML = m.html;
            log.appendChild(d);
          }
          window.scrollTo(0, document.body.scrollHeight);
        }
        async function post(url, body) {
          const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
          show(await r.json());
        }
        document.getElementById('f').addEventListener('submit', e => {
          e.preventDefault();
          const t = document.getElementById('t');
          post('console/send', { text: t.value });
          t.value = '';
        });
        log.addEventListener('click', e => {
          const b = e.target.closest('button[data-action]');
          if (b) post('console/action', { messageId: b.dataset.message, actionId: b.dataset.action, value: b.dataset.value });
        });
        fetch('console/messages').then(r => r.json()).then(show);
        </script>
        </body>
        </html>
        """;
}
