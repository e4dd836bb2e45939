#!/usr/bin/env python3
"""Generate the Stagewire market shop ("Nordhafen Markt"), its price list and the expected outcome.

The second test shop, built to differ from the demo shop (deploy/demo-shop/) the way real shops
differ from each other: no product-link classes, no rel=next, products found through a sitemap,
a listing that loads by infinite scroll, a cookie banner over the page, lazy images, three
languages, machine-readable evidence on some pages only (one of it stale), article numbers in
many shapes and prices written the way shops write them. See docs/market-shop.md.

One product table (PRODUCTS below) drives everything this script writes:

  site/               the static shop (landing page, listing + JSON pages, product pages, sitemaps)
  price-list.xlsx     the matching price list (with planted cases)
  expected.json       what a correct pipeline run on the shop must report

Python 3 standard library only; the xlsx writer, slugs, EAN check and tree comparison are
imported from deploy/demo-shop/generate.py. The output is deterministic: the same script
produces byte-identical files on every run.

Usage:
  python3 deploy/market-shop/generate.py              # (re)write the files next to this script
  python3 deploy/market-shop/generate.py --check      # exit 1 if the committed files are stale
  python3 deploy/market-shop/generate.py --out DIR    # write into DIR instead
  python3 deploy/market-shop/generate.py --list       # print the product table (Markdown)
  python3 deploy/market-shop/generate.py --base-url http://localhost:9000   # another host for
                                                      # sitemaps, robots.txt and canonical URLs
"""

import argparse
import hashlib
import html
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from decimal import Decimal, ROUND_HALF_UP
from xml.sax.saxutils import escape as xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))


