// reader.html?tab=<tabId>: read the tab, inject into it, show its title.
(async () => {
  const root = document.documentElement;
  try {
    const tabId = Number(new URLSearchParams(location.search).get('tab'));
    const tab = await ext.tabs.get(tabId);
    const [res] = await ext.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => document.title,
    });
    document.getElementById('title').textContent = res.result;
    root.dataset.state = 'done';
  } catch (e) {
    document.getElementById('error').textContent = String(e?.message ?? e);
    root.dataset.state = 'error';
  }
})();
