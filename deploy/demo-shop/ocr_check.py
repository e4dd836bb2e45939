#!/usr/bin/env python3
"""Check that the demo shop is OCR-friendly: screenshot every product like the
crawler does and read article number and price back with the tesseract CLI.

For each product in expected.json this script
  1. opens the product page in headless Chromium (1280x800, device scale 1),
  2. takes a screenshot of the product area ([data-product]), as Playwright's
     element screenshot does (and, with --page, of the whole viewport too),
  3. runs `tesseract IMAGE stdout -l eng+deu --psm 3 tsv`,
  4. extracts the article number (ART-ddddd) and the price with simple
     reference rules: the price is the price-looking text with the tallest glyphs,
  5. compares with expected.json and prints a table and the read rates.

It exits 1 when fewer than --min-rate (default 95 %) of the products have both
article number and price read correctly.

Python 3 standard library only; needs `chromium` and `tesseract` on PATH and the
shop being served, e.g.
  jwebserver -b 127.0.0.1 -p 8070 -d deploy/demo-shop/site &
  python3 deploy/demo-shop/ocr_check.py --base http://127.0.0.1:8070 --save /tmp/shots

The rules here are a yardstick for the shop, not the ocr-worker's implementation.
"""

import argparse
import base64
import concurrent.futures
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                  "--window-size=1280,800"]


# ---------------------------------------------------------------------------
# A minimal Chrome DevTools Protocol client (WebSocket over a plain socket)
# ---------------------------------------------------------------------------