def _load_demo():
    path = os.path.join(HERE, os.pardir, "demo-shop", "generate.py")
    spec = importlib.util.spec_from_file_location("stagewire_demo_shop_generate", os.path.normpath(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


demo = _load_demo()

SHOP_NAME = "Nordhafen Markt"
BASE_URL = "http://localhost:8071"  # where ./stagewire serves it; --base-url changes it
PER_PAGE = 12
LIST_CURRENCY = "EUR"
TEMPLATES = ("boutique", "dark", "discounter")
LASTMOD = "2025-01-01"

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space (French / ISO thousands separator)

# ---------------------------------------------------------------------------
# The product table.
#
# Three page templates, 12 products each; they rotate through the listing (boutique, dark,
# discounter, boutique, ...). Fields:
#
#   lang      language of the product content: de, en, fr (header, footer and banner stay German)
#   article   article number as the page shows it (formats vary on purpose)
#   label     the article-number label on the page
#   price     the selling price in the page's currency
#   fmt       how the price is written (see format_money):
#               de          12,99 €      1.189,00 €
#               fr          6,90 €       (narrow no-break space for thousands)
#               eur_pre     € 1 249,00   (narrow no-break space thousands)
#               eur_pre_nb  € 1 099,00   (no-break space thousands)
#               eur_en      €119.00
#               usd         $12.99
#               chf         CHF 24.90    CHF 1'249.00
#               dash        EUR 64,-     (whole euros)
#               sup         7⁴⁹ €        (cents in <sup>)
#               split       <span class=int>12</span><span class=dec>,99</span> €
#   prev      (old price, style): uvp | statt | del | was | aulieu | statt_box  -> previousPrice
#   prefix    from-word before the price: ab | from | à partir de  -> pricePrefix
#   unit      (quantity in base units, base label, style) -> a unit price that is NOT the price;
#             style eq "1 kg = 4,99 €", slash "4,99 €/kg", paren "(12,45 € / 1 l)"
#   ship      shipping text shown near the price (another, smaller price), else None
#   ean       True: a valid EAN-13 is shown on the page (and is in the list unless missing)
#   evidence  json-ld | microdata | meta | None: what the page states in machine-readable form
#   stated    the price the machine-readable markup states when it differs from the page (stale feed)
#   status    matched | price-differs | tolerant | missing | ambiguous
#   list_article  the list's article number when it differs from the page's (tolerant)
#   list_price    the list price when it differs from the page's (price-differs, CHF/USD products)
# ---------------------------------------------------------------------------


def P(tpl, lang, article, label, name, price, fmt, icon, desc, prev=None, prefix=None, unit=None,
      ship=None, ean=False, evidence=None, stated=None, status="matched", list_article=None,
      list_price=None, gtin_in_markup=True, number_in_markup=False, variants=(), bullets=()):
    return dict(template=tpl, lang=lang, article=article, label=label, name=name,
                price=Decimal(price), fmt=fmt, icon=icon, desc=desc,
                prev=(Decimal(prev[0]), prev[1]) if prev else None, prefix=prefix,
                unit=(Decimal(unit[0]), unit[1], unit[2]) if unit else None, ship=ship, ean=ean,
                evidence=evidence, stated=Decimal(stated) if stated else None, status=status,
                list_article=list_article, list_price=Decimal(list_price) if list_price else None,
                gtin_in_markup=gtin_in_markup, number_in_markup=number_in_markup,
                variants=tuple(variants), bullets=tuple(bullets))


BOUTIQUE = [
    P("boutique", "de", "NH-40817", "Art.-Nr.", "Leinen-Geschirrtuch, 3er-Set", "19.90", "de", "towel",
      "Schwere Halbleinen-Tücher mit Aufhänger, vorgewaschen und fusselfrei. Farbe Sand, 50 x 70 cm.",
      ship="zzgl. Versand ab 4,95 €", evidence="json-ld", status="tolerant", list_article="NH40817"),
    P("boutique", "de", "HX20931", "Artikelnummer", "Olivenöl Kreta nativ extra, 0,75 l", "12.99", "split",
      "bottle", "Kaltgepresst aus Koroneiki-Oliven der Region Chania, fruchtig mit leichter Schärfe.",
      unit=("0.75", "1 l", "paren"), ean=True, evidence="json-ld", stated="11.99"),
    P("boutique", "fr", "30-4471", "Réf.", "Confiture d’abricot artisanale, 370 g", "6.90", "fr", "jar",
      "Abricots du Roussillon cuits au chaudron de cuivre, 65 % de fruits.",
      unit=("0.37", "1 kg", "slash"), ean=True, evidence="microdata"),
    P("boutique", "de", "7731-B", "SKU", "Keramik-Teekanne „Fjord“ 1,2 l", "44.99", "de", "teapot",
      "Handglasiertes Steinzeug mit Edelstahlsieb, jede Kanne ein Einzelstück.",
      prev=("59.99", "uvp"), evidence="meta", status="price-differs", list_price="49.99"),
    P("boutique", "en", "BL-22014", "Item no.", "Hand-thrown Stoneware Mug", "14.50", "usd", "mug",
      "Wheel-thrown in a small Maine studio; each glaze comes out a little different. Three sizes.",
      prefix="from", ean=True, evidence="json-ld", list_price="13.90",
      variants=("8 oz – $14.50", "12 oz – $18.00", "16 oz – $22.00")),
    P("boutique", "de", "40-118-07", "Bestell-Nr.", "Bettwäsche Renforcé „Nordlicht“", "39.99", "de",
      "blanket", "Feinfädige Baumwolle, glatt und kühl, mit verdecktem Reißverschluss.",
      prefix="ab", variants=("135 x 200 cm – 39,99 €", "155 x 220 cm – 49,99 €", "200 x 200 cm – 64,99 €")),
    P("boutique", "de", "KM-5120-S", "Art.-Nr.", "Kupfer-Milchtopf 16 cm", "64.00", "dash", "pot",
      "Gehämmertes Kupfer, innen verzinnt, mit Messinggriff. Für Gas und Elektro.",
      evidence="json-ld", status="tolerant", list_article="KM 5120-S"),
    P("boutique", "fr", "FR 20455", "Réf.", "Savon de Marseille à l’huile d’olive, 300 g", "5.90", "fr", "soap",
      "Cuit au chaudron selon la méthode marseillaise, 72 % d’huile, sans parfum ajouté.",
      prev=("7.50", "aulieu"), unit=("3", "100 g", "slash"), ean=True),
    P("boutique", "de", "NH-41290", "Art.-Nr.", "Ohrensessel „Hallig“, Wollstoff", "1189.00", "de", "chair",
      "Massivholzgestell aus Eiche, Federkern und ein Bezug aus gewalkter Schurwolle.",
      ship="Speditionsversand 49,00 €", ean=True, evidence="microdata"),
    P("boutique", "en", "HX20877", "SKU", "Beeswax Candles, Set of 4", "16.80", "eur_en", "candle",
      "Pure beeswax from Holstein beekeepers, burning time about 8 hours each.",
      evidence="microdata", status="missing"),
    P("boutique", "de", "88-12031", "Artikelnummer", "Servierbrett Eiche mit Saftrille", "34.90", "de", "board",
      "Geöltes Eichenholz, 45 x 25 cm, auf der Rückseite glatt zum Anrichten.",
      evidence="json-ld", status="ambiguous"),
    P("boutique", "de", "CH-7310", "Art.-Nr.", "Bergkäse 12 Monate gereift, 400 g", "24.90", "chf", "cheese",
      "Rohmilchkäse aus dem Emmental, im Felsenkeller gereift. Versand aus der Schweiz.",
      unit=("0.4", "1 kg", "eq"), ean=True, evidence="meta", list_price="25.90"),
]

DARK = [
    P("dark", "en", "HX31408", "Item no.", "USB-C Cable Braided, 2 m", "12.99", "usd", "cable",
      "Nylon-braided, 100 W power delivery and 10 Gbit/s data, tested for 20,000 bends.",
      ean=True, evidence="json-ld", number_in_markup=True, list_price="11.90"),
    P("dark", "de", "NH-52006", "Art.-Nr.", "Funk-Wetterstation mit Außensensor", "97.26", "de", "monitor",
      "Farbdisplay mit Wettertrend, Innen- und Außentemperatur, Luftfeuchte und Mondphase.",
      prev=("121.58", "statt"), ean=True, evidence="json-ld", stated="121.58"),
    P("dark", "en", "TR-0093-X", "Item no.", "Noise-Cancelling Headphones ANC 700", "249.00", "eur_en",
      "headphones", "Adaptive noise cancelling, 30 hours of playtime and a fold-flat travel case.",
      ean=True, evidence="microdata", status="price-differs", list_price="229.00"),
    P("dark", "de", "82 19 440", "Artikelnummer", "Siebträger-Espressomaschine Dualboiler", "1249.00",
      "eur_pre", "mokapot", "Zwei Edelstahlkessel, PID-Regelung und eine Rotationspumpe, die man nicht hört.",
      ship="Versand ab 4,95 €", evidence="meta"),
    P("dark", "en", "HX31522", "SKU", "Trail Running Headlamp 400 lm", "34.95", "eur_en", "lamp",
      "Rechargeable, 400 lumens, red light mode and a reflective headband.",
      prev=("44.95", "was"), evidence="json-ld", status="missing"),
    P("dark", "de", "CH-8821", "Art.-Nr.", "Outdoor-Powerstation 1000 Wh", "1249.00", "chf", "charger",
      "LiFePO4-Akku mit 3000 Zyklen, vier Steckdosen, USB-C 100 W. Versand aus der Schweiz.",
      ean=True, evidence="microdata", list_price="1299.00"),
    P("dark", "fr", "30-4502", "Réf.", "Enceinte Bluetooth étanche", "79.00", "fr", "speaker",
      "Son à 360°, étanche IP67, 15 heures d’autonomie et une sangle en silicone.",
      ship="Livraison à partir de 4,95 €", ean=True),
    P("dark", "de", "NH-52117", "SKU", "Smartwatch Sport GPS", "149.00", "de", "plug",
      "GPS mit Kartenansicht, Pulsmessung am Handgelenk und sieben Tage Akkulaufzeit.",
      prev=("179.00", "del"), evidence="json-ld"),
    P("dark", "en", "HX31600", "Item no.", "Mechanical Keyboard 75%", "119.00", "eur_en", "keyboard",
      "Gasket-mounted aluminium case, hot-swap sockets and PBT keycaps.",
      ship="Shipping from €4.95"),
    P("dark", "de", "77-30418", "Bestell-Nr.", "Gaming-Maus kabellos", "89.99", "split", "mouse",
      "26.000 dpi Sensor, 63 g leicht, bis zu 70 Stunden Akkulaufzeit.",
      ean=True, evidence="microdata"),
    P("dark", "en", "BL-23090", "SKU", "Portable SSD 1 TB", "94.90", "eur_en", "box",
      "Up to 1,050 MB/s over USB-C, drop-proof rubber shell and a 5-year warranty."),
    P("dark", "de", "NH-52290", "Art.-Nr.", "Action-Cam 4K mit Unterwassergehäuse", "249.00", "dash", "camera",
      "4K bei 60 Bildern, Bildstabilisierung und ein Gehäuse, das bis 40 m dicht ist.",
      evidence="meta"),
]

DISCOUNTER = [
    P("discounter", "de", "88-40215", "Art.-Nr.", "Kaffeebohnen Crema, 500 g", "7.49", "sup", "bag",
      "Mild geröstet, ganze Bohne, für Vollautomaten und Siebträger.",
      unit=("0.5", "1 kg", "eq"), ean=True, evidence="json-ld", gtin_in_markup=False,
      bullets=("100 % Arabica", "Röstgrad 2 von 5", "Aromaschutzventil")),
    P("discounter", "de", "4711023", "Artikelnummer", "Waschmittel Color, 40 WL", "9.99", "sup", "can",
      "Für bunte Wäsche von 20 bis 60 °C, mit Farbschutz.",
      prev=("12.49", "statt_box"), unit=("40", "1 WL", "eq"), ean=True,
      bullets=("40 Waschladungen", "ab 20 °C wirksam", "2,2 l Flasche")),
    P("discounter", "de", "SP-1180", "SKU", "Kürbiskernöl steirisch g.g.A., 0,4 l", "4.98", "sup", "bottle",
      "Aus gerösteten Kernen gepresst, nussig und tiefgrün.",
      unit=("0.4", "1 l", "paren"), ean=True, evidence="microdata",
      bullets=("g.g.A. Steiermark", "100 % Kürbiskerne", "Glasflasche")),
    P("discounter", "de", "NH-60012", "Art.-Nr.", "Kartoffeln festkochend, 12,5 kg", "12.00", "dash", "bag",
      "Aus der Lüneburger Heide, Sorte Belana, Klasse I.",
      unit=("12.5", "1 kg", "eq"), evidence="meta",
      bullets=("Klasse I", "Herkunft Deutschland", "Sack 12,5 kg")),
    P("discounter", "en", "HX40019", "Item no.", "Microfibre Cloths, 10-pack", "4.99", "eur_en", "towel",
      "Lint-free cloths for glass, kitchen and car, machine-washable at 60 °C.",
      ean=True, evidence="json-ld", number_in_markup=True, status="price-differs", list_price="5.49",
      bullets=("10 cloths, 30 x 30 cm", "4 colours", "washable at 60 °C")),
    P("discounter", "de", "88-40233", "Bestell-Nr.", "Grillkohle Buche, 10 kg", "9.99", "de", "bag",
      "Große Stücke aus Buchenholz, lange Glut, FSC-zertifiziert.",
      unit=("10", "1 kg", "eq"), ship="Versand ab 4,95 €",
      bullets=("10 kg Sack", "Buchenholz", "FSC 100 %")),
    P("discounter", "fr", "30-4610", "Réf.", "Lessive liquide, 2 l", "7.90", "fr", "can",
      "Pour le blanc et la couleur, efficace dès 20 °C, flacon recyclé.",
      prefix="à partir de", unit=("2", "1 l", "slash"), ean=True, evidence="microdata",
      variants=("2 l – 7,90 €", "4 l – 14,90 €"),
      bullets=("40 lavages", "dès 20 °C", "flacon 100 % recyclé")),
    P("discounter", "de", "CH-9045", "Art.-Nr.", "Schweizer Schokolade Edelbitter, 5 x 100 g", "8.50", "chf",
      "box", "72 % Kakao, aus der Schweiz, Vorratspack mit fünf Tafeln.",
      unit=("5", "100 g", "eq"), ean=True, evidence="json-ld", list_price="8.90",
      bullets=("72 % Kakao", "5 Tafeln à 100 g", "Versand aus der Schweiz")),
    P("discounter", "de", "NH-60148", "SKU", "Spülmaschinen-Tabs All-in-1, 60 Stück", "12.99", "de", "box",
      "Mit Klarspüler und Salzfunktion, in wasserlöslicher Folie.",
      unit=("60", "1 Stück", "eq"), bullets=("60 Tabs", "phosphatfrei", "wasserlösliche Folie")),
    P("discounter", "de", "88-40377", "Artikelnummer", "Emmentaler am Stück, 750 g", "3.74", "de", "cheese",
      "Mild-nussig, mindestens 3 Monate gereift, 45 % Fett i. Tr.",
      unit=("0.75", "1 kg", "slash"), evidence="microdata",
      bullets=("750 g am Stück", "45 % Fett i. Tr.", "gekühlt lagern")),
    P("discounter", "de", "KM-7702-B", "Art.-Nr.", "Waschtrockner 9/6 kg", "1099.00", "eur_pre_nb", "washer",
      "Waschen und Trocknen in einem Gerät, 1400 Touren, Dampfprogramm.",
      ship="Lieferung frei Bordsteinkante 39,00 €",
      bullets=("9 kg waschen / 6 kg trocknen", "1400 U/min", "Energieklasse D")),
    P("discounter", "de", "HX40231", "Art.-Nr.", "Blumenerde torffrei, 40 l", "5.49", "de", "plant",
      "Mit Kompost und Holzfasern, für Balkon und Kübel.",
      unit=("40", "1 l", "paren"), evidence="meta",
      bullets=("40 l Sack", "torffrei", "mit Langzeitdünger")),
]

PRODUCTS = [p for row in zip(BOUTIQUE, DARK, DISCOUNTER) for p in row]

# Rows the price list has although the shop does not show them: a range bigger than the web shop,
# and the near-twin of the ambiguous product's article number (a different product).
EXTRA_LIST_ROWS = [
    ("88-12037", "Kabeltrommel 25 m, 3-fach", Decimal("39.90"), None),  # one character from 88-12031
    ("NH-39001", "Geschenkgutschein 25 €", Decimal("25.00"), None),
    ("HX10555", "Thermobecher 0,4 l", Decimal("14.99"), True),  # True: with an EAN
    ("77-31999", "Mauspad XXL", Decimal("12.99"), None),
]
AMBIGUOUS_TWIN = "88-12037"

CURRENCY = {"usd": "USD", "chf": "CHF"}  # every other format is EUR

# ---------------------------------------------------------------------------
# Helpers: money, EAN, article keys
# ---------------------------------------------------------------------------

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def parts(value):
    q = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, cents = divmod(int(q * 100), 100)
    return whole, cents


def format_money(value, fmt):
    """The amount as the shop writes it, as text (with the real no-break / narrow spaces)."""
    whole, cents = parts(value)
    if fmt in ("de", "split"):
        return f"{demo.group(whole, '.')},{cents:02d}{NBSP}€"
    if fmt == "sup":
        return f"{demo.group(whole, '.')}{f'{cents:02d}'.translate(SUPERSCRIPT)}{NBSP}€"
    if fmt == "fr":
        return f"{demo.group(whole, NNBSP)},{cents:02d}{NBSP}€"
    if fmt == "eur_pre":
        return f"€{NBSP}{demo.group(whole, NNBSP)},{cents:02d}"
    if fmt == "eur_pre_nb":
        return f"€{NBSP}{demo.group(whole, NBSP)},{cents:02d}"
    if fmt == "eur_en":
        return f"€{demo.group(whole, ',')}.{cents:02d}"
    if fmt == "usd":
        return f"${demo.group(whole, ',')}.{cents:02d}"
    if fmt == "chf":
        return f"CHF{NBSP}{demo.group(whole, chr(39))}.{cents:02d}"
    if fmt == "dash":
        assert cents == 0, "a ',-' price has no cents"
        return f"EUR{NBSP}{demo.group(whole, '.')},-"
    raise ValueError(fmt)


def html_text(text):
    return (html.escape(text, quote=False).replace(NBSP, "&nbsp;").replace(NNBSP, "&#8239;"))


def money_html(value, fmt):
    """The amount as HTML (sup and split formats have markup inside the amount)."""
    whole, cents = parts(value)
    if fmt == "sup":
        return f'{demo.group(whole, ".")}<sup>{cents:02d}</sup>&nbsp;€'
    if fmt == "split":
        return f'<span class="int">{demo.group(whole, ".")}</span><span class="dec">,{cents:02d}</span>&nbsp;€'
    return html_text(format_money(value, fmt))


def secondary_fmt(fmt):
    """Format for the other prices on a page (old, unit): sup and split pages write them plainly."""
    return "de" if fmt in ("sup", "split", "dash") else fmt


def ean13(seed, prefix):
    n = int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16)
    body = prefix + f"{n % 10 ** (12 - len(prefix)):0{12 - len(prefix)}d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    code = body + str((10 - total % 10) % 10)
    assert demo.ean_valid(code), code
    return code


EAN_PREFIX = {("EUR", "de"): "4260", ("EUR", "en"): "5060", ("EUR", "fr"): "3760",
              ("CHF", "de"): "7612", ("USD", "en"): "0085"}


def fold(article):
    """The price-list matcher's look-alike key (docs/label-worker.md, Tolerant)."""
    table = {"O": "0", "o": "0", "D": "0", "d": "0", "Q": "0", "q": "0", "I": "1", "i": "1", "l": "1",
             "S": "5", "s": "5", "B": "8", "b": "8", "Z": "2", "z": "2", "G": "6", "g": "6",
             "T": "7", "t": "7", "F": "7", "f": "7"}
    return "".join(table.get(c, c.upper()) for c in article if c.isalnum())


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def plain(text):
    return text.replace(NBSP, " ").replace(NNBSP, " ")


def dec(value):
    return None if value is None else format(value.quantize(Decimal("0.01")), "f")


# ---------------------------------------------------------------------------
# Derived data
# ---------------------------------------------------------------------------


def unit_text(p):
    if not p["unit"]:
        return None
    qty, base, style = p["unit"]  # the pack holds qty times base ("1 kg", "100 g", "1 WL")
    per = (p["price"] / qty).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    amount = format_money(per, secondary_fmt(p["fmt"]))
    if style == "eq":
        return f"{base} = {amount}"
    if style == "slash":
        return f"{amount}/{base[2:]}" if base.startswith("1 ") else f"{amount} / {base}"
    if style == "paren":
        return f"({amount} / {base})"
    raise ValueError(style)


def enrich(products, base_url):
    seen = set()
    ids = set()
    out = []
    for i, p in enumerate(products):
        p = dict(p)
        a = p["article"]
        assert a not in seen, a
        assert len(a) <= 12 and all(c.isupper() or c.isdigit() or c in "- " for c in a), a
        assert p["status"] in ("matched", "price-differs", "tolerant", "missing", "ambiguous")
        assert p["prev"] is None or p["prev"][0] > p["price"], a
        seen.add(a)
        p["index"] = i
        p["page"] = i // PER_PAGE + 1
        p["currency"] = CURRENCY.get(p["fmt"], "EUR")
        pid = 10000 + int(hashlib.sha256(("nordhafen:" + a).encode()).hexdigest()[:8], 16) % 90000
        assert pid not in ids and str(pid) not in a.replace("-", "").replace(" ", ""), a
        ids.add(pid)
        p["id"] = pid
        p["slug"] = demo.slugify(p["name"])
        p["path"] = f"/artikel/{p['slug']}-{pid}.html"
        p["image"] = f"/bilder/{p['slug']}-{pid}.svg"
        p["url"] = base_url + p["path"]
        p["ean_code"] = ean13(a, EAN_PREFIX[(p["currency"], p["lang"])]) if p["ean"] else None
        p["price_text"] = format_money(p["price"], p["fmt"])
        p["price_html"] = money_html(p["price"], p["fmt"])
        p["prev_text"] = format_money(p["prev"][0], secondary_fmt(p["fmt"])) if p["prev"] else None
        p["unit_text"] = unit_text(p)
        foreign = p["currency"] != LIST_CURRENCY
        if p["status"] in ("missing", "ambiguous"):
            assert p["list_price"] is None and p["list_article"] is None
            p["list_article_out"], p["list_price_out"], p["difference"] = None, None, None
        else:
            p["list_article_out"] = p["list_article"] or a
            if p["status"] == "tolerant":
                assert p["list_article"] and p["list_article"] != a and not p["ean"], a
            else:
                assert p["list_article"] is None
            if p["status"] == "price-differs":
                assert not foreign and p["list_price"] and p["list_price"] != p["price"]
            elif foreign:
                assert p["status"] == "matched" and p["list_price"], a
            else:
                assert p["list_price"] is None, a
            p["list_price_out"] = p["list_price"] or p["price"]
            p["difference"] = None if foreign else p["price"] - p["list_price_out"]
        if p["evidence"]:
            p["evidence_price"] = p["stated"] if p["stated"] is not None else p["price"]
        else:
            assert p["stated"] is None
            p["evidence_price"] = None
        p["evidence_disagrees"] = p["stated"] is not None and p["stated"] != p["price"]
        p["hard_cases"] = hard_cases(p)
        out.append(p)
    check_list(out)
    return out


def list_rows(products):
    rows = [(p["list_article_out"], p["name"], p["list_price_out"], p["ean_code"])
            for p in products if p["status"] not in ("missing", "ambiguous")]
    extra = [(a, n, price, ean13(a, "4260") if ean else None) for a, n, price, ean in EXTRA_LIST_ROWS]
    return sorted(rows + extra)


def check_list(products):
    """The planted cases must be what they claim to be under the matcher's rules."""
    rows = list_rows(products)
    keys = [fold(r[0]) for r in rows]
    assert len(set(keys)) == len(keys), "two list rows fold alike"
    exact = {r[0] for r in rows}
    eans = {r[3] for r in rows if r[3]}
    for p in products:
        a, k, st = p["article"], fold(p["article"]), p["status"]
        near = [r for r in rows if 0 < levenshtein(fold(r[0]), k) <= 1]
        if st in ("matched", "price-differs"):
            assert a in exact, a
        elif st == "tolerant":
            assert a not in exact and sum(1 for x in keys if x == k) == 1, a
        elif st == "missing":
            assert a not in exact and k not in keys and not near, (a, near)
            assert p["ean_code"] not in eans
        elif st == "ambiguous":
            assert a not in exact and k not in keys and not p["ean"], a
            assert [r[0] for r in near] == [AMBIGUOUS_TWIN], (a, near)
            twin = near[0]
            assert twin[2] != p["price"] and not set(twin[1].lower().split()) & set(p["name"].lower().split())
    for extra in EXTRA_LIST_ROWS:
        assert all(levenshtein(fold(extra[0]), fold(p["article"])) >= 2 or extra[0] == AMBIGUOUS_TWIN
                   for p in products), extra


ARTICLE_LABELS_THE_OCR_KNOWS = ("Art.-Nr.", "Artikelnummer", "Item no.", "SKU")


def hard_cases(p):
    c = []
    fmt = p["fmt"]
    c.append({"de": "German page", "en": "English page", "fr": "French page"}[p["lang"]])
    c.append({"boutique": "serif headings on a light, cream page",
              "dark": "light text on a dark background",
              "discounter": "condensed font, bold red price on yellow, dense layout"}[p["template"]])
    c.append({
        "de": f"price written '{plain(p['price_text'])}'",
        "fr": f"price written '{plain(p['price_text'])}' (French spacing)",
        "eur_pre": "'€ 1 249,00': euro sign first, narrow no-break space between thousands",
        "eur_pre_nb": "'€ 1 099,00': euro sign first, no-break space between thousands",
        "eur_en": "'€119.00': decimal point, euro sign first",
        "usd": "US dollars with '$'", "chf": "Swiss francs 'CHF 24.90'",
        "dash": "whole-euro price 'EUR 64,-' (= 64.00)",
        "sup": "cents raised in <sup> ('7⁴⁹ €')",
        "split": "price split across elements (<span class=int>/<span class=dec>)"}[fmt])
    if p["price"] >= 1000:
        c.append("thousands separator")
    if "'" in p["price_text"]:
        c.append("apostrophe as thousands separator")
    if p["currency"] != LIST_CURRENCY:
        c.append(f"page in {p['currency']}, list in EUR: matched, but no price difference can be computed")
    if p["prev"]:
        c.append({"uvp": "'UVP 59,99 €' (recommended price) below the price",
                  "statt": "'statt 121,58 € jetzt 97,26 €' on one line, old price struck through",
                  "del": "struck-through old price (<del>) before the price, no word: OCR cannot tell it is old",
                  "was": "'Was €44.95' struck through above the price",
                  "aulieu": "'au lieu de 7,50 €' (French, not in the OCR's old-price words)",
                  "statt_box": "'statt 12,49 €' struck through above a raised-cents price"}[p["prev"][1]])
    if p["prefix"]:
        c.append(f"from-price: '{p['prefix']}' before the price")
    if p["variants"]:
        c.append("variant selector with other prices")
    if p["unit_text"]:
        c.append(f"unit price that is not the price: '{p['unit_text'].replace(NBSP, ' ')}'")
    if p["ship"]:
        c.append(f"shipping cost near the price: '{p['ship']}'")
    if p["label"] not in ARTICLE_LABELS_THE_OCR_KNOWS:
        c.append(f"article-number label '{p['label']}'")
    a = p["article"]
    if not any(ch.isalpha() for ch in a):
        c.append("article number of digits only")
    if " " in a:
        c.append("article number with spaces")
    if a.count("-") >= 2 or (a[-1].isalpha() and any(ch.isdigit() for ch in a)):
        c.append("article number with a letter suffix or several groups")
    if "-" not in a and " " not in a and any(ch.isalpha() for ch in a):
        c.append("article number without a separator")
    if p["ean_code"]:
        c.append("EAN-13 labelled " + ("GTIN" if p["lang"] == "en" else "EAN"))
    ev = p["evidence"]
    if ev:
        c.append({"json-ld": "schema.org Product in JSON-LD", "microdata": "schema.org Product in microdata",
                  "meta": "OpenGraph product:price meta tags only"}[ev])
    else:
        c.append("no machine-readable product data")
    if p["evidence_disagrees"]:
        c.append(f"JSON-LD states {dec(p['stated'])}, the page shows {dec(p['price'])} (stale feed): report a disagreement")
    if p["status"] == "tolerant":
        c.append(f"the list writes the article number '{p['list_article']}'")
    if p["status"] == "missing":
        c.append("not in the price list: review, never a label")
    if p["status"] == "ambiguous":
        c.append(f"not in the list, but '{AMBIGUOUS_TWIN}' (another product, another price) is one character away: review")
    if any(ch in p["name"] for ch in "äöüßÄÖÜ„“’éèàç"):
        c.append("umlauts, accents or typographic quotes in the name")
    return c


# ---------------------------------------------------------------------------
# Pictures (SVG, no text)
# ---------------------------------------------------------------------------

def local_icon(icon, fg):
    dark = "#2b2b2b"
    return {
        "towel": f'<rect x="50" y="70" width="140" height="40" rx="6" fill="{fg}"/>'
                 f'<rect x="50" y="112" width="140" height="40" rx="6" fill="{fg}" opacity="0.8"/>'
                 f'<rect x="50" y="154" width="140" height="40" rx="6" fill="{fg}" opacity="0.6"/>'
                 f'<rect x="50" y="86" width="140" height="5" fill="{dark}" opacity="0.5"/>',
        "jar": f'<rect x="78" y="62" width="84" height="24" rx="4" fill="{dark}"/>'
               f'<rect x="70" y="86" width="100" height="120" rx="18" fill="{fg}"/>'
               f'<rect x="88" y="120" width="64" height="44" rx="4" fill="#fff" opacity="0.85"/>',
        "mug": f'<rect x="65" y="80" width="100" height="120" rx="14" fill="{fg}"/>'
               f'<path d="M165 105 Q205 110 198 145 Q192 175 165 172" stroke="{fg}" stroke-width="14" fill="none"/>'
               f'<ellipse cx="115" cy="82" rx="50" ry="9" fill="{dark}"/>',
        "blanket": f'<path d="M40 70 H200 V185 Q150 205 120 185 Q90 165 40 185 Z" fill="{fg}"/>'
                   + "".join(f'<rect x="40" y="{88 + k * 24}" width="160" height="6" fill="#fff" opacity="0.5"/>'
                             for k in range(4)),
        "candle": "".join(f'<rect x="{52 + k * 36}" y="{90 + (k % 2) * 20}" width="28" height="{110 - (k % 2) * 20}" rx="4" fill="{fg}"/>'
                          f'<path d="M{66 + k * 36} {72 + (k % 2) * 20} Q{58 + k * 36} {84 + (k % 2) * 20} {66 + k * 36} {88 + (k % 2) * 20} Q{74 + k * 36} {84 + (k % 2) * 20} {66 + k * 36} {72 + (k % 2) * 20} Z" fill="#e0a526"/>'
                          for k in range(4)),
        "cheese": f'<polygon points="40,170 200,170 200,120 40,150" fill="{fg}"/>'
                  f'<polygon points="40,150 200,120 150,85" fill="{fg}" opacity="0.7"/>'
                  f'<circle cx="90" cy="158" r="7" fill="{dark}" opacity="0.35"/><circle cx="150" cy="150" r="10" fill="{dark}" opacity="0.35"/>',
        "soap": f'<rect x="55" y="95" width="130" height="80" rx="16" fill="{fg}"/>'
                f'<rect x="70" y="108" width="100" height="54" rx="10" fill="none" stroke="#fff" stroke-width="4" opacity="0.7"/>'
                f'<circle cx="190" cy="80" r="10" fill="{fg}" opacity="0.4"/><circle cx="200" cy="55" r="6" fill="{fg}" opacity="0.4"/>',
        "bag": f'<path d="M70 80 L170 80 L185 205 L55 205 Z" fill="{fg}"/>'
               f'<rect x="70" y="70" width="100" height="16" rx="4" fill="{dark}"/>'
               f'<circle cx="120" cy="145" r="26" fill="#fff" opacity="0.7"/>',
        "washer": f'<rect x="55" y="40" width="130" height="170" rx="10" fill="{fg}"/>'
                  f'<rect x="55" y="40" width="130" height="32" rx="10" fill="{dark}" opacity="0.6"/>'
                  f'<circle cx="120" cy="140" r="45" fill="#fff"/><circle cx="120" cy="140" r="33" fill="{dark}" opacity="0.35"/>',
    }.get(icon)


def product_svg(p):
    bg, fg = demo.PALETTE[p["id"] % len(demo.PALETTE)]
    shapes = local_icon(p["icon"], fg) or demo.icon_shapes(p["icon"], fg)
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="480" height="480">'
            f'<rect width="240" height="240" fill="{bg}"/>'
            '<circle cx="120" cy="128" r="104" fill="#ffffff" opacity="0.5"/>'
            f"{shapes}</svg>\n")


