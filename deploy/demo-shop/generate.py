#!/usr/bin/env python3
"""Generate the Stagewire demo shop, its price list and the expected outcome.

One product table (PRODUCTS below) drives everything this script writes:

  site/               the static shop (listing pages, product pages, images, CSS)
  price-list.xlsx     the matching price list (with planted differences)
  expected.json       what a correct pipeline run on the shop must report

Python 3 standard library only. The output is deterministic: the same script
produces byte-identical files on every run (no timestamps, fixed ordering,
fixed zip entry dates).

Usage:
  python3 deploy/demo-shop/generate.py            # (re)write the files next to this script
  python3 deploy/demo-shop/generate.py --check    # exit 1 if the committed files are stale
  python3 deploy/demo-shop/generate.py --out DIR  # write into DIR instead
  python3 deploy/demo-shop/generate.py --list     # print the product table (Markdown)
"""

import argparse
import filecmp
import hashlib
import html
import io
import json
import os
import shutil
import sys
import tempfile
import unicodedata
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape as xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))

SHOP_NAME = "Werkhaus Demo-Shop"
CURRENCY = "EUR"
PER_PAGE = 12
TEMPLATES = ("classic", "card", "catalogue", "outlet")

# ---------------------------------------------------------------------------
# The product table.
#
# One row per product, in the order of the listing pages (templates rotate so
# every listing page, and any "first N products" crawl, covers all templates).
#
#   article   article number, always ART- plus five digits
#   name      product name (h1 on the product page, Name column of the list)
#   price     current shop price in EUR (the big price on the page)
#   fmt       how the price is written:
#               de      19,99 €        1.299,00 €
#               de_eur  EUR 19,99      EUR 1.299,00
#               en      € 4.50         € 1,249.00
#   icon      which product picture to draw
#   ean       True: show a (valid) EAN-13 on the page and put it in the list
#   old       old price for sale items (shown struck through), else None
#   unit      base price text shown under the price (e.g. "1 l = 16,65 €"), else None
#   label     wording of the article-number label (template default if None)
#   list      "same" (list price = shop price), "missing" (not in the list)
#             or a Decimal string (list price differs from the shop)
#   desc      short description
#   facts     extra spec rows (catalogue template shows them as a table)
# ---------------------------------------------------------------------------


def P(template, article, name, price, fmt, icon, desc, ean=False, old=None,
      unit=None, label=None, lst="same", facts=()):
    return dict(template=template, article=article, name=name, price=Decimal(price),
                fmt=fmt, icon=icon, desc=desc, ean=ean,
                old=Decimal(old) if old else None, unit=unit, label=label,
                list=lst, facts=tuple(facts))


CLASSIC = [
    P("classic", "ART-10234", "Emaille-Kochtopf 24 cm", "39.99", "de", "pot",
      "Klassischer Kochtopf aus emailliertem Stahl mit Glasdeckel, für alle Herdarten "
      "einschließlich Induktion.", ean=True),
    P("classic", "ART-10235", "Gusseisen-Pfanne 28 cm", "54.90", "de", "pan",
      "Vorgeheizte Gusseisenpfanne für scharfes Anbraten, backofenfest bis 260 °C.",
      ean=True, old="69.90"),
    P("classic", "ART-10311", "Digitale Küchenwaage", "19.99", "de", "scale",
      "Flache Küchenwaage mit Tara-Funktion, wiegt bis 5 kg auf das Gramm genau."),
    P("classic", "ART-10527", "Teekanne Porzellan 1,2 l", "27.90", "de", "teapot",
      "Weiße Porzellankanne mit Edelstahlsieb, spülmaschinengeeignet.", ean=True),
    P("classic", "ART-11207", "Edelstahl-Gasgrill „Titan 4“", "1299.00", "de", "grill",
      "Gasgrill mit vier Brennern, Seitenkocher und emailliertem Gussrost.", ean=True,
      label="Artikelnummer:"),
    P("classic", "ART-10888", "Messerblock mit 6 Messern", "89.00", "de", "knife",
      "Buchenholzblock mit Koch-, Brot-, Fleisch- und Gemüsemesser aus rostfreiem Stahl."),
    P("classic", "ART-10410", "Kaffeemühle mit Handkurbel", "34.50", "de_eur", "mill",
      "Keramikmahlwerk, stufenlos einstellbar von Espresso bis French Press."),
    P("classic", "ART-15105", "Olivenöl nativ extra, 750 ml", "12.49", "de", "bottle",
      "Kaltgepresstes Olivenöl aus Kreta, fruchtig mit leichter Schärfe.", ean=True,
      unit="Grundpreis: 1 l = 16,65 €"),
    P("classic", "ART-10790", "Brotkasten aus Bambus", "29.99", "de", "box",
      "Brotkasten mit Rolldeckel, der Deckel dient auch als Schneidebrett.",
      old="39.99", lst="missing"),
    P("classic", "ART-10118", "Espressokocher für 6 Tassen", "24.00", "de", "mokapot",
      "Aluminium-Espressokocher im klassischen Achteck-Design."),
    P("classic", "ART-10663", "Schneidebrett Eiche geölt", "45.00", "de", "board",
      "Massives Eichenbrett mit Saftrille, 40 x 25 cm, mit Leinöl behandelt.",
      ean=True, lst="49.00"),
    P("classic", "ART-10452", "Gießkanne verzinkt, 10 l", "24.95", "de", "can",
      "Feuerverzinkte Gießkanne mit abnehmbarer Messingbrause.",
      label="Artikelnummer:"),
]

CARD = [
    P("card", "ART-20140", "LED Desk Lamp \u201eArc\u201c", "49.00", "en", "lamp",
      "Dimmable desk lamp with a swivelling arm and three colour temperatures.", ean=True),
    P("card", "ART-20155", "Bluetooth Speaker Mini", "29.99", "en", "speaker",
      "Pocket-sized speaker with 12 hours of playtime and a splash-proof case.",
      old="39.99"),
    P("card", "ART-20301", "Cable Ties, 100 pcs", "4.50", "en", "box",
      "Black nylon cable ties, 200 x 3.6 mm, UV-resistant."),
    P("card", "ART-20318", "USB-C Charger 65 W", "34.90", "en", "charger",
      "Compact GaN charger that powers a laptop and a phone at the same time.", ean=True),
    P("card", "ART-21010",
      "Noise-Cancelling Over-Ear Headphones with Travel Case and Spare Ear Cushions",
      "189.00", "en", "headphones",
      "Adaptive noise cancelling, 30 hours of battery life and a foldable design.",
      ean=True),
    P("card", "ART-20444", "Smart Plug with Energy Meter", "19.99", "de", "plug",
      "Switch lamps and appliances from your phone and see what they consume."),
    P("card", "ART-21500", "4K Monitor 27 inch", "1249.00", "en", "monitor",
      "27-inch IPS panel with 3840 x 2160 pixels, USB-C and a height-adjustable stand.",
      ean=True),
    P("card", "ART-20101", "Wireless Mouse", "24.99", "en", "mouse",
      "Quiet wireless mouse with a USB receiver that stores inside the mouse.",
      lst="missing"),
    P("card", "ART-20777", "Mechanical Keyboard TKL", "89.90", "en", "keyboard",
      "Tenkeyless keyboard with hot-swappable switches and white backlight.",
      old="109.90"),
    P("card", "ART-20010", "Power Bank 10000 mAh", "27.50", "en", "charger",
      "Slim power bank that charges two devices at once.", ean=True,
      label="Item no."),
    P("card", "ART-20202", "HDMI Cable 2 m", "9.95", "en", "cable",
      "High-speed HDMI cable for 4K at 60 Hz with braided jacket."),
    P("card", "ART-20560", "Webcam Full HD", "59.00", "de_eur", "camera",
      "1080p webcam with autofocus, privacy shutter and two microphones."),
]

