// Screenshots and labels are authenticated downloads (GET /api/files/{id} with a bearer token).
// An <img src> cannot send the header, and a token never goes into a URL, so each file is
// fetched with the token and shown through a blob: URL. A file never changes under its id, so
// the blob URLs are cached for the page's lifetime (bounded, oldest revoked first).
import {getBlob} from './api.js';

const MAX_CACHED = 400;
const cache = new Map(); // fileId -> Promise<string>

export function fileUrl(fileId) {
  let url = cache.get(fileId);
  if (!url) {
    url = getBlob('/api/files/' + encodeURIComponent(fileId)).then(blob => URL.createObjectURL(blob));
    url.catch(() => cache.delete(fileId));
    cache.set(fileId, url);
    if (cache.size > MAX_CACHED) {
      const [oldestId, oldest] = cache.entries().next().value;
      cache.delete(oldestId);
      oldest.then(u => URL.revokeObjectURL(u), () => {});
    }
  }
  return url;
}

/** Sets an <img>'s src to the file once it is fetched; tries again (back online, or a little later) when that fails. */
export function loadImage(img, fileId, attempt = 0) {
  img.dataset.fileId = fileId;
  fileUrl(fileId).then(url => {
    if (img.dataset.fileId === fileId) {
      img.classList.remove('broken');
      img.src = url;
    }
  }, () => {
    img.classList.add('broken');
    if (attempt >= 5) return;
    const again = () => { if (img.isConnected && img.dataset.fileId === fileId) loadImage(img, fileId, attempt + 1); };
    if (!navigator.onLine) window.addEventListener('online', again, {once: true});
    else setTimeout(again, 1000 * 2 ** attempt);
  });
  return img;
}

/** Saves an authenticated download under a file name (through a blob URL and a temporary link). */
export async function saveDownload(path, fileName) {
  const blob = await getBlob(path);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