PLACEHOLDER_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">'
                   '<rect width="240" height="240" fill="#e9e6e1"/>'
                   '<circle cx="120" cy="120" r="18" fill="#d6d1ca"/></svg>\n')
FAVICON_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">'
               '<rect width="32" height="32" rx="6" fill="#0f4c5c"/>'
               '<path d="M6 22 Q16 10 26 22 Z" fill="#f2c14e"/></svg>\n')

# ---------------------------------------------------------------------------
# Texts per language
# ---------------------------------------------------------------------------

T = {
    "de": dict(tax="inkl. MwSt.", shipping="zzgl. Versandkosten", stock="Sofort lieferbar, 1–3 Werktage",
               cart="In den Warenkorb", wish="Merken", desc="Beschreibung", qty="Menge", size="Ausführung",
               ean="EAN", rating="Bewertungen", now="jetzt", was="statt", uvp="UVP", save="Sie sparen",
               deal="Angebot", new="NEU", stock_short="auf Lager", limited="Nur solange der Vorrat reicht"),
    "en": dict(tax="incl. VAT", shipping="plus shipping", stock="In stock, ships in 1–3 days",
               cart="Add to basket", wish="Save", desc="Description", qty="Qty", size="Size",
               ean="GTIN", rating="reviews", now="now", was="Was", uvp="RRP", save="You save",
               deal="Deal", new="NEW", stock_short="in stock", limited="While stocks last"),
    "fr": dict(tax="TVA incluse", shipping="hors frais de port", stock="En stock, expédié sous 1 à 3 jours",
               cart="Ajouter au panier", wish="Favori", desc="Description", qty="Quantité", size="Format",
               ean="EAN", rating="avis", now="maintenant", was="au lieu de", uvp="Prix conseillé",
               save="Économie", deal="Promo", new="NOUVEAU", stock_short="en stock",
               limited="Dans la limite des stocks disponibles"),
}