CATALOGUE = [
    P("catalogue", "ART-30412", "Akku-Bohrschrauber 18 V", "129.00", "de_eur", "drill",
      "Bürstenloser Motor, 2 Gänge, inklusive 2 Akkus und Ladegerät.", ean=True,
      facts=[("Spannung", "18 V"), ("Drehmoment", "60 Nm"), ("Gewicht", "1,4 kg")]),
    P("catalogue", "ART-30001", "Schraubendreher-Set 12-tlg.", "19.90", "de_eur", "screwdriver",
      "Schlitz, Kreuz und Torx mit ergonomischen Zweikomponentengriffen.",
      facts=[("Inhalt", "12 Teile"), ("Klingen", "Chrom-Vanadium")]),
    P("catalogue", "ART-31299", "Werkbank mit Schubladen", "1299.00", "de_eur", "bench",
      "Schwere Werkbank mit Buchenholzplatte und vier kugelgelagerten Schubladen.",
      ean=True, lst="1249.00",
      facts=[("Maße", "200 x 75 x 90 cm"), ("Tragkraft", "500 kg"), ("Lieferzeit", "2–3 Wochen")]),
    P("catalogue", "ART-30060", "Wasserwaage 60 cm", "14.95", "de_eur", "level",
      "Aluminiumprofil mit zwei Libellen, Messgenauigkeit 0,5 mm/m.",
      facts=[("Länge", "60 cm"), ("Libellen", "2")]),
    P("catalogue", "ART-30110", "Spülschwamm, 10 Stück", "0.99", "de", "sponge",
      "Schwämme mit kratzfreier Scheuerseite für beschichtete Pfannen.", ean=True,
      unit="Grundpreis: 1 Stück = 0,10 €",
      facts=[("Inhalt", "10 Stück"), ("Maße", "9 x 6 cm")]),
    P("catalogue", "ART-30446", "Steckschlüsselsatz 1/4\", 46-tlg.", "49.99", "de_eur", "case",
      "Ratsche mit 72 Zähnen, Nüsse 4–14 mm, Bits und Verlängerung im Koffer.", ean=True,
      facts=[("Inhalt", "46 Teile"), ("Antrieb", "1/4 Zoll")]),
    P("catalogue", "ART-30200", "Zollstock Holz 2 m", "6.49", "de_eur", "ruler",
      "Buchenholz mit Messingnieten, beidseitig bedruckt.",
      facts=[("Länge", "2 m"), ("Glieder", "10")]),
    P("catalogue", "ART-30890", "Heißklebepistole", "22.00", "de_eur", "gluegun",
      "Aufheizzeit 3 Minuten, für Klebesticks mit 11 mm Durchmesser.", old="27.50",
      facts=[("Leistung", "100 W"), ("Sticks", "11 mm")]),
    P("catalogue", "ART-31010", "Arbeitshandschuhe Gr. 10", "3.99", "de_eur", "glove",
      "Nitrilbeschichtete Montagehandschuhe mit gutem Griff.",
      facts=[("Größe", "10 (XL)"), ("Norm", "EN 388")]),
    P("catalogue", "ART-32050", "Kompressor 50 l", "349.00", "de_eur", "compressor",
      "Ölgeschmierter Kompressor mit 8 bar und zwei Schnellkupplungen.", ean=True,
      facts=[("Kessel", "50 l"), ("Druck", "8 bar"), ("Gewicht", "38 kg")]),
    P("catalogue", "ART-31838", "Leiter Aluminium 3 x 8 Sprossen", "189.00", "de_eur", "ladder",
      "Kombileiter, als Anlege-, Schiebe- und Stehleiter verwendbar.",
      facts=[("Arbeitshöhe", "bis 5,6 m"), ("Gewicht", "12,5 kg")]),
    P("catalogue", "ART-30555", "Schleifpapier-Sortiment", "8.75", "de_eur", "box",
      "Je 10 Blatt Körnung 60, 120, 180 und 240 für Holz und Metall.",
      facts=[("Inhalt", "40 Blatt"), ("Körnung", "60–240")]),
]

OUTLET = [
    P("outlet", "ART-40120", "Gartenstuhl Teak", "79.00", "de", "chair",
      "Klappbarer Gartenstuhl aus FSC-zertifiziertem Teakholz.", old="99.00"),
    P("outlet", "ART-40300", "Strandkorb Ostsee", "1049.95", "de", "beachchair",
      "Zweisitzer mit verstellbarer Rückenlehne, Fußstützen und Abdeckhaube.", ean=True,
      old="1299.00"),
    P("outlet", "ART-40777", "Hochbeet Lärche", "149.00", "de", "raisedbed",
      "Unbehandeltes Lärchenholz, 120 x 60 x 80 cm, mit Noppenfolie.", old="189.00",
      lst="189.00"),
    P("outlet", "ART-40020", "Gartenschlauch 20 m", "24.99", "en", "hose",
      "Knickfester Schlauch, 1/2 Zoll, mit Spritze und Anschlussstücken.", old="34.99",
      label="Item no."),
    P("outlet", "ART-41536", "Akku-Rasenmäher 36 V", "399.00", "de_eur", "mower",
      "Schnittbreite 37 cm, 40 l Fangkorb, zwei Akkus im Lieferumfang.", ean=True,
      old="449.00"),
    P("outlet", "ART-40808", "Vogelhaus Kiefer", "19.99", "de", "birdhouse",
      "Futterhaus mit Silo, wetterfest lasiert, zum Aufhängen oder Aufstellen."),
    P("outlet", "ART-40404", "Solarleuchten 4er-Set", "17.95", "de", "lamp",
      "Warmweiße Wegeleuchten mit Dämmerungssensor.", old="24.95", lst="missing"),
    P("outlet", "ART-40101", "Pflanzkübel Terrakotta", "32.50", "de", "plant",
      "Frostfester Terrakottakübel, Ø 40 cm, handgefertigt.", ean=True,
      label="Artikel-Nr."),
    P("outlet", "ART-41100", "Hängematte mit Gestell", "129.00", "en", "hammock",
      "Baumwollhängematte bis 120 kg mit pulverbeschichtetem Stahlgestell.",
      old="159.00", label="Item no."),
    P("outlet", "ART-41818", "Feuerschale Cortenstahl", "89.00", "de", "firebowl",
      "Feuerschale mit Edelrost-Optik, Ø 60 cm, mit Funkenschutzgitter.", ean=True,
      old="119.00"),
    P("outlet", "ART-40330", "Regentonne 300 l", "59.90", "de", "barrel",
      "Regentonne aus UV-beständigem Kunststoff mit Deckel und Auslaufhahn."),
    P("outlet", "ART-40015", "Laubbesen verstellbar", "12.90", "de", "rake",
      "Teleskopstiel von 90 bis 160 cm, verstellbare Zinkenbreite.", old="15.90"),
]

PRODUCTS = [p for row in zip(CLASSIC, CARD, CATALOGUE, OUTLET) for p in row]

# Default wording of the article-number label per template.
DEFAULT_LABEL = {"classic": "Art.-Nr.:", "card": "Article no.", "catalogue": "Artikelnummer",
                 "outlet": "Art.-Nr."}

# ---------------------------------------------------------------------------
# Helpers: slugs, prices, EAN-13
# ---------------------------------------------------------------------------


def slugify(name):
    s = name.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    out, dash = [], False
    for ch in s:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def group(int_part, sep):
    s = str(int_part)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return sep.join(parts)


def format_price(value, fmt):
    """Price text as shown in the shop (plain spaces; HTML uses &nbsp;)."""
    q = value.quantize(Decimal("0.01"))
    whole, cents = divmod(int(q * 100), 100)
    if fmt == "de":
        return f"{group(whole, '.')},{cents:02d} €"
    if fmt == "de_eur":
        return f"EUR {group(whole, '.')},{cents:02d}"
    if fmt == "en":
        return f"€ {group(whole, ',')}.{cents:02d}"
    raise ValueError(fmt)


def price_html(value, fmt):
    return html.escape(format_price(value, fmt)).replace(" ", "&nbsp;")


def ean13(article):
    """A stable, valid EAN-13 for an article (German GS1 prefix 400x)."""
    n = int(article[4:])
    body = "4006" + f"{(n * 7919 + 1234567) % 100000000:08d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def ean_valid(code):
    if len(code) != 13 or not code.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code[:12]))
    return (10 - total % 10) % 10 == int(code[12])


def dec_json(value):
    """Decimal -> JSON number text with two decimals (written verbatim)."""
    return None if value is None else format(value.quantize(Decimal("0.01")), "f")


# ---------------------------------------------------------------------------
# Derived data
# ---------------------------------------------------------------------------


