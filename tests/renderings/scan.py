"""Make an image-only ("scanned") PDF from a PDF: rasterise each page at 150 dpi
with light noise and, on some pages, a slight rotation. For OCR tests."""

from __future__ import annotations

import random
from pathlib import Path


def scan_pdf(pdf, out, dpi: int = 150, rotate_every: int = 3, seed: int = 1, max_pages: int | None = None) -> Path:
    import pypdfium2 as pdfium

    rnd = random.Random(seed)
    document = pdfium.PdfDocument(str(pdf))
    images = []
    for index, page in enumerate(document):
        if max_pages is not None and index >= max_pages:
            break
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        if index % rotate_every == 1:
            image = image.rotate(rnd.uniform(-0.5, 0.5), fillcolor=255)
        pixels = image.load()
        for _ in range(2000):  # specks, as a scanner leaves them
            pixels[rnd.randrange(image.width), rnd.randrange(image.height)] = rnd.randrange(150, 256)
        images.append(image.convert("RGB"))
    document.close()
    out = Path(out)
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    return out
