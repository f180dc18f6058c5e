// Like a CMS tab or "load more": the placeholder arrives after the widgets have started. Its
// kind is the page's `#tabs[data-late]` (a pathway unless it says otherwise).
setTimeout(() => {
  const tabs = document.getElementById('tabs');
  const kind = tabs.dataset.late ?? 'pathway';
  const slot = document.createElement('div');
  slot.id = 'late';
  slot.dataset.sendWidget = kind;
  slot.dataset.feed = '/feed/tower-hamlets.json';
  if (kind === 'pathway') slot.dataset.pathway = 'preparing-for-adulthood';
  slot.textContent = kind === 'pathway' ? 'Preparing for adulthood' : 'Our improvement plan';
  tabs.append(slot);
}, 800);