def enrich(products):
    seen_slugs, seen_articles = set(), set()
    out = []
    for i, p in enumerate(products):
        p = dict(p)
        p["slug"] = slugify(p["name"])
        assert p["slug"] not in seen_slugs, p["slug"]
        assert p["article"] not in seen_articles, p["article"]
        assert len(p["article"]) == 9 and p["article"][:4] == "ART-" and p["article"][4:].isdigit()
        assert p["old"] is None or p["old"] > p["price"], p["article"]
        seen_slugs.add(p["slug"])
        seen_articles.add(p["article"])
        p["index"] = i
        p["page"] = i // PER_PAGE + 1
        p["path"] = f"/products/{p['slug']}/"
        p["ean_code"] = ean13(p["article"]) if p["ean"] else None
        assert p["ean_code"] is None or ean_valid(p["ean_code"])
        p["label_text"] = p["label"] or DEFAULT_LABEL[p["template"]]
        p["price_text"] = format_price(p["price"], p["fmt"])
        p["old_text"] = format_price(p["old"], p["fmt"]) if p["old"] else None
        if p["list"] == "same":
            p["list_price"], p["status"] = p["price"], "matched"
        elif p["list"] == "missing":
            p["list_price"], p["status"] = None, "missing"
        else:
            p["list_price"], p["status"] = Decimal(p["list"]), "price-differs"
            assert p["list_price"] != p["price"]
        p["hard_cases"] = hard_cases(p)
        out.append(p)
    return out


def hard_cases(p):
    cases = []
    if p["old"]:
        cases.append("sale price with struck-through old price")
    if p["template"] == "outlet" and p["old"]:
        cases.append("old price printed before the current price; savings amount shown")
    if p["unit"]:
        cases.append("second, smaller price (base price per unit)")
    if p["price"] >= 1000:
        cases.append("thousands separator")
    if p["price"] < 1:
        cases.append("price below 1 euro")
    if p["fmt"] == "de_eur":
        cases.append("currency code before the amount")
    if p["fmt"] == "en":
        cases.append("decimal point instead of comma")
    if p["label"]:
        cases.append("article-number label variant: " + p["label"])
    if p["ean"]:
        cases.append("13-digit EAN near the article number")
    if len(p["name"]) > 40:
        cases.append("long product name wrapping over several lines")
    if any(ch.isdigit() for ch in p["name"]):
        cases.append("numbers in the product name")
    if any(ch in p["name"] for ch in "äöüßÄÖÜ„“"):
        cases.append("umlauts or typographic quotes in the name")
    if p["template"] == "outlet":
        cases.append("name in light text on a dark band")
    if p["template"] == "catalogue":
        cases.append("dense spec table with other numbers")
    digits = p["article"][4:]
    if sum(d in "0158" for d in digits) >= 4:
        cases.append("article number made of look-alike digits (0/O, 1/I, 5/S, 8/B)")
    return cases


# ---------------------------------------------------------------------------
# Product pictures (SVG, no text)
# ---------------------------------------------------------------------------

PALETTE = [("#dbe9f6", "#1f5f99"), ("#f6e7d8", "#9c4a12"), ("#e3f1e0", "#2f7a2c"),
           ("#efe3f4", "#6a3d8a"), ("#f7f0d2", "#8a6d0b"), ("#e0eef0", "#1c6b73"),
           ("#f5dede", "#9b2226"), ("#e6e6ea", "#3d4451")]


