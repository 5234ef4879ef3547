"""Charts and maps as PNG images drawn on the server (matplotlib Agg: no browser, no network,
deterministic), with the app's data, colour-blind-safe palettes and classes, for the PDF fact
sheet and the slide deck. Titles are not drawn: the PDF and the slides give them as text.

Every function returns PNG bytes of exactly `size` = (width, height) pixels at `dpi` dots per
inch (so the image is width / dpi inches wide). `font_size` is the base text size in points:
the default reads on a projected 16:9 slide filled by a 1600 × 900 image at 150 dpi; the PDF
draws smaller images with smaller fonts. Only the object API is used (no pyplot) and one image
is drawn at a time (a lock): images can be made from a download's worker thread. Text is drawn
as written: mathtext is off (`$…$` in an uploaded label is not a formula), see lib/safe_text.
"""

from __future__ import annotations

import functools
import io
import textwrap
import threading
from collections.abc import Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from matplotlib.ticker import FuncFormatter, MaxNLocator

from lib import geo, trends, vocabulary
from lib.alliance_figures import Bar, ChartGroup
from lib.charts import trends as trend_charts
from lib.charts.alliances import actor_colour
from lib.classify import MISSING_COLOUR, assign_classes
from lib.data import Dataset
from lib.explore import MapView
from lib.formatting import format_number
from lib.i18n import t
from lib.maps import class_labels
from lib.profile.charts import BAR_COLOUR, NOT_AVAILABLE_COLOUR, REFERENCE_COLOUR, reference_name
from lib.safe_text import shortened

SLIDE_SIZE = (1600, 900)  # pixels: a 16:9 slide
SLIDE_DPI = 150
SLIDE_FONT = 14.0  # points
HIGHLIGHT = BAR_COLOUR  # Okabe–Ito blue: the chosen territory
CONTEXT_FILL = "#e8e8e8"  # the other territories of a locator map
EDGE = "#555555"
GRID = "#dddddd"
MISSING_HATCH = "///"  # missing values: hatched grey, in the map and its legend
LABEL_WIDTH = 34  # characters per line of a bar label
MAX_LEGEND = 80  # characters of a trend line's name (an uploaded name may be much longer)
# matplotlib's font cache is shared and not thread-safe: one image is drawn at a time
_DRAWING = threading.Lock()
# Every text as written ("$\\rule{…}$" from an upload is not TeX). Process-wide on purpose: this
# module is the app's only matplotlib drawing, and a text takes the setting when it is created.
matplotlib.rcParams["text.parse_math"] = False
matplotlib.rcParams["text.usetex"] = False


# --- shared style -------------------------------------------------------------------------------


def new_figure(size: tuple[int, int], dpi: int) -> Figure:
    """A white figure of `size` pixels at `dpi` (constrained layout: labels are never cut)."""
    width, height = size
    if min(width, height) < 50 or dpi <= 0:
        raise ValueError(f"image too small: {size} pixels at {dpi} dpi")
    # + half a pixel: Agg truncates the figure's size in pixels (1599.999… would give 1599)
    inches = ((width + 0.5) / dpi, (height + 0.5) / dpi)
    return Figure(figsize=inches, dpi=dpi, layout="constrained", facecolor="white")


def style_axes(axes, font_size: float) -> None:
    """The shared look of a chart's axes: light grid, no top or right frame, large ticks."""
    axes.set_facecolor("white")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=font_size, color=EDGE)
    axes.grid(axis="x", color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)


def to_png(figure: Figure) -> bytes:
    """The figure as PNG bytes (no timestamp or version in the file: same input, same bytes)."""
    buffer = io.BytesIO()
    with _DRAWING:
        figure.savefig(
            buffer,
            format="png",
            dpi=figure.dpi,
            metadata={"Software": None},
            pil_kwargs={
                "compress_level": 1
            },  # much faster than the default level; files ~5 % larger
        )
    return buffer.getvalue()


def wrap(label: str, width: int = LABEL_WIDTH) -> str:
    """A long label on several lines."""
    return "\n".join(textwrap.wrap(label, width)) or label


# --- maps ---------------------------------------------------------------------------------------


def _ring_path(polygon) -> tuple[list, list]:
    vertices, codes = [], []
    for ring in [polygon.exterior, *polygon.interiors]:
        points = np.asarray(ring.coords)[:, :2]
        vertices += [*points, points[0]]
        codes += [Path.MOVETO] + [Path.LINETO] * (len(points) - 1) + [Path.CLOSEPOLY]
    return vertices, codes