class CDP:
    def __init__(self, ws_url):
        m = re.match(r"ws://([^/:]+):(\d+)(/.*)", ws_url)
        host, port, path = m.group(1), int(m.group(2)), m.group(3)
        self.sock = socket.create_connection((host, port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("websocket handshake failed")
            buf += chunk
        head, self.buf = buf.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("websocket handshake refused: " + head.decode(errors="replace"))
        self.next_id = 0
        self.events = []

    def _recv_exact(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buf)))
            if not chunk:
                raise RuntimeError("devtools connection closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _recv_message(self):
        data = b""
        while True:
            b1, b2 = self._recv_exact(2)
            n = b2 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            mask = self._recv_exact(4) if b2 & 0x80 else None
            payload = self._recv_exact(n)
            if mask:
                payload = bytes(c ^ mask[i % 4] for i, c in enumerate(payload))
            opcode = b1 & 0x0F
            if opcode == 8:
                raise RuntimeError("devtools connection closed")
            if opcode in (9, 10):
                continue
            data += payload
            if b1 & 0x80:
                return json.loads(data)

    def send(self, method, **params):
        self.next_id += 1
        msg = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        header = bytearray([0x81])
        if len(msg) < 126:
            header.append(0x80 | len(msg))
        elif len(msg) < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", len(msg))
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", len(msg))
        mask = os.urandom(4)
        self.sock.sendall(bytes(header) + mask + bytes(c ^ mask[i % 4] for i, c in enumerate(msg)))
        while True:
            m = self._recv_message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    del self.events[i]
                    return e
            self.events.append(self._recv_message())
        raise TimeoutError(method)


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="ocr-check-")
        self.proc = subprocess.Popen([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
                                      "--remote-debugging-port=0", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(200):
            if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
                break
            time.sleep(0.05)
        port = int(open(port_file).read().split("\n")[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.cdp = CDP(page["webSocketDebuggerUrl"])
        self.cdp.send("Page.enable")
        self.cdp.send("Emulation.setDeviceMetricsOverride", width=1280, height=800,
                      deviceScaleFactor=1, mobile=False)

    def shots(self, url, selector="[data-product]"):
        """Returns (element PNG or None, viewport PNG)."""
        self.cdp.events.clear()
        self.cdp.send("Page.navigate", url=url)
        self.cdp.wait_event("Page.loadEventFired")
        self.cdp.send("Runtime.evaluate", expression="document.fonts.ready", awaitPromise=True)
        expr = ("(() => { const e = document.querySelector(%s); if (!e) return null;"
                " const r = e.getBoundingClientRect();"
                " return JSON.stringify({x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height}); })()"
                % json.dumps(selector))
        r = self.cdp.send("Runtime.evaluate", expression=expr, returnByValue=True)["result"].get("value")
        element = None
        if r:
            b = json.loads(r)
            clip = {"x": b["x"], "y": b["y"], "width": b["w"], "height": b["h"], "scale": 1}
            element = base64.b64decode(self.cdp.send("Page.captureScreenshot", format="png", clip=clip,
                                                     captureBeyondViewport=True)["data"])
        page = base64.b64decode(self.cdp.send("Page.captureScreenshot", format="png")["data"])
        return element, page

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# ---------------------------------------------------------------------------
# OCR and reference extraction
# ---------------------------------------------------------------------------

def ocr_tsv(png_path, psm, langs):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    out = subprocess.run(["tesseract", png_path, "stdout", "-l", langs, "--psm", str(psm), "tsv"],
                         capture_output=True, text=True, env=env, check=True).stdout
    lines = {}
    for row in out.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        key = (int(f[2]), int(f[3]), int(f[4]))
        lines.setdefault(key, []).append({"text": f[11], "h": int(f[9]), "conf": float(f[10])})
    return [lines[k] for k in sorted(lines)]


ARTICLE_RE = re.compile(r"A\s?R\s?T\s?[-–—_.]?\s?([0-9OoIlSB]{5})(?![0-9])")
CONFUSIONS = str.maketrans("OoIlSB", "001158")
PRICE_RE = re.compile(
    r"(?:(?P<pre>€|EUR)\s?)?(?P<num>\d{1,3}(?:[.,\s]\d{3})*[.,]\s?\d{2}|\d+[.,]\s?\d{2})(?:\s?(?P<post>€|EUR))?")


def parse_amount(text):
    t = re.sub(r"\s", "", text)
    m = re.match(r"^(.*)[.,](\d{2})$", t)
    whole = re.sub(r"[.,]", "", m.group(1))
    return Decimal(f"{int(whole)}.{m.group(2)}")


def extract(lines):
    text = "\n".join(" ".join(w["text"] for w in ln) for ln in lines)
    articles = [m.group(1) for m in ARTICLE_RE.finditer(text)]
    exact = [a for a in articles if a.isdigit()]
    article = ("ART-" + exact[0]) if exact else (("ART-" + articles[0].translate(CONFUSIONS)) if articles else None)
    best = None
    for ln in lines:
        joined, spans, pos = "", [], 0
        for w in ln:
            if joined:
                joined += " "
                pos += 1
            spans.append((pos, pos + len(w["text"]), w))
            joined += w["text"]
            pos += len(w["text"])
        for m in PRICE_RE.finditer(joined):
            if not (m.group("pre") or m.group("post")):
                continue
            h = max((w["h"] for a, b, w in spans if a < m.end("num") and b > m.start("num")), default=0)
            value = parse_amount(m.group("num"))
            if best is None or h > best[0]:
                best = (h, value, m.group(0))
    return text, article, (best[1] if best else None), (best[2] if best else None)


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="http://127.0.0.1:8070", help="where the shop is served")
    ap.add_argument("--expected", default=os.path.join(HERE, "expected.json"))
    ap.add_argument("--psm", type=int, default=3)
    ap.add_argument("--langs", default="eng+deu")
    ap.add_argument("--page", action="store_true", help="also check the 1280x800 viewport screenshot")
    ap.add_argument("--only", help="comma-separated slugs or templates to check")
    ap.add_argument("--save", help="keep the screenshots (and OCR text) in this directory")
    ap.add_argument("--verbose", action="store_true", help="print the OCR text of failures")
    ap.add_argument("--min-rate", type=float, default=95.0)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = ap.parse_args()

    expected = json.load(open(args.expected, encoding="utf-8"))
    products = expected["products"]
    if args.only:
        keep = set(args.only.split(","))
        products = [p for p in products if p["slug"] in keep or p["template"] in keep]
    workdir = args.save or tempfile.mkdtemp(prefix="ocr-shots-")
    os.makedirs(workdir, exist_ok=True)

    browser = Browser(args.chromium)
    jobs = []
    try:
        for p in products:
            element, page = browser.shots(args.base.rstrip("/") + p["path"])
            if element is None:
                print(f"{p['slug']}: no [data-product] element", file=sys.stderr)
                sys.exit(2)
            kinds = [("element", element)] + ([("page", page)] if args.page else [])
            for kind, png in kinds:
                path = os.path.join(workdir, f"{p['slug']}{'' if kind == 'element' else '.page'}.png")
                with open(path, "wb") as f:
                    f.write(png)
                jobs.append((p, kind, path))
    finally:
        browser.close()

    def run(job):
        p, kind, path = job
        t0 = time.time()
        text, article, price, raw = extract(ocr_tsv(path, args.psm, args.langs))
        if args.save:
            with open(path[:-4] + ".txt", "w", encoding="utf-8") as f:
                f.write(text + "\n")
        return p, kind, text, article, price, raw, time.time() - t0

    workers = max(1, min(4, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(run, jobs))

    stats = {}
    print(f"{'product':44} {'template':9} {'kind':7} {'article':10} {'price read':>12} {'expected':>10}  ok")
    for p, kind, text, article, price, raw, secs in results:
        want = Decimal(str(p["price"]))
        a_ok, p_ok = article == p["article"], price == want
        s = stats.setdefault(kind, {"n": 0, "article": 0, "price": 0, "both": 0, "tpl": {}})
        s["n"] += 1
        s["article"] += a_ok
        s["price"] += p_ok
        s["both"] += a_ok and p_ok
        t = s["tpl"].setdefault(p["template"], [0, 0])
        t[0] += 1
        t[1] += a_ok and p_ok
        mark = "ok" if a_ok and p_ok else ("ARTICLE" if not a_ok else "") + (" PRICE" if not p_ok else "")
        print(f"{p['slug'][:44]:44} {p['template']:9} {kind:7} {str(article):10} "
              f"{str(price):>12} {str(want):>10}  {mark}")
        if args.verbose and not (a_ok and p_ok):
            print("    | " + text.replace("\n", "\n    | "))
    failed = False
    for kind, s in stats.items():
        n = s["n"]
        rate = 100.0 * s["both"] / n
        print(f"\n{kind} screenshots: {n} products, article {s['article']}/{n}, price {s['price']}/{n}, "
              f"both {s['both']}/{n} ({rate:.1f} %)")
        for t, (tn, tok) in sorted(s["tpl"].items()):
            print(f"  {t:10} {tok}/{tn}")
        if kind == "element" and rate < args.min_rate:
            failed = True
    if not args.save:
        shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