def icon_shapes(icon, fg):
    """Simple drawings on a 240x240 canvas."""
    dark = "#2b2b2b"
    s = {
        "pot": f'<rect x="55" y="100" width="130" height="90" rx="14" fill="{fg}"/>'
               f'<rect x="40" y="112" width="20" height="12" rx="5" fill="{dark}"/>'
               f'<rect x="180" y="112" width="20" height="12" rx="5" fill="{dark}"/>'
               f'<ellipse cx="120" cy="98" rx="70" ry="12" fill="{dark}"/>'
               f'<rect x="110" y="74" width="20" height="14" rx="4" fill="{dark}"/>',
        "pan": f'<circle cx="100" cy="130" r="62" fill="{dark}"/><circle cx="100" cy="130" r="50" fill="{fg}"/>'
               f'<rect x="158" y="122" width="70" height="16" rx="8" fill="{dark}"/>',
        "scale": f'<rect x="40" y="120" width="160" height="60" rx="12" fill="{fg}"/>'
                 f'<rect x="70" y="138" width="100" height="24" rx="4" fill="#fff"/>'
                 f'<rect x="30" y="108" width="180" height="12" rx="6" fill="{dark}"/>',
        "teapot": f'<ellipse cx="115" cy="140" rx="62" ry="50" fill="{fg}"/>'
                  f'<polygon points="170,130 215,95 222,102 180,150" fill="{fg}"/>'
                  f'<path d="M55 115 Q20 140 58 165" stroke="{dark}" stroke-width="10" fill="none"/>'
                  f'<ellipse cx="115" cy="92" rx="30" ry="8" fill="{dark}"/>',
        "grill": f'<path d="M40 100 H200 V130 Q200 170 120 170 Q40 170 40 130 Z" fill="{fg}"/>'
                 f'<rect x="40" y="80" width="160" height="14" rx="6" fill="{dark}"/>'
                 f'<rect x="65" y="170" width="10" height="45" fill="{dark}"/>'
                 f'<rect x="165" y="170" width="10" height="45" fill="{dark}"/>',
        "knife": f'<rect x="70" y="60" width="100" height="140" rx="10" fill="{fg}"/>'
                 + "".join(f'<rect x="{82 + k * 15}" y="40" width="9" height="30" rx="3" fill="{dark}"/>'
                           for k in range(6)),
        "mill": f'<rect x="75" y="100" width="90" height="100" rx="8" fill="{fg}"/>'
                f'<ellipse cx="120" cy="98" rx="50" ry="12" fill="{dark}"/>'
                f'<path d="M120 90 V55 H170" stroke="{dark}" stroke-width="8" fill="none"/>'
                f'<circle cx="172" cy="55" r="10" fill="{dark}"/>',
        "bottle": f'<rect x="105" y="40" width="30" height="40" rx="4" fill="{dark}"/>'
                  f'<rect x="85" y="75" width="70" height="135" rx="18" fill="{fg}"/>'
                  f'<rect x="95" y="120" width="50" height="45" rx="4" fill="#fff"/>',
        "box": f'<polygon points="50,90 120,60 190,90 120,120" fill="{fg}"/>'
               f'<polygon points="50,90 120,120 120,200 50,170" fill="{dark}"/>'
               f'<polygon points="190,90 120,120 120,200 190,170" fill="{fg}" opacity="0.75"/>',
        "mokapot": f'<polygon points="80,200 160,200 150,130 90,130" fill="{fg}"/>'
                   f'<polygon points="90,125 150,125 160,65 80,65" fill="{fg}" opacity="0.8"/>'
                   f'<rect x="85" y="124" width="70" height="8" fill="{dark}"/>'
                   f'<path d="M158 80 Q195 95 160 120" stroke="{dark}" stroke-width="9" fill="none"/>',
        "board": f'<rect x="35" y="80" width="170" height="100" rx="16" fill="{fg}"/>'
                 f'<rect x="50" y="95" width="140" height="70" rx="10" fill="none" stroke="{dark}" stroke-width="4"/>'
                 f'<circle cx="190" cy="130" r="6" fill="#fff"/>',
        "can": f'<rect x="70" y="100" width="90" height="95" rx="10" fill="{fg}"/>'
               f'<polygon points="160,150 215,85 222,92 165,175" fill="{fg}"/>'
               f'<path d="M85 100 Q115 45 145 100" stroke="{dark}" stroke-width="9" fill="none"/>',
        "lamp": f'<ellipse cx="80" cy="200" rx="40" ry="10" fill="{dark}"/>'
                f'<path d="M80 195 L110 110 L160 80" stroke="{dark}" stroke-width="9" fill="none"/>'
                f'<polygon points="140,60 200,95 185,120 125,85" fill="{fg}"/>',
        "speaker": f'<rect x="65" y="60" width="110" height="140" rx="22" fill="{fg}"/>'
                   f'<circle cx="120" cy="150" r="30" fill="{dark}"/><circle cx="120" cy="95" r="14" fill="{dark}"/>',
        "charger": f'<rect x="70" y="70" width="100" height="110" rx="16" fill="{fg}"/>'
                   f'<rect x="100" y="180" width="40" height="12" rx="3" fill="{dark}"/>'
                   f'<polygon points="125,90 100,130 120,130 110,160 140,118 120,118" fill="#fff"/>',
        "headphones": f'<path d="M60 150 Q60 55 120 55 Q180 55 180 150" stroke="{dark}" stroke-width="12" fill="none"/>'
                      f'<rect x="42" y="130" width="40" height="65" rx="14" fill="{fg}"/>'
                      f'<rect x="158" y="130" width="40" height="65" rx="14" fill="{fg}"/>',
        "plug": f'<rect x="70" y="70" width="100" height="100" rx="24" fill="{fg}"/>'
                f'<circle cx="100" cy="120" r="8" fill="{dark}"/><circle cx="140" cy="120" r="8" fill="{dark}"/>'
                f'<rect x="100" y="170" width="40" height="30" rx="6" fill="{dark}"/>',
        "monitor": f'<rect x="30" y="50" width="180" height="115" rx="8" fill="{dark}"/>'
                   f'<rect x="40" y="60" width="160" height="95" fill="{fg}"/>'
                   f'<rect x="110" y="165" width="20" height="25" fill="{dark}"/>'
                   f'<rect x="80" y="188" width="80" height="10" rx="4" fill="{dark}"/>',
        "mouse": f'<ellipse cx="120" cy="130" rx="48" ry="72" fill="{fg}"/>'
                 f'<rect x="116" y="70" width="8" height="40" rx="4" fill="{dark}"/>',
        "keyboard": f'<rect x="25" y="85" width="190" height="80" rx="10" fill="{dark}"/>'
                    + "".join(f'<rect x="{35 + c * 18}" y="{95 + r * 20}" width="14" height="14" rx="2" fill="{fg}"/>'
                              for r in range(3) for c in range(10)),
        "cable": f'<path d="M40 180 Q60 60 120 120 Q180 180 200 60" stroke="{dark}" stroke-width="10" fill="none"/>'
                 f'<rect x="28" y="175" width="24" height="30" rx="3" fill="{fg}"/>'
                 f'<rect x="188" y="35" width="24" height="30" rx="3" fill="{fg}"/>',
        "camera": f'<rect x="50" y="80" width="140" height="80" rx="40" fill="{dark}"/>'
                  f'<circle cx="120" cy="120" r="28" fill="{fg}"/><circle cx="120" cy="120" r="12" fill="{dark}"/>'
                  f'<rect x="95" y="160" width="50" height="30" fill="{dark}"/>',
        "drill": f'<rect x="40" y="80" width="120" height="45" rx="12" fill="{fg}"/>'
                 f'<rect x="160" y="94" width="50" height="16" fill="{dark}"/>'
                 f'<rect x="75" y="120" width="35" height="70" rx="8" fill="{fg}"/>'
                 f'<rect x="65" y="185" width="55" height="25" rx="5" fill="{dark}"/>',
        "screwdriver": f'<rect x="40" y="108" width="80" height="28" rx="12" fill="{fg}"/>'
                       f'<rect x="120" y="116" width="85" height="12" fill="{dark}"/>'
                       f'<polygon points="205,116 220,122 205,128" fill="{dark}"/>',
        "bench": f'<rect x="25" y="80" width="190" height="20" fill="{fg}"/>'
                 f'<rect x="35" y="100" width="14" height="100" fill="{dark}"/><rect x="191" y="100" width="14" height="100" fill="{dark}"/>'
                 f'<rect x="120" y="105" width="70" height="60" fill="{fg}" opacity="0.75"/>'
                 f'<rect x="145" y="128" width="20" height="6" fill="{dark}"/>',
        "level": f'<rect x="20" y="105" width="200" height="36" rx="4" fill="{fg}"/>'
                 f'<rect x="100" y="112" width="40" height="22" rx="10" fill="#fff"/>'
                 f'<circle cx="120" cy="123" r="6" fill="{dark}"/>',
        "sponge": f'<rect x="50" y="110" width="140" height="40" rx="8" fill="{fg}"/>'
                  f'<rect x="50" y="150" width="140" height="24" rx="6" fill="{dark}"/>',
        "case": f'<rect x="35" y="80" width="170" height="110" rx="12" fill="{fg}"/>'
                f'<rect x="95" y="60" width="50" height="24" rx="6" fill="none" stroke="{dark}" stroke-width="8"/>'
                f'<rect x="35" y="126" width="170" height="8" fill="{dark}"/>',
        "ruler": f'<g transform="rotate(-20 120 120)"><rect x="20" y="105" width="200" height="30" fill="{fg}"/>'
                 + "".join(f'<rect x="{28 + k * 12}" y="105" width="3" height="{14 if k % 2 else 8}" fill="{dark}"/>'
                           for k in range(16)) + "</g>",
        "gluegun": f'<polygon points="40,90 170,90 190,105 170,120 40,120" fill="{fg}"/>'
                   f'<rect x="60" y="118" width="35" height="80" rx="8" fill="{dark}"/>'
                   f'<rect x="190" y="101" width="25" height="8" fill="{dark}"/>',
        "glove": f'<rect x="80" y="110" width="80" height="90" rx="20" fill="{fg}"/>'
                 + "".join(f'<rect x="{82 + k * 20}" y="55" width="16" height="70" rx="8" fill="{fg}"/>'
                           for k in range(4))
                 + f'<rect x="50" y="120" width="40" height="16" rx="8" fill="{fg}" transform="rotate(-30 70 128)"/>',
        "compressor": f'<ellipse cx="120" cy="150" rx="85" ry="40" fill="{fg}"/>'
                      f'<rect x="80" y="80" width="80" height="45" rx="8" fill="{dark}"/>'
                      f'<circle cx="65" cy="195" r="14" fill="{dark}"/><circle cx="175" cy="195" r="14" fill="{dark}"/>',
        "ladder": f'<rect x="70" y="30" width="12" height="185" fill="{dark}"/><rect x="158" y="30" width="12" height="185" fill="{dark}"/>'
                  + "".join(f'<rect x="82" y="{45 + k * 21}" width="76" height="8" fill="{fg}"/>' for k in range(8)),
        "chair": f'<rect x="70" y="50" width="100" height="70" rx="6" fill="{fg}"/>'
                 f'<rect x="70" y="125" width="100" height="18" fill="{fg}"/>'
                 f'<rect x="75" y="143" width="12" height="65" fill="{dark}"/><rect x="153" y="143" width="12" height="65" fill="{dark}"/>',
        "beachchair": f'<path d="M50 200 V90 Q120 20 190 90 V200 Z" fill="{fg}"/>'
                      f'<path d="M68 190 V98 Q120 45 172 98 V190 Z" fill="#fff" opacity="0.8"/>'
                      + "".join(f'<rect x="50" y="{110 + k * 22}" width="140" height="8" fill="{fg}" opacity="0.7"/>'
                                for k in range(4)),
        "raisedbed": f'<rect x="30" y="110" width="180" height="80" fill="{fg}"/>'
                     + "".join(f'<rect x="30" y="{110 + k * 20}" width="180" height="3" fill="{dark}"/>' for k in range(4))
                     + f'<ellipse cx="80" cy="105" rx="22" ry="18" fill="#3d8a3a"/><ellipse cx="150" cy="100" rx="28" ry="22" fill="#3d8a3a"/>',
        "hose": "".join(f'<circle cx="120" cy="125" r="{r}" fill="none" stroke="{fg}" stroke-width="12"/>'
                        for r in (30, 50, 70))
                + f'<rect x="185" y="118" width="40" height="14" rx="4" fill="{dark}"/>',
        "mower": f'<rect x="50" y="120" width="130" height="55" rx="14" fill="{fg}"/>'
                 f'<path d="M160 125 L205 50" stroke="{dark}" stroke-width="9"/>'
                 f'<circle cx="70" cy="185" r="18" fill="{dark}"/><circle cx="160" cy="185" r="18" fill="{dark}"/>',
        "birdhouse": f'<polygon points="60,100 120,45 180,100" fill="{dark}"/>'
                     f'<rect x="75" y="100" width="90" height="90" fill="{fg}"/>'
                     f'<circle cx="120" cy="135" r="16" fill="{dark}"/><rect x="115" y="190" width="10" height="30" fill="{dark}"/>',
        "plant": f'<polygon points="75,140 165,140 150,210 90,210" fill="{fg}"/>'
                 f'<ellipse cx="95" cy="105" rx="18" ry="40" fill="#3d8a3a" transform="rotate(-25 95 105)"/>'
                 f'<ellipse cx="145" cy="105" rx="18" ry="40" fill="#3d8a3a" transform="rotate(25 145 105)"/>'
                 f'<ellipse cx="120" cy="90" rx="16" ry="48" fill="#2f6f2c"/>',
        "hammock": f'<path d="M40 90 Q120 190 200 90" stroke="{fg}" stroke-width="22" fill="none"/>'
                   f'<path d="M25 210 L40 80 M215 210 L200 80 M25 210 H215" stroke="{dark}" stroke-width="8" fill="none"/>',
        "firebowl": f'<path d="M40 120 H200 Q190 175 120 175 Q50 175 40 120 Z" fill="{fg}"/>'
                    f'<rect x="100" y="175" width="40" height="30" fill="{dark}"/>'
                    f'<path d="M95 118 Q100 80 120 60 Q115 95 140 80 Q150 105 145 118 Z" fill="#e07b1a"/>',
        "barrel": f'<rect x="65" y="55" width="110" height="150" rx="20" fill="{fg}"/>'
                  f'<rect x="60" y="90" width="120" height="8" fill="{dark}"/><rect x="60" y="160" width="120" height="8" fill="{dark}"/>'
                  f'<rect x="150" y="180" width="30" height="8" fill="{dark}"/>',
        "rake": f'<rect x="115" y="25" width="10" height="130" fill="{dark}"/>'
                + "".join(f'<path d="M120 150 L{50 + k * 20} 215" stroke="{fg}" stroke-width="5"/>' for k in range(8)),
    }
    return s[icon]