def _path(geometry) -> Path:
    """A (multi)polygon as one matplotlib path (holes kept)."""
    vertices, codes = [], []
    for polygon in getattr(geometry, "geoms", [geometry]):
        more_vertices, more_codes = _ring_path(polygon)
        vertices += more_vertices
        codes += more_codes
    return Path(np.asarray(vertices), codes)


@functools.cache
def display_paths(level: str) -> dict[str, Path]:
    """territory_id -> outline of every region or department as the app draws it (overseas as
    insets west of the mainland, Web Mercator metres). Read once per process."""
    frame = geo.with_overseas_insets(geo.read_boundaries(level)).to_crs(geo.WEB_MERCATOR)
    return {
        territory_id: _path(geometry)
        for territory_id, geometry in zip(frame["territory_id"], frame.geometry, strict=True)
    }


def _boundary_level(territory_ids: Sequence[str]) -> str:
    levels = {vocabulary.level_of(str(i)) for i in territory_ids}
    if levels in ({"region"}, {"department"}):
        return levels.pop()
    raise ValueError("a map shows regions or departments, not a mix of levels or communes")


def _draw_shapes(axes, paths: list[Path], colours, *, hatch: str | None = None, width=0.6):
    if paths:
        patches = [PathPatch(path) for path in paths]
        shapes = PatchCollection(
            patches, facecolors=colours, edgecolors=EDGE, linewidths=width, hatch=hatch
        )
        axes.add_collection(shapes)


def _map_axes(figure: Figure, paths: list[Path]):
    """Axes without frame, equal scale, fitting `paths`."""
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_aspect("equal")
    extents = np.array([path.get_extents().bounds for path in paths])  # x, y, width, height
    x0, y0 = extents[:, 0].min(), extents[:, 1].min()
    x1, y1 = (extents[:, 0] + extents[:, 2]).max(), (extents[:, 1] + extents[:, 3]).max()
    pad = 0.02 * max(x1 - x0, y1 - y0)
    axes.set_xlim(x0 - pad, x1 + pad)
    axes.set_ylim(y0 - pad, y1 + pad)
    return axes


def locator_territories(dataset: Dataset, territory_id: str) -> list[str]:
    """What a locator map of a territory shows: every region for a region, its region's
    departments for a department."""
    territories = dataset.territories
    level = vocabulary.level_of(territory_id)
    if level == "region":
        return list(territories.loc[territories["level"] == "region", "territory_id"])
    if level == "department":
        parent = dataset.territory_index.loc[territory_id, "parent_id"]
        return list(territories.loc[territories["parent_id"] == parent, "territory_id"])
    raise ValueError(f"no map for {territory_id!r}: a region or a department is expected")


def territory_map_png(
    dataset: Dataset,
    territory_id: str,
    *,
    size: tuple[int, int] = SLIDE_SIZE,
    dpi: int = SLIDE_DPI,
) -> bytes:
    """Locator map: `territory_id` in blue among the other regions (overseas regions as insets
    west of the mainland, as in the app) or among its region's departments, in light grey."""
    shown = locator_territories(dataset, territory_id)
    outlines = display_paths(_boundary_level(shown))
    ids = [i for i in shown if i in outlines]
    figure = new_figure(size, dpi)
    axes = _map_axes(figure, [outlines[i] for i in ids])
    others = [outlines[i] for i in ids if i != territory_id]
    _draw_shapes(axes, others, CONTEXT_FILL, width=0.5)
    _draw_shapes(axes, [outlines[territory_id]], HIGHLIGHT, width=1.2)
    return to_png(figure)