# ---------------------------------------------------------------------------
# CSS and JS (static files; no inline scripts or styles)
# ---------------------------------------------------------------------------

CSS = r"""/* Nordhafen Markt - generated by deploy/market-shop/generate.py; edit the generator, not this file. */
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; font-family: "DejaVu Sans", sans-serif; color: #23201d; background: #ffffff; line-height: 1.5; }
a { color: #0f4c5c; }
img { display: block; max-width: 100%; height: auto; }
h1, h2, h3 { line-height: 1.25; }

/* ---- chrome ---- */
.topbar { background: #0f4c5c; color: #e6f1f3; font-size: 13px; }
.topbar .in { max-width: 1200px; margin: 0 auto; padding: 5px 24px; display: flex; justify-content: space-between; }
.masthead { border-bottom: 1px solid #e3ded6; background: #ffffff; }
.masthead .in { max-width: 1200px; margin: 0 auto; padding: 12px 24px; display: flex; align-items: center; gap: 28px; }
.logo { font-family: "DejaVu Serif", serif; font-weight: bold; font-size: 24px; color: #0f4c5c; text-decoration: none; white-space: nowrap; }
.logo span { color: #c8553d; }
.search { flex: 1; display: flex; max-width: 420px; }
.search input { flex: 1; font: inherit; font-size: 14px; padding: 7px 10px; border: 1px solid #c9c2b8; border-radius: 4px 0 0 4px; }
.search button { font: inherit; font-size: 14px; padding: 7px 12px; border: 1px solid #0f4c5c; background: #0f4c5c; color: #ffffff; border-radius: 0 4px 4px 0; }
.mainnav { display: flex; gap: 18px; font-size: 15px; margin-left: auto; }
.mainnav a { color: #23201d; text-decoration: none; }
.crumbs { max-width: 1200px; margin: 0 auto; padding: 10px 24px 0; font-size: 13px; color: #6b645c; }
.crumbs a { color: #6b645c; }
.sitefoot { margin-top: 48px; background: #23201d; color: #d8d2c8; font-size: 13px; }
.sitefoot .in { max-width: 1200px; margin: 0 auto; padding: 24px; display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; }
.sitefoot a { color: #d8d2c8; }
.sitefoot h2 { font-size: 15px; color: #ffffff; margin: 0 0 6px; }
.sitefoot ul { list-style: none; margin: 0; padding: 0; }

/* ---- cookie banner (fixed, lower ~40 % of the viewport) ---- */
#cc-banner { position: fixed; left: 0; right: 0; bottom: 0; height: 40vh; min-height: 260px; z-index: 1000; background: #ffffff; color: #222222; border-top: 4px solid #c8553d; box-shadow: 0 -8px 28px rgba(0, 0, 0, 0.28); overflow: auto; font-family: "DejaVu Sans", sans-serif; }
#cc-banner .cc-in { max-width: 1000px; margin: 0 auto; padding: 22px 24px; }
#cc-banner h2 { font-size: 20px; margin: 0 0 8px; }
#cc-banner p { font-size: 14px; margin: 0 0 12px; color: #444444; }
#cc-banner .cc-opts { display: flex; gap: 22px; font-size: 14px; margin: 0 0 16px; }
#cc-banner .cc-btns { display: flex; gap: 14px; }
#cc-banner button { font: inherit; font-size: 16px; font-weight: bold; padding: 11px 26px; border-radius: 6px; cursor: pointer; }
#cc-banner .cc-all { background: #c8553d; color: #ffffff; border: 2px solid #c8553d; }
#cc-banner .cc-min { background: #ffffff; color: #23201d; border: 2px solid #23201d; }

/* ---- landing page ---- */
.hero { background: #e7f0ef; }
.hero .in { max-width: 1200px; margin: 0 auto; padding: 48px 24px; }
.hero h1 { font-family: "DejaVu Serif", serif; font-size: 40px; margin: 0 0 10px; color: #0f4c5c; }
.hero p { font-size: 18px; max-width: 640px; }
.cta { display: inline-block; background: #c8553d; color: #ffffff; text-decoration: none; font-weight: bold; padding: 12px 26px; border-radius: 6px; }
.section { max-width: 1200px; margin: 32px auto 0; padding: 0 24px; }
.section h2 { font-family: "DejaVu Serif", serif; font-size: 26px; }
.deals { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; }
.deal { border: 1px solid #e3ded6; border-radius: 8px; padding: 14px; }
.deal a { font-weight: bold; color: #23201d; text-decoration: none; }
.deal .deal-price { display: block; font-size: 20px; font-weight: bold; color: #c8553d; margin-top: 6px; }
.teaser { display: flex; gap: 24px; align-items: center; background: #f6efe4; border-radius: 10px; padding: 22px 26px; }
.teaser h3 { font-family: "DejaVu Serif", serif; font-size: 22px; margin: 0 0 6px; }
.posts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 18px; list-style: none; padding: 0; }
.posts li { border-top: 3px solid #0f4c5c; padding-top: 10px; }
.posts a { font-family: "DejaVu Serif", serif; font-size: 18px; color: #23201d; text-decoration: none; }
.prose { max-width: 760px; margin: 24px auto; padding: 0 24px; font-size: 16px; }
.prose h1 { font-family: "DejaVu Serif", serif; font-size: 32px; }
.login { max-width: 380px; display: grid; gap: 10px; }
.login input { font: inherit; padding: 8px; }

/* ---- listing ---- */
.shelf { max-width: 1200px; margin: 0 auto; padding: 0 24px; display: grid; grid-template-columns: 220px 1fr; gap: 28px; }
.shelf h1 { font-family: "DejaVu Serif", serif; font-size: 30px; margin: 16px 0 4px; grid-column: 1 / -1; }
.filters { font-size: 14px; }
.filters h2 { font-size: 15px; margin: 16px 0 6px; }
.filters ul { list-style: none; margin: 0; padding: 0; }
.filters li { margin: 4px 0; }
.toolbar { display: flex; justify-content: space-between; align-items: center; font-size: 14px; color: #6b645c; margin-bottom: 12px; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 18px; }
.tile { position: relative; border: 1px solid #e3ded6; border-radius: 10px; background: #ffffff; overflow: hidden; }
.tile > a { display: block; color: #23201d; text-decoration: none; padding: 0 0 12px; }
.tile img { width: 100%; aspect-ratio: 1 / 1; background: #f3f1ed; }
.tile h3 { font-size: 15px; font-weight: normal; margin: 10px 12px 6px; min-height: 40px; }
.tile-price { margin: 0 12px; font-size: 18px; font-weight: bold; }
.tile-price s { font-size: 13px; font-weight: normal; color: #6b645c; margin-left: 6px; }
.tile-prefix { font-size: 13px; font-weight: normal; }
.tile-badge { position: absolute; top: 10px; left: 10px; background: #c8553d; color: #ffffff; font-size: 13px; font-weight: bold; padding: 2px 8px; border-radius: 4px; }
.tile .merken { position: absolute; top: 8px; right: 8px; border: 0; background: #ffffff; border-radius: 50%; width: 32px; height: 32px; font-size: 16px; }
.nachladen { text-align: center; color: #6b645c; font-size: 14px; padding: 28px 0 8px; }

/* ---- product pages: shared ---- */
.pdp { max-width: 1200px; margin: 14px auto 0; padding: 0 24px; }
.pdp h1 { margin: 0; }
.pdp .tax, .pdp .ship, .pdp .unit { margin: 4px 0 0; }
.pdp .desc { max-width: 600px; }
.pdp sup { font-size: 0.5em; vertical-align: top; position: relative; top: 0.18em; margin-left: 1px; }
.pdp select, .pdp input, .pdp button { font: inherit; }
.buyrow { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 14px 0 0; }
.buyrow input { width: 64px; padding: 8px; }
.buyrow select { padding: 8px; }
.buyrow .cart { padding: 10px 22px; border: 0; border-radius: 6px; font-weight: bold; white-space: nowrap; }
.also { max-width: 1200px; margin: 40px auto 0; padding: 0 24px; }
.also h2 { font-size: 20px; }
.also ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; }
.also li { border: 1px solid #e3ded6; border-radius: 8px; padding: 12px; font-size: 14px; }
.also a { color: inherit; }

/* ---- template: boutique (light, DejaVu Serif headings) ---- */
body.t-boutique { background: #faf7f2; }
body.t-boutique .pdp { display: grid; grid-template-columns: 400px 1fr; gap: 44px; padding-top: 10px; }
body.t-boutique .gallery img { width: 400px; height: 400px; border-radius: 4px; }
body.t-boutique .brand { font-size: 13px; letter-spacing: 2px; text-transform: uppercase; color: #8a7f72; margin: 0 0 6px; }
body.t-boutique .pdp h1 { font-family: "DejaVu Serif", serif; font-size: 30px; font-weight: bold; color: #23201d; }
body.t-boutique .rating { font-size: 14px; color: #8a7f72; margin: 6px 0 0; }
body.t-boutique .price { font-family: "DejaVu Serif", serif; font-size: 34px; font-weight: bold; color: #23201d; margin: 16px 0 0; }
body.t-boutique .price del { font-size: 20px; font-weight: normal; color: #8a7f72; margin-right: 10px; }
body.t-boutique .price .prefix { font-size: 20px; font-weight: normal; }
body.t-boutique .price .dec { font-size: 0.75em; }
body.t-boutique .uvp, body.t-boutique .was { font-size: 16px; color: #6b645c; margin: 4px 0 0; }
body.t-boutique .tax, body.t-boutique .ship, body.t-boutique .unit { font-size: 14px; color: #6b645c; }
body.t-boutique .unit { font-size: 15px; color: #3d3833; }
body.t-boutique .cart { background: #23201d; color: #ffffff; }
body.t-boutique .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 18px 0 0; font-size: 17px; }
body.t-boutique .facts dt { color: #3d3833; }
body.t-boutique .facts dd { margin: 0; font-family: "DejaVu Sans Mono", monospace; color: #111111; }
body.t-boutique .desc { font-size: 15px; margin-top: 14px; }

/* ---- template: dark ---- */
body.t-dark { background: #141414; color: #e8e8e8; }
body.t-dark .masthead { background: #0b0b0b; border-bottom-color: #2a2a2a; }
body.t-dark .logo { color: #e8e8e8; }
body.t-dark .mainnav a { color: #e8e8e8; }
body.t-dark .crumbs, body.t-dark .crumbs a { color: #a0a0a0; }
body.t-dark .pdp { background: #1e1e1e; border-radius: 14px; padding: 26px 30px; display: grid; grid-template-columns: 1fr 360px; gap: 36px; }
body.t-dark .idline { font-size: 17px; color: #d6d6d6; margin: 0 0 10px; }
body.t-dark .idline .sku { font-family: "DejaVu Sans Mono", monospace; color: #ffffff; }
body.t-dark .idline .sep { color: #666666; margin: 0 10px; }
body.t-dark .pdp h1 { font-size: 32px; font-weight: bold; color: #ffffff; }
body.t-dark .price { font-size: 40px; font-weight: bold; color: #ffffff; margin: 20px 0 0; }
body.t-dark .price .was { font-size: 20px; font-weight: normal; color: #a8a8a8; }
body.t-dark .price .now-word { font-size: 20px; font-weight: normal; color: #d0d0d0; }
body.t-dark .price del { font-size: 22px; font-weight: normal; color: #a8a8a8; margin-right: 12px; }
body.t-dark .price .dec { font-size: 0.7em; }
body.t-dark .oldline { font-size: 18px; color: #b0b0b0; margin: 16px 0 0; }
body.t-dark .oldline + .price { margin-top: 4px; }
body.t-dark .uvp { font-size: 16px; color: #b0b0b0; margin: 4px 0 0; }
body.t-dark .tax, body.t-dark .ship { font-size: 14px; color: #a8a8a8; }
body.t-dark .unit { font-size: 15px; color: #cfcfcf; }
body.t-dark .gtin { font-size: 16px; color: #cfcfcf; margin: 12px 0 0; font-family: "DejaVu Sans Mono", monospace; }
body.t-dark .cart { background: #4fb3ff; color: #0b0b0b; }
body.t-dark .buyrow input, body.t-dark .buyrow select { background: #2a2a2a; color: #e8e8e8; border: 1px solid #444444; }
body.t-dark .pic img { width: 360px; height: 360px; border-radius: 10px; }
body.t-dark .desc { font-family: "DejaVu Sans Light", "DejaVu Sans", sans-serif; font-weight: 200; font-size: 16px; color: #d4d4d4; margin-top: 16px; }
body.t-dark a { color: #8cc8ff; }
body.t-dark .also li { border-color: #333333; }
body.t-dark .sitefoot { background: #0b0b0b; }

/* ---- template: discounter (dense, DejaVu Sans Condensed, red on yellow) ---- */
body.t-discounter { font-family: "DejaVu Sans Condensed", "DejaVu Sans", sans-serif; font-stretch: condensed; }
body.t-discounter .masthead { background: #d40000; border-bottom: 0; }
body.t-discounter .logo, body.t-discounter .logo span, body.t-discounter .mainnav a { color: #ffffff; }
body.t-discounter .pdp { padding-top: 4px; }
body.t-discounter .badges { display: flex; gap: 8px; margin: 0 0 6px; }
body.t-discounter .badge { font-size: 13px; font-weight: bold; padding: 2px 8px; background: #1a1a1a; color: #ffffff; }
body.t-discounter .badge.new { background: #0a7d2c; }
body.t-discounter .pdp h1 { font-size: 26px; font-weight: bold; color: #111111; }
body.t-discounter .artno { font-size: 17px; color: #1a1a1a; margin: 4px 0 10px; }
body.t-discounter .artno .v { font-weight: bold; }
body.t-discounter .artno .sep { color: #999999; margin: 0 8px; }
body.t-discounter .grid3 { display: grid; grid-template-columns: 250px 1fr 330px; gap: 22px; align-items: start; }
body.t-discounter .pic img { width: 250px; height: 250px; border: 1px solid #dddddd; }
body.t-discounter .bullets { margin: 0; padding-left: 20px; font-size: 16px; }
body.t-discounter .bullets li { margin: 2px 0; }
body.t-discounter .pricebox { background: #ffe500; padding: 14px 18px 16px; border-radius: 2px; }
body.t-discounter .pricebox .was { font-size: 17px; color: #1a1a1a; margin: 0 0 2px; }
/* The price red is dark on purpose: the discounter red of the header (#d40000), and even #a00000, on this
   yellow made Tesseract (psm 3) drop the price from the page layout altogether; #8b0000 is read. */
body.t-discounter .price { font-size: 52px; font-weight: bold; color: #8b0000; margin: 0; line-height: 1.1; letter-spacing: -0.5px; }
body.t-discounter .price .prefix { font-size: 22px; }
body.t-discounter .unit { font-size: 15px; color: #1a1a1a; }
body.t-discounter .tax, body.t-discounter .ship { font-size: 13px; color: #333333; }
body.t-discounter .limited { font-size: 13px; color: #d40000; font-weight: bold; margin: 10px 0 0; }
body.t-discounter .cart { background: #d40000; color: #ffffff; }
body.t-discounter .desc { font-size: 15px; margin-top: 12px; }
"""