def product_svg(p, inline=False):
    bg, fg = PALETTE[int(p["article"][4:]) % len(PALETTE)]
    seed = int(hashlib.sha256(p["article"].encode()).hexdigest()[:8], 16)
    dots = "".join(
        f'<circle cx="{20 + (seed >> (k * 3)) % 200}" cy="{16 + (seed >> (k * 2 + 1)) % 30}" r="3" fill="{fg}" opacity="0.25"/>'
        for k in range(5))
    label = html.escape(p["name"], quote=True)
    head = (f'<svg viewBox="0 0 240 240" width="240" height="240" role="img" aria-label="{label}">'
            if inline else
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">'
            f'<title>{label}</title>')
    return (head + f'<rect width="240" height="240" rx="12" fill="{bg}"/>{dots}'
            f'<ellipse cx="120" cy="218" rx="85" ry="9" fill="#000" opacity="0.08"/>'
            + icon_shapes(p["icon"], fg) + "</svg>")


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

CSS = r"""/* Werkhaus Demo-Shop - generated by deploy/demo-shop/generate.py; edit the generator, not this file. */
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; font-family: "DejaVu Sans", sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.45; }
a { color: #0b4a8f; }
img, svg { display: block; }

.site-header { background: #1f2933; color: #ffffff; }
.site-header .bar { max-width: 1180px; margin: 0 auto; padding: 10px 24px; display: flex; align-items: center; gap: 32px; }
.site-header .logo { color: #ffffff; font-weight: bold; font-size: 20px; text-decoration: none; letter-spacing: 0.5px; }
.site-header nav a { color: #d9e2ec; text-decoration: none; margin-right: 20px; font-size: 15px; }
.site-header .cart { margin-left: auto; font-size: 14px; color: #d9e2ec; }
.notice { background: #f0f4f8; color: #334e68; font-size: 13px; text-align: center; padding: 4px; }
.breadcrumb { max-width: 1180px; margin: 0 auto; padding: 10px 24px 0; font-size: 13px; color: #52606d; }
.breadcrumb a { color: #52606d; }
.site-footer { margin-top: 40px; border-top: 1px solid #d9e2ec; padding: 20px 24px 40px; font-size: 13px; color: #52606d; text-align: center; }
.site-footer a { color: #52606d; }
.wrap { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
.product-nav { max-width: 1180px; margin: 24px auto 0; padding: 0 24px; font-size: 14px; display: flex; justify-content: space-between; }

/* ---- listing ---- */
.listing h1 { font-size: 28px; margin: 18px 0 4px; }
.listing .count { color: #52606d; margin: 0 0 16px; }
.promo { display: flex; align-items: center; justify-content: space-between; background: #fff4d6; border: 1px solid #f0c75e; border-radius: 8px; padding: 12px 18px; margin-bottom: 18px; }
.promo a { font-weight: bold; }
.grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 18px; }
.product-card { border: 1px solid #d9e2ec; border-radius: 8px; padding: 12px; background: #ffffff; }
.product-card img { width: 100%; height: auto; border-radius: 6px; }
.product-card h2 { font-size: 16px; margin: 10px 0 6px; line-height: 1.3; min-height: 42px; }
.product-card h2 a { color: #1a1a1a; text-decoration: none; }
.product-card h2 a:hover { text-decoration: underline; }
.card-price { margin: 0; font-size: 18px; font-weight: bold; color: #1a1a1a; }
.card-price del { font-weight: normal; font-size: 14px; color: #616e7c; margin-left: 6px; }
.card-price .sale { color: #a61b1b; }
.pagination { display: flex; gap: 8px; justify-content: center; margin: 28px 0 0; font-size: 16px; }
.pagination a, .pagination span { padding: 6px 12px; border: 1px solid #bcccdc; border-radius: 6px; text-decoration: none; }
.pagination span[aria-current] { background: #1f2933; color: #ffffff; border-color: #1f2933; }
.pagination .disabled { color: #9aa5b1; }

/* ---- product area: shared ---- */
.product { margin: 18px auto 0; }
.product h1 { margin: 0; }
.product .ean { font-size: 16px; color: #333333; margin: 8px 0 0; }
.product .stock { font-size: 16px; color: #1d6b2a; margin: 10px 0 0; }
.product .tax { font-size: 14px; color: #52606d; margin: 4px 0 0; }
.product .unit-price { font-size: 15px; color: #333333; margin: 4px 0 0; }
.product .description { font-size: 16px; margin: 16px 0 0; max-width: 560px; }

/* ---- template: classic (serif, image left) ---- */
body.tpl-classic .product { max-width: 1000px; font-family: "DejaVu Serif", serif; display: grid; grid-template-columns: 300px 1fr; gap: 40px; padding: 24px; background: #ffffff; }
body.tpl-classic .gallery img { width: 300px; height: 300px; border: 1px solid #cbd2d9; }
body.tpl-classic .product h1 { font-size: 30px; font-weight: bold; line-height: 1.25; color: #111111; }
body.tpl-classic .sku { font-size: 18px; color: #222222; margin: 12px 0 0; }
body.tpl-classic .price { margin: 18px 0 0; }
body.tpl-classic .price .current { font-size: 34px; font-weight: bold; color: #111111; }
body.tpl-classic .price .current.sale { color: #8f1414; }
body.tpl-classic .price del { font-size: 20px; color: #52606d; margin-left: 14px; }

/* ---- template: card (sans, rounded card on grey) ---- */
body.tpl-card { background: #eef1f5; }
body.tpl-card .product { max-width: 980px; display: grid; grid-template-columns: 260px 1fr; gap: 36px; padding: 32px; background: #ffffff; border-radius: 18px; box-shadow: 0 6px 24px rgba(31, 41, 51, 0.12); }
body.tpl-card .media svg { width: 260px; height: 260px; }
body.tpl-card .badge { display: inline-block; font-size: 18px; font-weight: bold; color: #0a2f6b; background: #e3ecfb; border-radius: 999px; padding: 4px 14px; margin: 0 0 12px; }
body.tpl-card .product h1 { font-size: 26px; font-weight: bold; line-height: 1.3; color: #102a43; }
body.tpl-card .price { margin: 16px 0 0; display: flex; align-items: baseline; gap: 14px; flex-wrap: wrap; }
body.tpl-card .price .current { font-size: 36px; font-weight: bold; color: #0a2f6b; }
body.tpl-card .price s { font-size: 20px; color: #52606d; }
body.tpl-card .price .save { font-size: 16px; font-weight: bold; color: #0e5a2a; background: #d8f3dc; border-radius: 6px; padding: 2px 8px; }
body.tpl-card .ean { font-family: "DejaVu Sans Mono", monospace; }
body.tpl-card .buy { margin-top: 18px; font: inherit; font-size: 16px; font-weight: bold; color: #ffffff; background: #0a2f6b; border: 0; border-radius: 10px; padding: 10px 22px; }

/* ---- template: catalogue (dense spec sheet, monospace values) ---- */
body.tpl-catalogue .product { max-width: 900px; border: 2px solid #3e4c59; padding: 18px 22px; font-family: "DejaVu Sans", sans-serif; font-stretch: condensed; }
body.tpl-catalogue .product h1 { font-size: 24px; font-weight: bold; border-bottom: 2px solid #3e4c59; padding-bottom: 8px; }
body.tpl-catalogue .sheet { display: grid; grid-template-columns: 170px 1fr; gap: 22px; margin-top: 14px; }
body.tpl-catalogue .sheet img { width: 170px; height: 170px; }
body.tpl-catalogue table { border-collapse: collapse; width: 100%; font-size: 17px; }
body.tpl-catalogue th { text-align: left; font-weight: normal; color: #333333; padding: 5px 18px 5px 0; width: 170px; vertical-align: baseline; }
body.tpl-catalogue td { font-family: "DejaVu Sans Mono", monospace; color: #111111; padding: 5px 0; vertical-align: baseline; }
body.tpl-catalogue tr + tr th, body.tpl-catalogue tr + tr td { border-top: 1px solid #e4e7eb; }
body.tpl-catalogue tr.price-row td { font-size: 24px; font-weight: bold; }
body.tpl-catalogue tr.price-row del { font-size: 16px; font-weight: normal; color: #52606d; margin-left: 12px; }
body.tpl-catalogue .description { font-size: 16px; }

/* ---- template: outlet (sale layout, name on a dark band) ---- */
body.tpl-outlet .product { max-width: 1000px; border: 1px solid #cbd2d9; border-radius: 4px; overflow: hidden; }
body.tpl-outlet .band { background: #9b1020; color: #ffffff; padding: 18px 24px; display: flex; align-items: center; justify-content: space-between; gap: 20px; }
body.tpl-outlet .product h1 { font-size: 28px; font-weight: bold; color: #ffffff; }
body.tpl-outlet .band .pct { font-size: 22px; font-weight: bold; color: #1a1a1a; background: #ffd43b; border-radius: 4px; padding: 4px 10px; white-space: nowrap; }
body.tpl-outlet .band .tag { font-size: 18px; font-weight: bold; color: #1a1a1a; background: #ffffff; border-radius: 4px; padding: 4px 10px; white-space: nowrap; }
body.tpl-outlet .body { display: grid; grid-template-columns: 1fr 240px; gap: 32px; padding: 22px 24px 26px; }
body.tpl-outlet .was { font-size: 20px; color: #52606d; margin: 0; }
body.tpl-outlet .price { margin: 10px 0 0; }
body.tpl-outlet .price .current { font-size: 44px; font-weight: bold; color: #111111; letter-spacing: 0.5px; }
body.tpl-outlet .saving { font-size: 16px; font-weight: bold; color: #0e5a2a; margin: 2px 0 0; }
body.tpl-outlet .sku { font-size: 18px; margin: 14px 0 0; color: #222222; }
body.tpl-outlet .sku strong { font-family: "DejaVu Sans Mono", monospace; }
body.tpl-outlet .pic svg, body.tpl-outlet .pic img { width: 240px; height: 240px; }

/* ---- about ---- */
.about { max-width: 760px; margin: 24px auto; padding: 0 24px; font-size: 16px; }
"""


