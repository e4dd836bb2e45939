// Enlarged view of a screenshot or label in a modal <dialog> (Escape or the button closes it;
// focus returns to what opened it).
import {h} from '../lib/dom.js';
import {loadImage} from '../lib/files.js';

export function openViewer({fileId, caption}) {
  const opener = document.activeElement;
  const img = h('img', {alt: caption || 'Enlarged image'});
  loadImage(img, fileId);
  const dialog = h('dialog.viewer#viewer', {'aria-label': caption || 'Image'},
    h('div.viewer-bar', h('span', caption || ''),
      h('button#viewer-close', {type: 'button', onclick: () => dialog.close()}, 'Close')),
    h('div.viewer-body', img));
  dialog.addEventListener('click', ev => { if (ev.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.focus) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