JS = r"""/* Nordhafen Markt - generated by deploy/market-shop/generate.py; edit the generator, not this file.
   Cookie banner, lazy images and the listing's infinite scroll. No inline scripts: the pages load only this. */
(function () {
  'use strict';

  /* Cookie banner: either button stores the choice and removes the banner. */
  var CONSENT_KEY = 'nordhafen-consent';
  var banner = document.getElementById('cc-banner');
  if (banner) {
    var stored = null;
    try { stored = window.localStorage.getItem(CONSENT_KEY); } catch (e) { stored = null; }
    if (stored) {
      banner.remove();
    } else {
      banner.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-consent]');
        if (!button) return;
        try {
          window.localStorage.setItem(CONSENT_KEY, JSON.stringify({ choice: button.getAttribute('data-consent'), version: 3 }));
        } catch (e) { /* private mode: the banner comes back next time */ }
        banner.remove();
      });
    }
  }

  /* Lazy images: data-src becomes src when the image comes near the viewport. */
  function reveal(img) {
    var src = img.getAttribute('data-src');
    if (src) { img.setAttribute('src', src); img.removeAttribute('data-src'); }
  }
  var imageObserver = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { reveal(entry.target); imageObserver.unobserve(entry.target); }
    });
  }, { rootMargin: '200px 0px' }) : null;
  function lazy(root) {
    root.querySelectorAll('img[data-src]').forEach(function (img) {
      if (imageObserver) imageObserver.observe(img); else reveal(img);
    });
  }
  lazy(document);

  /* Infinite scroll: near the end of the list, fetch the next JSON page and append its tiles. */
  var sentinel = document.getElementById('nachladen');
  var list = document.getElementById('artikel');
  if (!sentinel || !list || !('IntersectionObserver' in window)) return;
  var loading = false;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function tile(item) {
    var article = el('article', 'tile');
    var link = el('a');
    link.href = item.url;
    var img = el('img');
    img.src = '/assets/platzhalter.svg';
    img.setAttribute('data-src', item.bild);
    img.loading = 'lazy';
    img.alt = '';
    img.width = 240;
    img.height = 240;
    link.appendChild(img);
    if (item.rabatt) link.appendChild(el('span', 'tile-badge', item.rabatt));
    link.appendChild(el('h3', null, item.name));
    var price = el('p', 'tile-price');
    if (item.praefix) { price.appendChild(el('span', 'tile-prefix', item.praefix)); price.appendChild(document.createTextNode(' ')); }
    price.appendChild(document.createTextNode(item.preis));
    if (item.alterPreis) { price.appendChild(document.createTextNode(' ')); price.appendChild(el('s', null, item.alterPreis)); }
    link.appendChild(price);
    article.appendChild(link);
    var wish = el('button', 'merken', '\u2661');
    wish.type = 'button';
    wish.setAttribute('aria-label', 'Merken');
    article.appendChild(wish);
    return article;
  }

  function loadNext() {
    var next = sentinel.getAttribute('data-next');
    if (loading || !next) return;
    loading = true;
    fetch(next, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (page) {
        page.artikel.forEach(function (item) { list.appendChild(tile(item)); });
        lazy(list);
        if (page.naechste) {
          sentinel.setAttribute('data-next', page.naechste);
        } else {
          sentinel.removeAttribute('data-next');
          sentinel.textContent = sentinel.getAttribute('data-done') || '';
        }
        loading = false;
        /* still in view (short page, tall window)? observe again, which reports the current state */
        scrollObserver.unobserve(sentinel);
        if (page.naechste) scrollObserver.observe(sentinel);
      })
      .catch(function () { loading = false; });
  }

  var scrollObserver = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) loadNext(); });
  }, { rootMargin: '0px 0px 400px 0px' });
  scrollObserver.observe(sentinel);
})();
"""

# ---------------------------------------------------------------------------
# HTML: chrome
# ---------------------------------------------------------------------------


def e(text):
    return html.escape(text, quote=True)


def head(title, base_url, path, extra="", lang="de"):
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n"
        f'<link rel="canonical" href="{e(base_url + path)}">\n'
        '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">\n'
        '<link rel="stylesheet" href="/assets/markt.css">\n'
        '<script src="/assets/markt.js" defer></script>\n'
        f'<meta property="og:site_name" content="{e(SHOP_NAME)}">\n'
        f"{extra}</head>\n")