def head(title, prefix, extra=""):
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f'<link rel="stylesheet" href="{prefix}assets/shop.css">\n'
        f"{extra}</head>\n"
    )


def header(prefix):
    home = prefix or "./"
    return (
        '<header class="site-header"><div class="bar">'
        f'<a class="logo" href="{home}">Werkhaus</a>'
        f'<nav aria-label="Hauptnavigation"><a href="{home}">Alle Produkte</a>'
        f'<a href="{prefix}about/">Über uns</a></nav>'
        '<span class="cart">Warenkorb (0)</span>'
        "</div></header>\n"
        '<div class="notice">Demo-Shop für Stagewire · keine echten Bestellungen</div>\n'
    )


def footer(prefix):
    return (
        '<footer class="site-footer">'
        f"{SHOP_NAME} · Versandkostenfrei ab 50,00 € · "
        f'<a href="{prefix}about/">Impressum</a>'
        "</footer>\n</body>\n</html>\n"
    )


def page_href(prefix, n):
    return (prefix or "./") if n == 1 else f"{prefix}page/{n}/"


def listing_page(n, pages, items, total, promo):
    prefix = "" if n == 1 else "../../"
    links = ""
    if n > 1:
        links += f'<link rel="prev" href="{page_href(prefix, n - 1)}">\n'
    if n < pages:
        links += f'<link rel="next" href="{page_href(prefix, n + 1)}">\n'
    title = f"Alle Produkte – Seite {n} – {SHOP_NAME}" if n > 1 else f"Alle Produkte – {SHOP_NAME}"
    out = [head(title, prefix, links), '<body class="listing-page">\n', header(prefix)]
    out.append('<div class="wrap listing">\n')
    out.append("<h1>Alle Produkte</h1>\n")
    first = (n - 1) * PER_PAGE + 1
    last = first + len(items) - 1
    out.append(f'<p class="count">{total} Produkte · Seite {n} von {pages} · '
               f"Produkte {first}–{last}</p>\n")
    if promo:
        out.append(
            '<div class="promo"><span>Angebot der Woche: '
            f'<strong>{html.escape(promo["name"])}</strong> für {price_html(promo["price"], promo["fmt"])}</span>'
            f'<a class="promo-link" href="{prefix}products/{promo["slug"]}/">Zum Angebot</a></div>\n')
    out.append('<section class="grid" aria-label="Produkte">\n')
    for p in items:
        price = price_html(p["price"], p["fmt"])
        if p["old"]:
            price = f'<span class="sale">{price}</span><del>{price_html(p["old"], p["fmt"])}</del>'
        out.append(
            f'<article class="product-card" data-article="{p["article"]}">'
            f'<img src="{prefix}images/{p["slug"]}.svg" alt="" width="240" height="240">'
            f'<h2><a class="product-link" href="{prefix}products/{p["slug"]}/">{html.escape(p["name"])}</a></h2>'
            f'<p class="card-price">{price}</p>'
            "</article>\n")
    out.append("</section>\n")
    nav = ['<nav class="pagination" aria-label="Seiten">']
    if n > 1:
        nav.append(f'<a rel="prev" href="{page_href(prefix, n - 1)}">« Zurück</a>')
    else:
        nav.append('<span class="disabled">« Zurück</span>')
    for k in range(1, pages + 1):
        if k == n:
            nav.append(f'<span aria-current="page">{k}</span>')
        else:
            rel = ' rel="next"' if k == n + 1 else (' rel="prev"' if k == n - 1 else "")
            nav.append(f'<a{rel} href="{page_href(prefix, k)}">{k}</a>')
    if n < pages:
        nav.append(f'<a rel="next" class="next" href="{page_href(prefix, n + 1)}">Weiter »</a>')
    else:
        nav.append('<span class="disabled">Weiter »</span>')
    nav.append("</nav>\n")
    out.append("".join(nav))
    out.append("</div>\n")
    out.append(footer(prefix))
    return "".join(out)


def pct_off(p):
    return int(((p["old"] - p["price"]) / p["old"] * 100).to_integral_value(rounding="ROUND_HALF_UP"))


