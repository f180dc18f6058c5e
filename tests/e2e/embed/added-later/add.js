// Like a CMS tab or "load more": the placeholder arrives after the widgets have started.
setTimeout(() => {
  const slot = document.createElement('div');
  slot.id = 'late';
  slot.dataset.sendWidget = 'pathway';
  slot.dataset.feed = '/feed/tower-hamlets.json';
  slot.dataset.pathway = 'preparing-for-adulthood';
  slot.textContent = 'Preparing for adulthood';
  document.getElementById('tabs').append(slot);
}, 800);