def choropleth_png(
    view: MapView,
    *,
    lang: str = "fr",
    highlight: str | None = None,
    size: tuple[int, int] = SLIDE_SIZE,
    dpi: int = SLIDE_DPI,
    font_size: float = SLIDE_FONT,
) -> bytes:
    """An indicator or index over regions or departments (`view`: lib.explore.map_view) with
    the app's quantile classes and YlOrRd colours; missing values hatched grey, named "non
    disponible" in the legend; `highlight` (a territory id) outlined in black."""
    frame = view.frame.reset_index(drop=True)
    outlines = display_paths(_boundary_level(frame["territory_id"]))
    frame = frame[frame["territory_id"].isin(outlines)]
    classes = assign_classes(frame["value"], view.classes)
    figure = new_figure(size, dpi)
    axes = _map_axes(figure, [outlines[i] for i in frame["territory_id"]])
    present = classes.notna().to_numpy()
    ids = frame["territory_id"].tolist()
    _draw_shapes(
        axes,
        [outlines[i] for i, known in zip(ids, present, strict=True) if known],
        [view.classes.colours[int(c)] for c in classes[present]],
    )
    _draw_shapes(
        axes,
        [outlines[i] for i, known in zip(ids, present, strict=True) if not known],
        MISSING_COLOUR,
        hatch=MISSING_HATCH,
    )
    if highlight in ids:
        outline = PathPatch(outlines[highlight], facecolor="none", edgecolor="black", linewidth=2.5)
        axes.add_patch(outline)
    handles = [
        Patch(facecolor=colour, edgecolor=EDGE, label=label)
        for colour, label in zip(
            view.classes.colours, class_labels(view.classes, view.decimals, lang), strict=True
        )
    ]
    handles.append(
        Patch(
            facecolor=MISSING_COLOUR,
            edgecolor=EDGE,
            hatch=MISSING_HATCH,
            label=t("not_available", lang),
        )
    )
    figure.legend(
        handles=handles,
        loc="outside right center",
        title=wrap(view.unit, 24),
        fontsize=font_size,
        title_fontsize=font_size,
        frameon=False,
    )
    return to_png(figure)


# --- bars ---------------------------------------------------------------------------------------


def domain_bars_png(
    frame: pd.DataFrame,
    method: str,
    level: str,
    *,
    lang: str = "fr",
    size: tuple[int, int] = SLIDE_SIZE,
    dpi: int = SLIDE_DPI,
    font_size: float = SLIDE_FONT,
) -> bytes:
    """The territory's domain indices against the benchmark, as the profile's bars
    (`frame`: lib.profile.DomainProfile.frame): one bar per domain with its value and rank, the
    benchmark as a black tick (median of the level) or a dashed line (100 = France); domains
    without an index read "non disponible"."""
    figure = new_figure(size, dpi)
    axes = figure.add_subplot()
    style_axes(axes, font_size)
    shown = frame["index"].notna().to_numpy()
    rows = np.arange(len(frame))
    values = frame["index"].to_numpy(dtype=float)
    references = frame["reference"].to_numpy(dtype=float)
    top = max([100.0, *values[shown], *references[shown & ~np.isnan(references)]])
    axes.barh(rows[shown], values[shown], height=0.62, color=BAR_COLOUR)
    name = reference_name(method, level, lang)
    if method == "minmax":
        axes.scatter(
            references[shown],
            rows[shown],
            marker="|",
            s=(font_size * 1.6) ** 2,
            linewidths=font_size / 5,
            color=REFERENCE_COLOUR,
            zorder=3,
        )
        reference = Line2D(
            [], [], color=REFERENCE_COLOUR, marker="|", ls="", ms=font_size, mew=font_size / 5
        )
    else:
        axes.axvline(100, color=REFERENCE_COLOUR, linestyle="--", linewidth=1.5)
        reference = Line2D([], [], color=REFERENCE_COLOUR, linestyle="--", linewidth=1.5)
    reference.set_label(name)
    texts = frame["rank_short"].tolist()  # the set is stated beside the chart
    for row, value, rank_text, known in zip(rows, values, texts, shown, strict=True):
        if known:
            text, x, colour = f"{format_number(value, 1, lang)} · {rank_text}", top * 1.04, "black"
        else:
            text, x, colour = t("not_available", lang), 0, NOT_AVAILABLE_COLOUR
        axes.text(x, row, " " + text, va="center", fontsize=font_size * 0.85, color=colour)
    axes.set_yticks(rows, [wrap(label) for label in frame["label"]])
    axes.set_ylim(len(frame) - 0.4, -0.6)  # first domain on top, clear of the axis
    axes.set_xlim(0, top * 1.45)
    axes.set_xticks(range(0, int(top) + 1, 20))
    axes.set_xlabel(t(f"index_unit_{method}", lang), fontsize=font_size)
    axes.tick_params(axis="y", labelsize=font_size * 0.85, length=0)
    figure.legend(
        handles=[Patch(color=BAR_COLOUR, label=t("profile_chart_index", lang)), reference],
        loc="outside upper left",
        ncols=2,
        fontsize=font_size,
        frameon=False,
    )
    return to_png(figure)