def product_main(p, prefix):
    name = html.escape(p["name"])
    label = html.escape(p["label_text"])
    art = p["article"]
    price = price_html(p["price"], p["fmt"])
    old = price_html(p["old"], p["fmt"]) if p["old"] else None
    ean = p["ean_code"]
    desc = html.escape(p["desc"])
    img = (f'<img src="{prefix}images/{p["slug"]}.svg" alt="{html.escape(p["name"], quote=True)}" '
           'width="240" height="240">')
    unit = f'<p class="unit-price">{html.escape(p["unit"])}</p>' if p["unit"] else ""
    t = p["template"]
    attrs = f'class="product" data-product data-template="{t}"'

    if t == "classic":
        sale = " sale" if old else ""
        oldh = f' <del class="old-price">{old}</del>' if old else ""
        return (
            f"<main {attrs}>\n"
            f'<div class="gallery">{img}</div>\n'
            '<div class="details">\n'
            f'<h1 class="product-name">{name}</h1>\n'
            f'<p class="sku">{label} <span class="article-number">{art}</span></p>\n'
            f'<p class="price"><span class="current{sale}">{price}</span>{oldh}</p>\n'
            f"{unit}"
            '<p class="tax">inkl. MwSt., zzgl. Versandkosten</p>\n'
            + (f'<p class="ean">EAN: {ean}</p>\n' if ean else "")
            + '<p class="stock">Auf Lager, Lieferzeit 1–3 Werktage</p>\n'
            f'<p class="description">{desc}</p>\n'
            "</div>\n</main>\n")

    if t == "card":
        save = f'<span class="save">Save {pct_off(p)}%</span>' if old else ""
        oldh = f"<s>{old}</s>" if old else ""
        return (
            f"<main {attrs}>\n"
            f'<div class="media">{product_svg(p, inline=True)}</div>\n'
            '<div class="info">\n'
            f'<p class="badge">{label} <span class="article-number">{art}</span></p>\n'
            f'<h1 class="product-name">{name}</h1>\n'
            f'<p class="price"><span class="current">{price}</span>{oldh}{save}</p>\n'
            f"{unit}"
            '<p class="tax">incl. VAT, plus shipping</p>\n'
            + (f'<p class="ean">EAN {ean}</p>\n' if ean else "")
            + f'<p class="description">{desc}</p>\n'
            '<button class="buy" type="button" disabled>Add to cart</button>\n'
            "</div>\n</main>\n")

    if t == "catalogue":
        rows = [f'<tr><th scope="row">{label}</th><td class="article-number">{art}</td></tr>']
        if ean:
            rows.append(f'<tr><th scope="row">EAN</th><td class="ean-code">{ean}</td></tr>')
        oldh = f"<del>statt {old}</del>" if old else ""
        rows.append(f'<tr class="price-row"><th scope="row">Preis</th><td>{price}{oldh}</td></tr>')
        if p["unit"]:
            rows.append(f'<tr><th scope="row">Grundpreis</th><td>{html.escape(p["unit"].split(": ", 1)[-1])}</td></tr>')
        for k, v in p["facts"]:
            rows.append(f'<tr><th scope="row">{html.escape(k)}</th><td>{html.escape(v)}</td></tr>')
        return (
            f"<main {attrs}>\n"
            f'<h1 class="product-name">{name}</h1>\n'
            '<div class="sheet">\n'
            f"<div>{img}</div>\n"
            '<div>\n<table class="specs">\n' + "\n".join(rows) + "\n</table>\n"
            f'<p class="description">{desc}</p>\n'
            "</div>\n</div>\n</main>\n")

    if t == "outlet":
        badge = (f'<span class="pct">-{pct_off(p)} %</span>' if old
                 else '<span class="tag">Outlet</span>')
        was = f'<p class="was">statt <del>{old}</del></p>\n' if old else ""
        saving = ""
        if old:
            saving = (f'<p class="saving">Sie sparen '
                      f'{price_html(p["old"] - p["price"], p["fmt"])}</p>\n')
        return (
            f"<main {attrs}>\n"
            f'<div class="band"><h1 class="product-name">{name}</h1>{badge}</div>\n'
            '<div class="body">\n<div class="info">\n'
            f"{was}"
            f'<p class="price"><span class="current">{price}</span></p>\n'
            f"{saving}{unit}"
            '<p class="tax">inkl. MwSt., zzgl. Versandkosten</p>\n'
            f'<p class="sku">{label} <strong class="article-number">{art}</strong></p>\n'
            + (f'<p class="ean">EAN {ean}</p>\n' if ean else "")
            + f'<p class="description">{desc}</p>\n'
            "</div>\n"
            f'<div class="pic">{img}</div>\n'
            "</div>\n</main>\n")
    raise ValueError(t)


def product_page(p, products):
    prefix = "../../"
    listing = page_href(prefix, p["page"])
    crumbs = (f'<nav class="breadcrumb" aria-label="Brotkrümel"><a href="{prefix}">Start</a> › '
              f'<a href="{listing}">Alle Produkte, Seite {p["page"]}</a> › {html.escape(p["name"])}</nav>\n')
    i = p["index"]
    prev_p = products[i - 1] if i > 0 else None
    next_p = products[i + 1] if i + 1 < len(products) else None
    pnav = '<nav class="product-nav" aria-label="Blättern">'
    pnav += (f'<a class="prev-product" href="{prefix}products/{prev_p["slug"]}/">‹ Vorheriges Produkt</a>'
             if prev_p else "<span></span>")
    pnav += f'<a href="{listing}">Zur Übersicht</a>'
    pnav += (f'<a class="next-product" href="{prefix}products/{next_p["slug"]}/">Nächstes Produkt ›</a>'
             if next_p else "<span></span>")
    pnav += "</nav>\n"
    return (head(f"{p['name']} – {SHOP_NAME}", prefix)
            + f'<body class="product-page tpl-{p["template"]}">\n'
            + header(prefix) + crumbs + product_main(p, prefix) + pnav + footer(prefix))


def about_page(products):
    prefix = "../"
    counts = {t: sum(1 for p in products if p["template"] == t) for t in TEMPLATES}
    body = (
        '<div class="about">\n<h1>Über diesen Shop</h1>\n'
        f"<p>Der {SHOP_NAME} ist ein statischer Test-Shop für Stagewire. Er enthält "
        f"{len(products)} erfundene Produkte in vier Seitenvorlagen "
        + ", ".join(f"{t} ({c})" for t, c in counts.items())
        + ". Es gibt keine echten Bestellungen.</p>\n"
        "<p>Die Seiten werden von <code>deploy/demo-shop/generate.py</code> erzeugt.</p>\n"
        "</div>\n")
    return (head(f"Über uns – {SHOP_NAME}", prefix) + '<body class="about-page">\n'
            + header(prefix) + body + footer(prefix))


# ---------------------------------------------------------------------------
# Price list (.xlsx, hand-written SpreadsheetML)
# ---------------------------------------------------------------------------

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
XLSX_HEADER = ("Article number", "Name", "Price", "EAN")


def col_letter(i):
    return "ABCD"[i]


