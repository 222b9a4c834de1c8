"""Pictures as PNG for Word: one image per picture, at the picture's size, with ink."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image

from binational.publish.pictures.bars import month_bars
from binational.publish.pictures.png import pictures_png
from binational.publish.pictures.timeline import timeline


def test_each_picture_becomes_a_png_of_its_size():
    bars = month_bars([(2023, month, month) for month in range(1, 13)])
    strip = timeline("HLED", [dt.date(2016, 2, 25), dt.date(2021, 9, 9)], [], 2015, 2023)
    pngs = pictures_png([bars, strip], ppi=96)
    assert len(pngs) == 2
    for png, picture in zip(pngs, (bars, strip), strict=True):
        image = Image.open(io.BytesIO(png)).convert("RGB")
        assert abs(image.width - picture.width) <= 1 and abs(image.height - picture.height) <= 1
        # the bars' colour is there, and the background is white
        colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
        assert (255, 255, 255) in colours
        assert any(abs(r - 0x0B) < 8 and abs(g - 0x4F) < 8 and abs(b - 0x6C) < 8
                   for r, g, b in colours)  # fmt: skip


def test_twice_the_pixels_by_default():
    bars = month_bars([(2023, 1, 1)])
    image = Image.open(io.BytesIO(pictures_png([bars])[0]))
    assert abs(image.width - 2 * bars.width) <= 2


def test_no_pictures_no_work():
    assert pictures_png([]) == []