def chrome_top(body_class):
    return (
        f'<body class="{body_class}">\n'
        '<div class="topbar"><div class="in"><span>Versandkostenfrei ab 49 € · Lieferung in 1–3 Werktagen</span>'
        '<span>Hotline 040 226 318 90 (Mo–Fr 8–18 Uhr)</span></div></div>\n'
        '<header class="masthead"><div class="in">'
        '<a class="logo" href="/">Nordhafen <span>Markt</span></a>'
        '<form class="search" action="/suche" method="get" role="search">'
        '<input type="search" name="q" placeholder="Suchen …" aria-label="Suchbegriff">'
        '<button type="submit">Suchen</button></form>'
        '<nav class="mainnav" aria-label="Hauptmenü"><a href="/sortiment/">Sortiment</a>'
        '<a href="/sortiment/?filter=angebote">Angebote</a><a href="/magazin/">Magazin</a>'
        '<a href="/konto/">Mein Konto</a><a href="/konto/warenkorb.html">Warenkorb (0)</a></nav>'
        "</div></header>\n")


def chrome_bottom():
    return (
        '<footer class="sitefoot"><div class="in">'
        f"<div><h2>{SHOP_NAME}</h2><p>Am Kai 7 · 20457 Hamburg<br>Versand ab 4,95 €, ab 49 € frei</p></div>"
        '<div><h2>Service</h2><ul><li><a href="/ueber-uns.html">Über uns</a></li>'
        '<li><a href="/impressum.html">Impressum</a></li><li><a href="/datenschutz.html">Datenschutz</a></li>'
        '<li><a href="/konto/">Mein Konto</a></li></ul></div>'
        '<div><h2>Magazin</h2><ul>'
        + "".join(f'<li><a href="/magazin/{slug}.html">{e(title)}</a></li>' for slug, title, _ in POSTS)
        + "</ul></div></div></footer>\n"
        + COOKIE_BANNER
        + "</body>\n</html>\n")


COOKIE_BANNER = (
    '<div id="cc-banner" role="dialog" aria-modal="false" aria-labelledby="cc-title" aria-describedby="cc-text">'
    '<div class="cc-in">'
    '<h2 id="cc-title">Ihre Privatsphäre ist uns wichtig</h2>'
    '<p id="cc-text">Wir und unsere 143 Partner speichern Informationen auf Ihrem Gerät und verarbeiten '
    "personenbezogene Daten, um Ihnen ein optimales Einkaufserlebnis zu bieten, Inhalte zu personalisieren "
    "und die Reichweite unserer Angebote zu messen. Ihre Auswahl können Sie jederzeit in der "
    '<a href="/datenschutz.html">Datenschutzerklärung</a> ändern.</p>'
    '<div class="cc-opts"><label><input type="checkbox" checked disabled> Notwendig</label>'
    '<label><input type="checkbox" name="statistik"> Statistik</label>'
    '<label><input type="checkbox" name="marketing"> Marketing</label></div>'
    '<div class="cc-btns"><button type="button" class="cc-all" data-consent="all">Alle akzeptieren</button>'
    '<button type="button" class="cc-min" data-consent="necessary">Nur notwendige</button></div>'
    "</div></div>\n")

POSTS = [
    ("olivenoel-richtig-lagern", "Olivenöl richtig lagern",
     "Licht und Wärme sind die Feinde des Öls. Unser Kreta-Öl für 12,99 € hält sich kühl und dunkel "
     "gelagert gut 18 Monate; angebrochene Flaschen sollten Sie innerhalb von acht Wochen verbrauchen."),
    ("leinen-pflegen", "Leinen pflegen: fünf Tipps",
     "Leinen wird mit jeder Wäsche weicher. Waschen Sie bei 40 °C, schleudern Sie mit höchstens 800 Touren "
     "und trocknen Sie die Tücher an der Luft. Unser Geschirrtuch-Set gibt es für 19,90 €."),
    ("kaffee-mahlgrad", "Der richtige Mahlgrad für jeden Kaffee",
     "Für Espresso fein wie Puderzucker, für French Press grob wie Meersalz. Die 500-g-Packung Crema "
     "kostet diese Woche 7,49 €."),
]

# ---------------------------------------------------------------------------
# HTML: product pages
# ---------------------------------------------------------------------------


def md(p, prop):
    return f' itemprop="{prop}"' if p["evidence"] == "microdata" else ""


def offer_open(p):
    if p["evidence"] != "microdata":
        return '<div class="offer">'
    return ('<div class="offer" itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
            f'<meta itemprop="price" content="{dec(p["evidence_price"])}">'
            f'<meta itemprop="priceCurrency" content="{p["currency"]}">'
            '<link itemprop="availability" href="https://schema.org/InStock">')


def amount_span(p):
    return f'<span class="amount">{p["price_html"]}</span>'


def price_paragraph(p, t):
    """The selling price, with a from-word or an inline old price where the page has one."""
    pre = f'<span class="prefix">{e(p["prefix"])}</span> ' if p["prefix"] else ""
    style = p["prev"][1] if p["prev"] else None
    old = html_text(p["prev_text"]) if p["prev"] else None
    if style == "statt":
        return (f'<p class="price"><span class="was">{t["was"]} <s>{old}</s></span> '
                f'<span class="now-word">{t["now"]}</span> {amount_span(p)}</p>\n')
    if style == "del":
        return f'<p class="price"><del>{old}</del> {amount_span(p)}</p>\n'
    return f'<p class="price">{pre}{amount_span(p)}</p>\n'


def old_above(p, t):
    """An old-price line printed above the selling price (was / statt box)."""
    if not p["prev"] or p["prev"][1] not in ("was", "statt_box"):
        return ""
    old = html_text(p["prev_text"])
    if p["prev"][1] == "was":
        return f'<p class="oldline">{t["was"]} <s>{old}</s></p>\n'
    return f'<p class="was">{t["was"]} <s>{old}</s></p>\n'


def old_below(p, t):
    """An old-price line printed below the selling price (UVP / au lieu de)."""
    if not p["prev"] or p["prev"][1] not in ("uvp", "aulieu"):
        return ""
    old = html_text(p["prev_text"])
    if p["prev"][1] == "uvp":
        return f'<p class="uvp">{t["uvp"]} {old}</p>\n'
    return f'<p class="was">{t["was"]} <s>{old}</s></p>\n'


def small_lines(p, t):
    out = ""
    if p["unit_text"]:
        out += f'<p class="unit">{html_text(p["unit_text"])}</p>\n'
    tax = f'{t["tax"]}, {t["shipping"]}' if not p["ship"] else t["tax"]
    out += f'<p class="tax">{tax}</p>\n'
    if p["ship"]:
        out += f'<p class="ship">{html_text(p["ship"])}</p>\n'
    return out


def buy_row(p, t):
    sel = ""
    if p["variants"]:
        opts = "".join(f"<option>{html_text(v)}</option>" for v in p["variants"])
        sel = f'<select name="variante" aria-label="{t["size"]}">{opts}</select>'
    return (f'<form class="buyrow" action="/konto/warenkorb.html" method="post">{sel}'
            f'<input type="number" name="menge" value="1" min="1" aria-label="{t["qty"]}">'
            f'<button type="submit" class="cart">{t["cart"]}</button></form>\n')


def img_tag(p, width, height, prop=True):
    itemprop = md(p, "image") if prop else ""
    return (f'<img src="/assets/platzhalter.svg" data-src="{p["image"]}" loading="lazy" '
            f'alt="{e(p["name"])}" width="{width}" height="{height}"{itemprop}>')


def main_open(p):
    attrs = f'class="pdp" lang="{p["lang"]}"'
    if p["evidence"] == "microdata":
        attrs += ' itemscope itemtype="https://schema.org/Product"'
    return f"<main {attrs}>\n"


def boutique_main(p, t):
    facts = [f'<dt>{e(p["label"])}</dt><dd{md(p, "sku")}>{e(p["article"])}</dd>']
    if p["ean_code"]:
        facts.append(f'<dt>{t["ean"]}</dt><dd{md(p, "gtin13")}>{p["ean_code"]}</dd>')
    stars = "★★★★☆" if p["id"] % 3 else "★★★★★"
    rating = f"{4 + p['id'] % 10 / 10:.1f}"
    if p["lang"] != "en":
        rating = rating.replace(".", ",")
    return (
        main_open(p)
        + f'<div class="gallery">{img_tag(p, 400, 400)}</div>\n'
        '<div class="buybox">\n'
        '<p class="brand">Nordhafen Manufaktur</p>\n'
        f'<h1{md(p, "name")}>{e(p["name"])}</h1>\n'
        f'<p class="rating">{stars} {rating} ({12 + p["id"] % 40} {t["rating"]})</p>\n'
        + offer_open(p) + old_above(p, t) + price_paragraph(p, t) + old_below(p, t) + small_lines(p, t)
        + "</div>\n"
        + buy_row(p, t)
        + '<dl class="facts">' + "".join(facts) + "</dl>\n"
        f'<p class="desc"{md(p, "description")}>{e(p["desc"])}</p>\n'
        "</div>\n</main>\n")


def dark_main(p, t):
    ids = f'{e(p["label"])} <span class="sku"{md(p, "sku")}>{e(p["article"])}</span>'
    gtin = (f'<p class="gtin">{t["ean"]} <span{md(p, "gtin13")}>{p["ean_code"]}</span></p>\n'
            if p["ean_code"] else "")
    return (
        main_open(p)
        + '<div class="info">\n'
        f'<p class="idline">{ids}<span class="sep">|</span>{t["stock"]}</p>\n'
        f'<h1{md(p, "name")}>{e(p["name"])}</h1>\n'
        + offer_open(p) + old_above(p, t) + price_paragraph(p, t) + old_below(p, t) + small_lines(p, t)
        + "</div>\n"
        + buy_row(p, t)
        + gtin
        + f'<p class="desc"{md(p, "description")}>{e(p["desc"])}</p>\n'
        "</div>\n"
        f'<div class="pic">{img_tag(p, 360, 360)}</div>\n'
        "</main>\n")


def discounter_main(p, t):
    badges = '<div class="badges">'
    if p["prev"]:
        pct = int(((p["prev"][0] - p["price"]) / p["prev"][0] * 100).to_integral_value(rounding=ROUND_HALF_UP))
        badges += f'<span class="badge">-{pct} %</span>'
    elif p["id"] % 2:
        badges += f'<span class="badge new">{t["new"]}</span>'
    badges += f'<span class="badge">{t["deal"]}</span></div>\n'
    art = (f'{e(p["label"])} <span class="v"{md(p, "sku")}>{e(p["article"])}</span>')
    if p["ean_code"]:
        art += f'<span class="sep">|</span>{t["ean"]} <span{md(p, "gtin13")}>{p["ean_code"]}</span>'
    bullets = "".join(f"<li>{html_text(b)}</li>" for b in p["bullets"])
    return (
        main_open(p)
        + badges
        + f'<h1{md(p, "name")}>{e(p["name"])}</h1>\n'
        f'<p class="artno">{art}</p>\n'
        '<div class="grid3">\n'
        f'<div class="pic">{img_tag(p, 250, 250)}</div>\n'
        f'<div><ul class="bullets">{bullets}</ul>\n'
        f'<p class="desc"{md(p, "description")}>{e(p["desc"])}</p></div>\n'
        '<div class="pricebox">\n'
        + offer_open(p) + old_above(p, t) + price_paragraph(p, t) + old_below(p, t) + small_lines(p, t)
        + "</div>\n"
        + buy_row(p, t)
        + f'<p class="limited">{t["limited"]}</p>\n'
        "</div>\n</div>\n</main>\n")