def xlsx_bytes(rows, title=None, creator="Stagewire demo-shop generator"):
    """rows: list of (article, name, Decimal price, ean or None). Returns the .xlsx bytes.

    title (default: "<SHOP_NAME> price list") and creator go into docProps; other generators
    (deploy/market-shop/generate.py) import this function and pass their own.
    """
    if title is None:
        title = f"{SHOP_NAME} price list"
    strings, index, refs = [], {}, [0]

    def sst(s):
        refs[0] += 1
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    # styles: 0 default, 1 bold header, 2 price #,##0.00, 3 text (@)
    sheet_rows = []
    cells = "".join(f'<c r="{col_letter(i)}1" t="s" s="1"><v>{sst(h)}</v></c>'
                    for i, h in enumerate(XLSX_HEADER))
    sheet_rows.append(f'<row r="1">{cells}</row>')
    for r, (article, name, price, ean) in enumerate(rows, start=2):
        c = [f'<c r="A{r}" t="s" s="3"><v>{sst(article)}</v></c>',
             f'<c r="B{r}" t="s"><v>{sst(name)}</v></c>',
             f'<c r="C{r}" s="2"><v>{format(price.quantize(Decimal("0.01")), "f")}</v></c>']
        if ean:
            c.append(f'<c r="D{r}" t="s" s="3"><v>{sst(ean)}</v></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(c)}</row>')
    last = len(rows) + 1

    sheet = (
        XML_DECL + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
        f'<dimension ref="A1:D{last}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/>'
        '<cols><col min="1" max="1" width="16" customWidth="1"/>'
        '<col min="2" max="2" width="70" customWidth="1"/>'
        '<col min="3" max="3" width="12" customWidth="1"/>'
        '<col min="4" max="4" width="16" customWidth="1"/></cols>'
        "<sheetData>" + "".join(sheet_rows) + "</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>")

    shared = (
        XML_DECL + f'<sst xmlns="{NS_MAIN}" count="{refs[0]}" '
        f'uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{xml_escape(s)}</t></si>" for s in strings) + "</sst>")

    styles = (
        XML_DECL + f'<styleSheet xmlns="{NS_MAIN}">'
        '<fonts count="2">'
        '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/></font>'
        '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/></font>'
        "</fonts>"
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="4">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>")

    workbook = (
        XML_DECL + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        '<sheets><sheet name="Price list" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>")

    workbook_rels = (
        XML_DECL + f'<Relationships xmlns="{NS_PKG_R}">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>")

    root_rels = (
        XML_DECL + f'<Relationships xmlns="{NS_PKG_R}">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>")

    core = (
        XML_DECL +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title>"
        f"<dc:creator>{xml_escape(creator)}</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>")

    app = (
        XML_DECL +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{xml_escape(creator)}</Application>"
        "</Properties>")

    content_types = (
        XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>")

    parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", root_rels),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
        ("xl/styles.xml", styles),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            z.writestr(info, text.encode("utf-8"), compresslevel=9)
    return buf.getvalue()


def verify_xlsx(data, rows):
    """Structural OOXML checks and a read-back of the cells; raises on any problem."""
    import posixpath
    import xml.etree.ElementTree as ET
    z = zipfile.ZipFile(io.BytesIO(data))
    assert z.testzip() is None
    names = set(z.namelist())
    docs = {n: ET.fromstring(z.read(n)) for n in names}  # every part is well-formed XML
    ct = docs["[Content_Types].xml"]
    ns_ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {e.get("Extension") for e in ct.iter(ns_ct + "Default")}
    overrides = {e.get("PartName") for e in ct.iter(ns_ct + "Override")}
    for o in overrides:
        assert o.lstrip("/") in names, f"content type for missing part {o}"
    for n in names - {"[Content_Types].xml"}:
        assert "/" + n in overrides or n.rsplit(".", 1)[-1] in defaults, f"no content type for {n}"
    for n in names:
        if not n.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(n))
        for r in docs[n].iter("{%s}Relationship" % NS_PKG_R):
            target = posixpath.normpath(posixpath.join(base, r.get("Target")))
            assert target in names, f"{n}: dangling relationship to {target}"
    m = "{%s}" % NS_MAIN
    strings = ["".join(t.text or "" for t in si.iter(m + "t")) for si in docs["xl/sharedStrings.xml"].iter(m + "si")]
    got = []
    for row in docs["xl/worksheets/sheet1.xml"].iter(m + "row"):
        vals = {}
        for c in row.iter(m + "c"):
            v = c.find(m + "v").text
            vals[c.get("r")[0]] = strings[int(v)] if c.get("t") == "s" else Decimal(v)
        got.append(tuple(vals.get(k) for k in "ABCD"))
    want = [XLSX_HEADER] + [(a, n, p.quantize(Decimal("0.01")), e) for a, n, p, e in rows]
    assert got == want, "price list read-back differs"


# ---------------------------------------------------------------------------
# expected.json
# ---------------------------------------------------------------------------


def expected_json(products, pages):
    """Written by hand so prices are exact decimals (JSON numbers with two decimals)."""
    def s(v):
        return json.dumps(v, ensure_ascii=False)

    def num(v):
        return "null" if v is None else dec_json(v)

    statuses = [p["status"] for p in products]
    lines = ["{"]
    lines.append(f'  "shop": {s(SHOP_NAME)},')
    lines.append('  "startPath": "/",')
    lines.append(f'  "listingPages": {s([page_href("/", n) for n in range(1, pages + 1)])},')
    lines.append(f'  "productsPerPage": {PER_PAGE},')
    lines.append(f'  "currency": {s(CURRENCY)},')
    lines.append('  "priceList": "price-list.xlsx",')
    lines.append('  "selectors": {"productLink": "a.product-link", "nextPage": "a[rel=next]", '
                 '"productArea": "[data-product]", "productName": "[data-product] h1"},')
    lines.append('  "summary": {'
                 f'"products": {len(products)}, '
                 f'"matched": {statuses.count("matched")}, '
                 f'"priceDiffers": {statuses.count("price-differs")}, '
                 f'"missing": {statuses.count("missing")}, '
                 f'"withEan": {sum(1 for p in products if p["ean_code"])}, '
                 f'"onSale": {sum(1 for p in products if p["old"])}'
                 "},")
    lines.append('  "products": [')
    items = []
    for p in products:
        items.append(
            "    {"
            f'"slug": {s(p["slug"])}, "path": {s(p["path"])}, "listingPage": {p["page"]}, '
            f'"template": {s(p["template"])}, "article": {s(p["article"])}, "name": {s(p["name"])}, '
            f'"price": {num(p["price"])}, "currency": {s(CURRENCY)}, "priceText": {s(p["price_text"])}, '
            f'"oldPrice": {num(p["old"])}, "ean": {s(p["ean_code"])}, '
            f'"listPrice": {num(p["list_price"])}, "status": {s(p["status"])}, '
            f'"hardCases": {s(p["hard_cases"])}'
            "}")
    lines.append(",\n".join(items))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # must stay valid JSON
    return text


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def generate(out_dir):
    products = enrich(PRODUCTS)
    pages = (len(products) + PER_PAGE - 1) // PER_PAGE
    site = os.path.join(out_dir, "site")
    if os.path.isdir(site):
        shutil.rmtree(site)

    write(os.path.join(site, "assets", "shop.css"), CSS)
    write(os.path.join(site, "robots.txt"), "User-agent: *\nAllow: /\n")
    promo = next(p for p in products if p["template"] == "outlet" and p["old"])
    for n in range(1, pages + 1):
        items = products[(n - 1) * PER_PAGE:n * PER_PAGE]
        rel = "index.html" if n == 1 else os.path.join("page", str(n), "index.html")
        write(os.path.join(site, rel), listing_page(n, pages, items, len(products),
                                                    promo if n == 1 else None))
    for p in products:
        write(os.path.join(site, "images", p["slug"] + ".svg"), product_svg(p) + "\n")
        write(os.path.join(site, "products", p["slug"], "index.html"), product_page(p, products))
    write(os.path.join(site, "about", "index.html"), about_page(products))

    rows = sorted((p["article"], p["name"], p["list_price"], p["ean_code"])
                  for p in products if p["status"] != "missing")
    xlsx = xlsx_bytes(rows)
    verify_xlsx(xlsx, rows)
    write(os.path.join(out_dir, "price-list.xlsx"), xlsx)
    write(os.path.join(out_dir, "expected.json"), expected_json(products, pages))
    return products


def tree_diff(a, b):
    diffs = []
    for root, _, files in os.walk(a):
        for f in files:
            pa = os.path.join(root, f)
            rel = os.path.relpath(pa, a)
            pb = os.path.join(b, rel)
            if not os.path.exists(pb):
                diffs.append(f"missing: {rel}")
            elif not filecmp.cmp(pa, pb, shallow=False):
                diffs.append(f"differs: {rel}")
    for root, _, files in os.walk(os.path.join(b, "site")):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), b)
            if not os.path.exists(os.path.join(a, rel)):
                diffs.append(f"stale: {rel}")
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=HERE, help="output directory (default: next to this script)")
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary directory and compare with --out")
    ap.add_argument("--list", action="store_true", help="print the product table as Markdown and exit")
    args = ap.parse_args()
    if args.list:
        print("| # | Page | Template | Article | Name | Shop price | Old price | EAN | List price | Status |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for p in enrich(PRODUCTS):
            print(f"| {p['index'] + 1} | {p['page']} | {p['template']} | {p['article']} | {p['name']} | "
                  f"{p['price_text']} | {p['old_text'] or ''} | {p['ean_code'] or ''} | "
                  f"{dec_json(p['list_price']) or '—'} | {p['status']} |")
        return
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp)
            diffs = tree_diff(tmp, args.out)
        if diffs:
            print("demo shop is out of date; run generate.py:\n  " + "\n  ".join(diffs))
            sys.exit(1)
        print("demo shop is up to date")
        return
    products = generate(args.out)
    st = [p["status"] for p in products]
    print(f"wrote {len(products)} products to {os.path.join(args.out, 'site')}, "
          f"price-list.xlsx ({st.count('matched')} matched, {st.count('price-differs')} price differs, "
          f"{st.count('missing')} missing) and expected.json")


if __name__ == "__main__":
    main()
