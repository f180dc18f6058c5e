// The page-level trap: any script a feed manages to run calls one of these, and is counted.
window.__ran = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (message) => window.__ran.push(`${name}(${message})`);
}
window.pwn = (where) => window.__ran.push(`pwn(${where})`);
window.hostileNavigations = 0;