def json_ld(p, base_url):
    """schema.org Product as a shop's feed writes it (the stated price may be stale)."""
    price = p["evidence_price"]
    value = float(price) if p["number_in_markup"] else dec(price)
    if p["prefix"]:
        offers = {"@type": "AggregateOffer", "lowPrice": value, "priceCurrency": p["currency"],
                  "offerCount": len(p["variants"]) or 2}
    else:
        offers = {"@type": "Offer", "url": p["url"], "price": value, "priceCurrency": p["currency"],
                  "availability": "https://schema.org/InStock",
                  "itemCondition": "https://schema.org/NewCondition"}
    data = {"@context": "https://schema.org", "@type": "Product", "name": p["name"],
            "image": base_url + p["image"], "description": p["desc"], "sku": p["article"]}
    if p["ean_code"] and p["gtin_in_markup"]:
        data["gtin13"] = p["ean_code"]
    data["brand"] = {"@type": "Brand", "name": "Nordhafen"}
    data["offers"] = offers
    return script_ld(data)


def breadcrumb_ld(p, base_url):
    return script_ld({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Start", "item": base_url + "/"},
        {"@type": "ListItem", "position": 2, "name": "Sortiment", "item": base_url + "/sortiment/"},
        {"@type": "ListItem", "position": 3, "name": p["name"]}]})


def script_ld(data):
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def product_page(p, products, base_url):
    t = T[p["lang"]]
    extra = (f'<meta property="og:title" content="{e(p["name"])}">\n'
             f'<meta property="og:url" content="{e(p["url"])}">\n'
             f'<meta property="og:image" content="{e(base_url + p["image"])}">\n')
    if p["evidence"] == "meta":
        extra += ('<meta property="og:type" content="product">\n'
                  f'<meta property="product:price:amount" content="{dec(p["evidence_price"])}">\n'
                  f'<meta property="product:price:currency" content="{p["currency"]}">\n')
    else:
        extra += '<meta property="og:type" content="website">\n'
    extra += breadcrumb_ld(p, base_url)
    if p["evidence"] == "json-ld":
        extra += json_ld(p, base_url)
    body = {"boutique": boutique_main, "dark": dark_main, "discounter": discounter_main}[p["template"]](p, t)
    crumbs = (f'<nav class="crumbs" aria-label="Brotkrumen"><a href="/">Start</a> / '
              f'<a href="/sortiment/">Sortiment</a> / <span>{e(p["name"])}</span></nav>\n')
    n = len(products)
    recs = [products[(p["index"] + k) % n] for k in (5, 11, 17)]
    also = ('<aside class="also" aria-label="Empfehlungen"><h2>Das könnte Ihnen auch gefallen</h2><ul>'
            + "".join(f'<li><a href="{r["path"]}">{e(r["name"])}</a><br>{tile_price_text(r)}</li>' for r in recs)
            + "</ul></aside>\n")
    return (head(f"{p['name']} | {SHOP_NAME}", base_url, p["path"], extra)
            + chrome_top(f"pdp-page t-{p['template']}") + crumbs + body + also + chrome_bottom())


# ---------------------------------------------------------------------------
# HTML: landing page, listing, other pages
# ---------------------------------------------------------------------------


def tile_price(p):
    return format_money(p["price"], secondary_fmt(p["fmt"]) if p["fmt"] == "sup" else p["fmt"])


def tile_price_text(p):
    pre = f"{e(p['prefix'])} " if p["prefix"] else ""
    return pre + html_text(tile_price(p))


def tile_badge(p):
    if not p["prev"]:
        return None
    pct = int(((p["prev"][0] - p["price"]) / p["prev"][0] * 100).to_integral_value(rounding=ROUND_HALF_UP))
    return f"-{pct} %"


def tile_html(p):
    badge = f'<span class="tile-badge">{tile_badge(p)}</span>' if p["prev"] else ""
    pre = f'<span class="tile-prefix">{e(p["prefix"])}</span> ' if p["prefix"] else ""
    old = f' <s>{html_text(p["prev_text"])}</s>' if p["prev"] else ""
    return (f'<article class="tile"><a href="{p["path"]}">'
            f'<img src="/assets/platzhalter.svg" data-src="{p["image"]}" loading="lazy" alt="" width="240" height="240">'
            f'{badge}<h3>{e(p["name"])}</h3>'
            f'<p class="tile-price">{pre}{html_text(tile_price(p))}{old}</p></a>'
            '<button class="merken" type="button" aria-label="Merken">♡</button></article>\n')


def json_page(n, items, pages):
    data = {"seite": n, "seiten": pages, "artikel": [
        {"url": p["path"], "name": p["name"], "bild": p["image"], "preis": tile_price(p),
         "praefix": p["prefix"], "alterPreis": p["prev_text"], "rabatt": tile_badge(p)} for p in items],
        "naechste": f"/sortiment/seite-{n + 1}.json" if n < pages else None}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def listing_page(products, pages, base_url):
    first = products[:PER_PAGE]
    cats = ["Küche &amp; Genuss", "Wohnen &amp; Textil", "Technik", "Haushalt", "Vorrat"]
    filters = (
        '<aside class="filters" aria-label="Filter">'
        '<h2>Kategorien</h2><ul>'
        + "".join(f'<li><a href="/sortiment/?kategorie={i + 1}">{c}</a></li>' for i, c in enumerate(cats))
        + "</ul><h2>Preis</h2><ul>"
        '<li><a href="/sortiment/?preis=0-10">bis 10 €</a></li>'
        '<li><a href="/sortiment/?preis=10-50">10 € bis 50 €</a></li>'
        '<li><a href="/sortiment/?preis=50-">über 50 €</a></li></ul>'
        '<h2>Angebote</h2><ul><li><label><input type="checkbox" name="sale"> nur reduzierte Artikel</label></li></ul>'
        "</aside>\n")
    return (
        head(f"Sortiment | {SHOP_NAME}", base_url, "/sortiment/",
             '<meta property="og:type" content="website">\n')
        + chrome_top("listing-page")
        + '<nav class="crumbs" aria-label="Brotkrumen"><a href="/">Start</a> / <span>Sortiment</span></nav>\n'
        '<div class="shelf">\n<h1>Sortiment</h1>\n'
        + filters
        + '<section aria-label="Artikel">\n'
        f'<div class="toolbar"><span>{len(products)} Artikel</span>'
        '<label>Sortieren: <select name="sort"><option>Beliebtheit</option><option>Preis aufsteigend</option>'
        "<option>Preis absteigend</option><option>Neuheiten</option></select></label></div>\n"
        '<div class="tiles" id="artikel">\n'
        + "".join(tile_html(p) for p in first)
        + "</div>\n"
        f'<div class="nachladen" id="nachladen" data-next="/sortiment/seite-2.json" '
        f'data-done="Alle {len(products)} Artikel werden angezeigt.">Weitere Artikel werden geladen …</div>\n'
        "</section>\n</div>\n"
        + chrome_bottom())


def landing_page(products, base_url):
    deals = [p for p in products if p["prev"]][:4]
    org = script_ld({"@context": "https://schema.org", "@type": "Organization", "name": SHOP_NAME,
                     "url": base_url + "/", "logo": base_url + "/assets/favicon.svg"})
    return (
        head(f"{SHOP_NAME} – Feines vom Hafen, Technik und Vorrat", base_url, "/",
             '<meta property="og:type" content="website">\n' + org)
        + chrome_top("home-page")
        + '<section class="hero"><div class="in">'
        "<h1>Frisch eingetroffen im Nordhafen</h1>"
        "<p>Feinkost, Wohntextilien, Technik und Vorrat – ausgesucht in Hamburg, geliefert in ganz Deutschland.</p>"
        '<a class="cta" href="/sortiment/">Zum Sortiment</a></div></section>\n'
        '<section class="section"><h2>Angebote der Woche</h2><ul class="deals">'
        + "".join(f'<li class="deal"><a href="{p["path"]}">{e(p["name"])}</a>'
                  f'<span class="deal-price">{html_text(tile_price(p))}</span></li>' for p in deals)
        + "</ul></section>\n"
        '<section class="section"><div class="teaser"><div><h3>Küche &amp; Genuss</h3>'
        "<p>Öle, Käse und Konfitüren von kleinen Herstellern – jetzt 10 % auf alles mit dem Code HAFEN10.</p>"
        '<a href="/sortiment/?kategorie=1">Kategorie entdecken</a></div></div></section>\n'
        '<section class="section"><h2>Aus dem Magazin</h2><ul class="posts">'
        + "".join(f'<li><a href="/magazin/{slug}.html">{e(title)}</a></li>' for slug, title, _ in POSTS)
        + "</ul></section>\n"
        '<section class="section"><h2>Über uns</h2><p>Seit 1998 am Kai. '
        '<a href="/ueber-uns.html">Mehr über den Nordhafen Markt</a> · <a href="/impressum.html">Impressum</a></p></section>\n'
        + chrome_bottom())


def prose_page(title, path, body, base_url):
    return (head(f"{title} | {SHOP_NAME}", base_url, path, '<meta property="og:type" content="website">\n')
            + chrome_top("text-page") + f'<main class="prose">\n<h1>{e(title)}</h1>\n{body}</main>\n'
            + chrome_bottom())


def other_pages(products, base_url):
    pages = {}
    pages["ueber-uns.html"] = prose_page("Über uns", "/ueber-uns.html", (
        f"<p>Der {SHOP_NAME} ist ein erfundener Test-Shop für Stagewire mit {len(products)} Artikeln in drei "
        "Seitenvorlagen und drei Sprachen. Es gibt keine echten Bestellungen.</p>\n"
        "<p>Die Seiten erzeugt <code>deploy/market-shop/generate.py</code>.</p>\n"), base_url)
    pages["impressum.html"] = prose_page("Impressum", "/impressum.html", (
        f"<p>{SHOP_NAME} GmbH (erfunden)<br>Am Kai 7<br>20457 Hamburg</p>\n"
        "<p>Handelsregister: HRB 000000 (Beispiel) · USt-IdNr. DE000000000 (Beispiel)</p>\n"), base_url)
    pages["datenschutz.html"] = prose_page("Datenschutz", "/datenschutz.html", (
        "<p>Diese Seite setzt keine Cookies. Ihre Auswahl im Cookie-Hinweis wird nur im lokalen Speicher "
        "Ihres Browsers abgelegt (<code>nordhafen-consent</code>).</p>\n"), base_url)
    pages["konto/index.html"] = prose_page("Anmelden", "/konto/", (
        '<form class="login" action="/konto/" method="post"><label>E-Mail <input type="email" name="email"></label>'
        '<label>Passwort <input type="password" name="passwort"></label>'
        '<button type="submit">Anmelden</button></form>\n'), base_url)
    pages["konto/warenkorb.html"] = prose_page("Warenkorb", "/konto/warenkorb.html",
                                               "<p>Ihr Warenkorb ist leer.</p>\n", base_url)
    pages["magazin/index.html"] = prose_page("Magazin", "/magazin/", (
        "<ul>" + "".join(f'<li><a href="/magazin/{slug}.html">{e(title)}</a></li>' for slug, title, _ in POSTS)
        + "</ul>\n"), base_url)
    for slug, title, text in POSTS:
        pages[f"magazin/{slug}.html"] = prose_page(title, f"/magazin/{slug}.html",
                                                  f"<p>{e(text)}</p>\n", base_url)
    return pages