def _by_actor(bars: Sequence[Bar]) -> dict[str, list[Bar]]:
    by_actor: dict[str, list[Bar]] = {}
    for bar in sorted(bars, key=lambda b: b.actor_order):
        by_actor.setdefault(bar.actor_key, []).append(bar)
    return by_actor


def alliance_bars_png(
    group: ChartGroup,
    *,
    lang: str = "fr",
    size: tuple[int, int] = SLIDE_SIZE,
    dpi: int = SLIDE_DPI,
    font_size: float = SLIDE_FONT,
) -> bytes:
    """One chart of the Alliances page (`group`: one of lib.alliance_figures.chart_groups): a bar
    per figure with its value written after it, one colour per actor as on screen."""
    figure = new_figure(size, dpi)
    axes = figure.add_subplot()
    style_axes(axes, font_size)
    labels = list(dict.fromkeys(bar.label for bar in group.bars))
    by_actor = _by_actor(group.bars)
    height = 0.8 / len(by_actor)
    top = max(group.values) or 1.0
    for i, bars in enumerate(by_actor.values()):
        rows = [labels.index(bar.label) - 0.4 + height * (i + 0.5) for bar in bars]
        axes.barh(
            rows,
            [bar.value for bar in bars],
            height=height * 0.9,
            color=actor_colour(bars[0].actor_order),
            label=bars[0].actor_name,
        )
        for row, bar in zip(rows, bars, strict=True):
            axes.text(
                bar.value + top * 0.01, row, bar.value_text, va="center", fontsize=font_size * 0.9
            )
    axes.set_yticks(range(len(labels)), [wrap(label, 38) for label in labels])
    axes.set_ylim(len(labels) - 0.5, -0.5)
    axes.set_xlim(0, 108 if group.unit == "%" else top * 1.25)
    axes.set_xlabel(t("alliances_unit_" + group.unit, lang), fontsize=font_size)
    axes.tick_params(axis="y", labelsize=font_size * 0.9, length=0)
    figure.legend(loc="outside upper left", ncols=4, fontsize=font_size, frameon=False)
    return to_png(figure)


# --- trends -------------------------------------------------------------------------------------


def trend_png(
    trend: trends.Trend,
    *,
    lang: str = "fr",
    size: tuple[int, int] = SLIDE_SIZE,
    dpi: int = SLIDE_DPI,
    font_size: float = SLIDE_FONT,
    title: str | None = None,
) -> bytes:
    """One indicator over time as the profile draws it (`lib.charts.trends`): the territory,
    its reference row and its region on a true time axis (decimal years), each gap and change
    of vintage a break (nothing interpolated), `title` (the unit when None) above the values,
    the lines named below."""
    figure = new_figure(size, dpi)
    axes = figure.add_subplot()
    style_axes(axes, font_size)
    axes.grid(axis="x", visible=False)
    axes.grid(axis="y", color=GRID, linewidth=0.8)
    axis: dict[str, float] = {}  # period -> position, every period drawn
    for line in trend.lines:
        xs, ys, periods = trends.drawn(line)
        style = trend_charts.LINE_STYLES[line.role]
        axes.plot(
            xs,
            [np.nan if y is None else y for y in ys],  # NaN: a break in the line
            color=style["color"],
            linewidth=style["width"] * font_size / 14,
            linestyle={"dash": "--", "dot": ":"}.get(style.get("dash"), "-"),
            marker="o",
            markersize=font_size / 4,
            label=wrap(shortened(line.name, MAX_LEGEND), 40),
        )
        axis.update((p, x) for p, x in zip(periods, xs, strict=True) if p is not None)
    ordered = sorted(axis, key=axis.get)
    positions = [axis[p] for p in ordered]
    ticks = trend_charts.time_ticks(positions, ordered, lang)
    margin = max(0.3, (max(positions) - min(positions)) * 0.04)
    axes.set_xlim(min(positions) - margin, max(positions) + margin)
    axes.set_xticks(ticks["tickvals"], ticks["ticktext"])
    axes.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    step = np.diff(axes.get_yticks()[:2])[0]
    shown = max(0, -int(np.floor(np.log10(step)))) if step < 1 else 0
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_number(v, shown, lang)))
    heading = wrap(shortened(title or trend.unit, 2 * MAX_LEGEND), 2 * LABEL_WIDTH)
    axes.set_title(heading, loc="left", fontsize=font_size * 0.85, color=EDGE)
    figure.legend(loc="outside lower left", ncols=3, fontsize=font_size * 0.85, frameon=False)
    return to_png(figure)