# ---------------------------------------------------------------------------
# robots.txt and sitemaps
# ---------------------------------------------------------------------------

SM_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMG_NS = "http://www.google.com/schemas/sitemap-image/1.1"


def robots(base_url):
    return f"User-agent: *\nDisallow: /konto/\n\nSitemap: {base_url}/sitemap.xml\n"


def sitemap_index(base_url):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="{SM_NS}">\n'
            + "".join(f"  <sitemap>\n    <loc>{xml_escape(base_url)}/{name}</loc>\n"
                      f"    <lastmod>{LASTMOD}</lastmod>\n  </sitemap>\n"
                      for name in ("sitemap-seiten.xml", "sitemap-artikel.xml"))
            + "</sitemapindex>\n")


def sitemap_products(products, base_url):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<urlset xmlns="{SM_NS}" xmlns:image="{IMG_NS}">\n']
    for p in sorted(products, key=lambda q: q["id"]):  # shop systems list by id, not by listing order
        out.append(f"  <url>\n    <loc>{xml_escape(p['url'])}</loc>\n"
                   f"    <lastmod>2024-{1 + p['id'] % 12:02d}-{1 + p['id'] % 28:02d}</lastmod>\n"
                   f"    <image:image><image:loc>{xml_escape(base_url + p['image'])}</image:loc></image:image>\n"
                   "  </url>\n")
    out.append("</urlset>\n")
    return "".join(out)


def sitemap_pages(base_url):
    paths = (["/", "/sortiment/", "/magazin/"] + [f"/magazin/{slug}.html" for slug, _, _ in POSTS]
             + ["/ueber-uns.html", "/impressum.html", "/datenschutz.html"])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="{SM_NS}">\n'
            + "".join(f"  <url>\n    <loc>{xml_escape(base_url + path)}</loc>\n"
                      f"    <lastmod>{LASTMOD}</lastmod>\n  </url>\n" for path in paths)
            + "</urlset>\n")


# ---------------------------------------------------------------------------
# expected.json
# ---------------------------------------------------------------------------


def expected_json(products, pages, base_url, rows):
    def s(v):
        return json.dumps(v, ensure_ascii=False)

    def num(v):
        return "null" if v is None else dec(v)

    st = [p["status"] for p in products]
    ev = [p["evidence"] for p in products]
    lines = ["{"]
    lines.append(f'  "shop": {s(SHOP_NAME)},')
    lines.append(f'  "baseUrl": {s(base_url)},')
    lines.append('  "startPath": "/",')
    lines.append(f'  "productCount": {len(products)},')
    lines.append('  "discovery": "sitemap",')
    lines.append('  "robots": {"disallow": ["/konto/"], "sitemap": ' + s(base_url + "/sitemap.xml") + "},")
    lines.append('  "sitemaps": {"index": "/sitemap.xml", "products": "/sitemap-artikel.xml", '
                 '"pages": "/sitemap-seiten.xml"},')
    lines.append('  "listing": {"path": "/sortiment/", "productsInHtml": ' + str(PER_PAGE)
                 + ', "infiniteScroll": ' + s([f"/sortiment/seite-{n}.json" for n in range(2, pages + 1)])
                 + ', "tileSelector": "article.tile > a", "nextPageLink": null},')
    lines.append('  "productPath": "/artikel/<slug>-<5 digits>.html",')
    lines.append('  "productArea": "main (microdata pages: [itemtype*=Product], the same element)",')
    lines.append('  "cookieBanner": "#cc-banner",')
    lines.append('  "selectors": null,')
    lines.append('  "priceList": "price-list.xlsx",')
    lines.append(f'  "listCurrency": {s(LIST_CURRENCY)},')
    lines.append(f'  "listRows": {len(rows)},')
    lines.append('  "summary": {'
                 f'"products": {len(products)}, '
                 f'"matched": {st.count("matched")}, '
                 f'"priceDiffers": {st.count("price-differs")}, '
                 f'"tolerant": {st.count("tolerant")}, '
                 f'"missing": {st.count("missing")}, '
                 f'"ambiguous": {st.count("ambiguous")}, '
                 f'"labels": {sum(1 for x in st if x in ("matched", "price-differs", "tolerant"))}, '
                 f'"review": {sum(1 for x in st if x in ("missing", "ambiguous"))}, '
                 f'"foreignCurrency": {sum(1 for p in products if p["currency"] != LIST_CURRENCY)}, '
                 f'"withEan": {sum(1 for p in products if p["ean_code"])}, '
                 f'"withPreviousPrice": {sum(1 for p in products if p["prev"])}, '
                 f'"withPricePrefix": {sum(1 for p in products if p["prefix"])}, '
                 f'"evidence": {{"json-ld": {ev.count("json-ld")}, "microdata": {ev.count("microdata")}, '
                 f'"meta": {ev.count("meta")}, "none": {ev.count(None)}}}, '
                 f'"evidenceDisagrees": {sum(1 for p in products if p["evidence_disagrees"])}, '
                 f'"languages": {{"de": {sum(1 for p in products if p["lang"] == "de")}, '
                 f'"en": {sum(1 for p in products if p["lang"] == "en")}, '
                 f'"fr": {sum(1 for p in products if p["lang"] == "fr")}}}'
                 "},")
    lines.append('  "products": [')
    items = []
    for p in products:
        items.append(
            "    {"
            f'"path": {s(p["path"])}, "listingPage": {p["page"]}, "template": {s(p["template"])}, '
            f'"language": {s(p["lang"])}, "article": {s(p["article"])}, "articleLabel": {s(p["label"])}, '
            f'"name": {s(p["name"])}, '
            f'"price": {num(p["price"])}, "currency": {s(p["currency"])}, "priceText": {s(p["price_text"])}, '
            f'"priceHtml": {s(p["price_html"])}, '
            f'"previousPrice": {num(p["prev"][0] if p["prev"] else None)}, '
            f'"pricePrefix": {s(p["prefix"])}, "unitPriceText": {s(p["unit_text"])}, '
            f'"ean": {s(p["ean_code"])}, "evidence": {s(p["evidence"])}, '
            f'"evidencePrice": {num(p["evidence_price"])}, "evidenceDisagrees": {s(p["evidence_disagrees"])}, '
            f'"status": {s(p["status"])}, "listArticle": {s(p["list_article_out"])}, '
            f'"listPrice": {num(p["list_price_out"])}, "priceDifference": {num(p["difference"])}, '
            + (f'"nearRow": {{"article": {s(AMBIGUOUS_TWIN)}, "name": {s(twin_row()[1])}, '
               f'"price": {num(twin_row()[2])}}}, ' if p["status"] == "ambiguous" else "")
            + f'"hardCases": {s(p["hard_cases"])}'
            "}")
    lines.append(",\n".join(items))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # must stay valid JSON
    return text


def twin_row():
    return next(r for r in EXTRA_LIST_ROWS if r[0] == AMBIGUOUS_TWIN)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def generate(out_dir, base_url=BASE_URL):
    products = enrich(PRODUCTS, base_url)
    pages = (len(products) + PER_PAGE - 1) // PER_PAGE
    site = os.path.join(out_dir, "site")
    if os.path.isdir(site):
        shutil.rmtree(site)
    w = demo.write

    w(os.path.join(site, "assets", "markt.css"), CSS)
    w(os.path.join(site, "assets", "markt.js"), JS)
    w(os.path.join(site, "assets", "platzhalter.svg"), PLACEHOLDER_SVG)
    w(os.path.join(site, "assets", "favicon.svg"), FAVICON_SVG)
    w(os.path.join(site, "robots.txt"), robots(base_url))
    w(os.path.join(site, "sitemap.xml"), sitemap_index(base_url))
    w(os.path.join(site, "sitemap-artikel.xml"), sitemap_products(products, base_url))
    w(os.path.join(site, "sitemap-seiten.xml"), sitemap_pages(base_url))
    w(os.path.join(site, "index.html"), landing_page(products, base_url))
    w(os.path.join(site, "sortiment", "index.html"), listing_page(products, pages, base_url))
    for n in range(2, pages + 1):
        w(os.path.join(site, "sortiment", f"seite-{n}.json"),
          json_page(n, products[(n - 1) * PER_PAGE:n * PER_PAGE], pages))
    for rel, text in other_pages(products, base_url).items():
        w(os.path.join(site, rel), text)
    for p in products:
        w(os.path.join(site, p["image"].lstrip("/")), product_svg(p))
        w(os.path.join(site, p["path"].lstrip("/")), product_page(p, products, base_url))

    rows = list_rows(products)
    xlsx = demo.xlsx_bytes(rows, title=f"{SHOP_NAME} price list", creator="Stagewire market-shop generator")
    demo.verify_xlsx(xlsx, rows)
    w(os.path.join(out_dir, "price-list.xlsx"), xlsx)
    w(os.path.join(out_dir, "expected.json"), expected_json(products, pages, base_url, rows))
    return products


def print_table(products):
    print("| # | Page | Template | Lang | Article | Label | Name | Shop price | Previous | Prefix | Unit price "
          "| EAN | Evidence | List article | List price | Status |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for p in products:
        ev = p["evidence"] or ""
        if p["evidence_disagrees"]:
            ev += f" (states {dec(p['stated'])})"
        print(f"| {p['index'] + 1} | {p['page']} | {p['template']} | {p['lang']} | {p['article']} | {p['label']} | "
              f"{p['name']} | {p['price_text'].replace(NBSP, ' ').replace(NNBSP, ' ')} | "
              f"{(p['prev_text'] or '').replace(NBSP, ' ')} | {p['prefix'] or ''} | "
              f"{(p['unit_text'] or '').replace(NBSP, ' ')} | {p['ean_code'] or ''} | {ev} | "
              f"{p['list_article_out'] or '—'} | {dec(p['list_price_out']) or '—'} | {p['status']} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=HERE, help="output directory (default: next to this script)")
    ap.add_argument("--base-url", default=BASE_URL,
                    help=f"scheme://host:port the shop is served on (sitemaps, robots.txt, canonical URLs; "
                         f"default {BASE_URL})")
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary directory and compare with --out")
    ap.add_argument("--list", action="store_true", help="print the product table as Markdown and exit")
    args = ap.parse_args()
    base_url = args.base_url.rstrip("/")
    if args.list:
        print_table(enrich(PRODUCTS, base_url))
        return
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp, base_url)
            diffs = demo.tree_diff(tmp, args.out)
        if diffs:
            print("market shop is out of date; run generate.py:\n  " + "\n  ".join(diffs))
            sys.exit(1)
        print("market shop is up to date")
        return
    products = generate(args.out, base_url)
    st = [p["status"] for p in products]
    print(f"wrote {len(products)} products to {os.path.join(args.out, 'site')}, price-list.xlsx "
          f"({st.count('matched')} matched, {st.count('price-differs')} price differs, {st.count('tolerant')} "
          f"tolerant, {st.count('missing')} missing, {st.count('ambiguous')} ambiguous) and expected.json")


if __name__ == "__main__":
    main()
