/* pw-report-layout.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-layout"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pw-markdown.h"
#include "pw-radar-painter.h"
#include "pw-report-layout.h"

/**
 * PwReportLayout:
 *
 * A #PwReport laid out on pages of a given size: the title page, the
 * table of contents, then the blocks, with the report's title in the
 * header and "Page 3 of 12" in the footer of every page but the title
 * page.  The PDF, the print-out and the report page's preview all draw
 * these pages, so that they agree.
 *
 * pw_report_layout_paginate() cuts every block into units (a line of a
 * paragraph's layout is where a unit may be split, a table row with its
 * wrapped cells is one unit split at its cells' line boundaries, a chart
 * or the map one unit that is never split) and flows them onto pages:
 * headings and captions keep with what follows them, a table's header row
 * comes again at the top of each page it goes on to, a section (a heading
 * of level 1) starts a page.  The content is laid out first; then the
 * table of contents, whose page numbers count its own pages.
 *
 * Text is laid out with a pango context of the caller's font map at 72
 * dots an inch, without hinting, so that a unit is a point and the pages
 * break in the same places on screen, on paper and in the PDF.  Pango
 * sets each paragraph in the direction of its text: right-to-left text
 * comes out right-aligned and in its order.
 */

#define MARGIN            (20.0 / 25.4 * 72.0)  /* 20 mm */
#define HEADER_GAP        18.0                  /* from the header's baseline to the body */
#define BLOCK_SPACE       8.0
#define CELL_PAD_X        4.0
#define CELL_PAD_Y        3.0
#define NOTICE_PAD        7.0
#define LIST_INDENT       14.0
#define TOC_NUMBER_WIDTH  36.0
#define TOC_INDENT        16.0
#define RADAR_HEIGHT      300.0
#define BODY_FONT         "Sans 10"
#define SMALL_FONT        "Sans 8.5"
#define TITLE_FONT        "Serif Bold 28"

typedef enum
{
  OP_TEXT,    /* lines of a cell's layout */
  OP_FILL,    /* a rectangle filled */
  OP_STROKE,  /* a rectangle's outline */
  OP_LINE,    /* a horizontal line from x to x + w at y */
  OP_RADAR,
  OP_MAP,
} OpKind;

typedef struct
{
  PangoLayout *layout;
  double       x;           /* relative to the left of the text area */
  double       width;
  int          n_lines;
  double      *tops;        /* each line's logical top, in points */
  double      *bottoms;
  double      *baselines;
  double      *lefts;       /* where each line starts, in its alignment */
} Cell;

typedef struct
{
  OpKind           kind;
  double           x;
  double           y;
  double           w;
  double           h;
  double           rgba[4];
  Cell            *cell;      /* OP_TEXT; owned by a unit */
  int              first_line;
  int              n_lines;
  const char      *dest;      /* OP_TEXT: the heading's anchor, where links lead */
  const char      *link;      /* OP_TEXT: the anchor it links to */
  PwRadarPainter  *radar;     /* OP_RADAR, owned by a unit */
  cairo_surface_t *picture;   /* OP_MAP, owned by the report */
  double           scale;
} Op;

typedef enum
{
  DECOR_NONE,
  DECOR_NOTICE,     /* a box around each piece */
  DECOR_HEADER_ROW, /* a table's header: shaded, ruled below */
  DECOR_ROW,        /* a table's row: ruled below */
} Decor;

typedef struct _Unit Unit;

struct _Unit
{
  GPtrArray *cells;           /* of Cell */
  gboolean   atomic;          /* never split: drawn by its ops, its cells among them */
  GPtrArray *ops;             /* an atomic unit's drawing, relative to its top */
  double     height;          /* an atomic unit's height */
  double     pad_top;
  double     pad_bottom;
  double     space_before;
  Decor      decor;
  gboolean   keep_with_next;
  gboolean   page_break_before;
  Unit      *header;          /* a table's row: the header row to repeat */
  int        entry;           /* a heading's entry, or -1 */
  const char *dest;           /* a heading's anchor */
  const char *link;           /* a table of contents' line: the anchor it leads to */
};

typedef struct
{
  char  *text;
  const char *anchor;         /* the block's */
  guint  level;
  guint  page;                /* first the page of the content, then of all */
  double y;
} Entry;

typedef struct
{
  GPtrArray *ops;             /* of Op */
  gboolean   decorated;       /* header and footer */
  PangoLayout *footer;
} Page;

typedef struct
{
  PwReportLayout *self;
  GPtrArray      *pages;      /* of Page */
  Page           *page;
  double          y;
  gboolean        at_top;
  Unit           *last_header; /* the table header last placed */
} Flow;

struct _PwReportLayout
{
  GObject       parent_instance;

  PwReport     *report;
  double        page_width;
  double        page_height;
  double        text_width;
  double        top;          /* of the body */
  double        bottom;

  PangoContext *context;
  GPtrArray    *units;        /* of Unit, every unit of the pages */
  GPtrArray    *radars;       /* of PwRadarPainter */
  GPtrArray    *pages;        /* of Page, all of them in order */
  GArray       *entries;      /* of Entry */
  PangoLayout  *header;
  gboolean      has_title_page;
};

G_DEFINE_FINAL_TYPE (PwReportLayout, pw_report_layout, G_TYPE_OBJECT)

static const double text_color[4] = { 0.12, 0.12, 0.14, 1.0 };
static const double dim_color[4] = { 0.36, 0.36, 0.40, 1.0 };
static const double rule_color[4] = { 0.78, 0.78, 0.80, 1.0 };
static const double shade_color[4] = { 0.93, 0.93, 0.95, 1.0 };
static const double notice_fill[4] = { 0.99, 0.95, 0.84, 1.0 };
static const double notice_edge[4] = { 0.80, 0.55, 0.05, 1.0 };

static void
cell_free (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_free (cell->tops);
  g_free (cell->bottoms);
  g_free (cell->baselines);
  g_free (cell->lefts);
  g_free (cell);
}

static void
op_free (Op *op)
{
  g_free (op);
}

static void
unit_free (Unit *unit)
{
  g_ptr_array_unref (unit->cells);
  g_ptr_array_unref (unit->ops);
  g_free (unit);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->ops);
  g_clear_object (&page->footer);
  g_free (page);
}

static void
entry_clear (Entry *entry)
{
  g_free (entry->text);
}

static Page *
page_new (gboolean decorated)
{
  Page *page = g_new0 (Page, 1);

  page->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  page->decorated = decorated;

  return page;
}

static Unit *
unit_new (PwReportLayout *self)
{
  Unit *unit = g_new0 (Unit, 1);

  unit->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  unit->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  unit->entry = -1;
  g_ptr_array_add (self->units, unit);

  return unit;
}

static Op *
op_new (OpKind        kind,
        double        x,
        double        y,
        double        w,
        double        h,
        const double *rgba)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  if (rgba != NULL)
    memcpy (op->rgba, rgba, sizeof op->rgba);

  return op;
}

static PangoLayout *
create_layout (PwReportLayout *self,
               const char     *font,
               double          width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  return layout;
}

/* Measures the lines of @layout, which the cell takes over */
static Cell *
cell_new (PangoLayout *layout,
          double       x,
          double       width)
{
  Cell *cell = g_new0 (Cell, 1);
  PangoLayoutIter *iter;
  int i = 0;

  cell->layout = layout;
  cell->x = x;
  cell->width = width;
  cell->n_lines = pango_layout_get_line_count (layout);
  cell->tops = g_new0 (double, cell->n_lines);
  cell->bottoms = g_new0 (double, cell->n_lines);
  cell->baselines = g_new0 (double, cell->n_lines);
  cell->lefts = g_new0 (double, cell->n_lines);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      g_assert (i < cell->n_lines);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cell->tops[i] = (double) logical.y / PANGO_SCALE;
      cell->bottoms[i] = (double) (logical.y + logical.height) / PANGO_SCALE;
      cell->lefts[i] = (double) logical.x / PANGO_SCALE;
      cell->baselines[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return cell;
}

static Cell *
add_cell (Unit        *unit,
          PangoLayout *layout,
          double       x,
          double       width)
{
  Cell *cell = cell_new (layout, x, width);

  g_ptr_array_add (unit->cells, cell);

  return cell;
}

/* A unit of one cell, the text's width, of plain @text */
static Unit *
add_text_unit (PwReportLayout *self,
               const char     *font,
               const char     *text,
               double          space_before)
{
  Unit *unit = unit_new (self);
  PangoLayout *layout = create_layout (self, font, self->text_width);

  pango_layout_set_text (layout, text, -1);
  add_cell (unit, layout, 0, self->text_width);
  unit->space_before = space_before;

  return unit;
}

/* The height of a cell's lines from @first to its end */
static double
cell_rest_height (Cell *cell,
                  int   first)
{
  if (first >= cell->n_lines)
    return 0;

  return cell->bottoms[cell->n_lines - 1] - cell->tops[first];
}

/* The least of @unit that may start a page: all of an atomic one, the
 * first line of each cell of another */
static double
unit_min_height (Unit *unit)
{
  double h = 0;

  if (unit->atomic)
    return unit->height;

  for (guint i = 0; i < unit->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (unit->cells, i);

      if (cell->n_lines > 0)
        h = MAX (h, cell->bottoms[0] - cell->tops[0]);
    }

  return h + unit->pad_top + unit->pad_bottom;
}

static double
unit_full_height (Unit *unit)
{
  double h = 0;

  if (unit->atomic)
    return unit->height;

  for (guint i = 0; i < unit->cells->len; i++)
    h = MAX (h, cell_rest_height (g_ptr_array_index (unit->cells, i), 0));

  return h + unit->pad_top + unit->pad_bottom;
}

/* Flowing units onto pages */

static void flow_place (Flow *flow, Unit *unit);

static void
flow_new_page (Flow *flow)
{
  flow->page = page_new (TRUE);
  g_ptr_array_add (flow->pages, flow->page);
  flow->y = flow->self->top;
  flow->at_top = TRUE;
}

static void
flow_init (Flow           *flow,
           PwReportLayout *self)
{
  flow->self = self;
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  flow->last_header = NULL;
  flow_new_page (flow);
}

/* A page break inside @unit's table: its header again at the top */
static void
flow_break (Flow *flow,
            Unit *unit)
{
  flow_new_page (flow);
  if (unit != NULL && unit->header != NULL && flow->last_header == unit->header)
    flow_place (flow, unit->header);
}

static void
add_decor (Flow   *flow,
           Unit   *unit,
           double  top,
           double  height)
{
  double width = flow->self->text_width;
  double left = MARGIN;

  switch (unit->decor)
    {
    case DECOR_NOTICE:
      g_ptr_array_add (flow->page->ops, op_new (OP_FILL, left, top, width, height, notice_fill));
      g_ptr_array_add (flow->page->ops, op_new (OP_FILL, left, top, 3.0, height, notice_edge));
      break;

    case DECOR_HEADER_ROW:
      g_ptr_array_add (flow->page->ops, op_new (OP_FILL, left, top, width, height, shade_color));
      g_ptr_array_add (flow->page->ops, op_new (OP_LINE, left, top + height, width, 0, dim_color));
      break;

    case DECOR_ROW:
      g_ptr_array_add (flow->page->ops, op_new (OP_LINE, left, top + height, width, 0, rule_color));
      break;

    case DECOR_NONE:
    default:
      break;
    }
}

static void
place_atomic (Flow *flow,
              Unit *unit)
{
  double space = flow->at_top ? 0 : unit->space_before;

  if (!flow->at_top && flow->y + space + unit->height > flow->self->bottom)
    {
      flow_break (flow, unit);
      space = 0;
    }
  flow->y += space;

  for (guint i = 0; i < unit->ops->len; i++)
    {
      Op *op = g_memdup2 (g_ptr_array_index (unit->ops, i), sizeof (Op));

      op->x += MARGIN;
      op->y += flow->y;
      g_ptr_array_add (flow->page->ops, op);
    }
  flow->y += unit->height;
  flow->at_top = FALSE;
}

static void
record_entry (Flow *flow,
              Unit *unit)
{
  Entry *entry;

  if (unit->entry < 0)
    return;

  entry = &g_array_index (flow->self->entries, Entry, unit->entry);
  entry->page = flow->pages->len - 1;
  entry->y = flow->y;
}

static void
flow_place (Flow *flow,
            Unit *unit)
{
  PwReportLayout *self = flow->self;
  g_autofree int *next = NULL;
  gboolean first_piece = TRUE;

  if (unit->page_break_before && !flow->at_top)
    flow_break (flow, NULL);

  if (unit->decor == DECOR_HEADER_ROW)
    flow->last_header = unit;
  else if (unit->header == NULL)
    flow->last_header = NULL;

  if (unit->atomic)
    {
      place_atomic (flow, unit);
      return;
    }

  next = g_new0 (int, unit->cells->len);

  for (;;)
    {
      double space = (flow->at_top || !first_piece) ? 0 : unit->space_before;
      double avail = self->bottom - flow->y - space - unit->pad_top - unit->pad_bottom;
      double piece = 0;
      gboolean placed = FALSE;
      gboolean done = TRUE;
      g_autofree int *counts = g_new0 (int, unit->cells->len);

      for (guint i = 0; i < unit->cells->len; i++)
        {
          Cell *cell = g_ptr_array_index (unit->cells, i);
          int n = 0;

          while (next[i] + n < cell->n_lines
                 && cell->bottoms[next[i] + n] - cell->tops[next[i]] <= avail)
            n++;
          /* A line taller than a whole page goes on one anyway */
          if (n == 0 && next[i] < cell->n_lines && flow->at_top)
            n = 1;
          counts[i] = n;
          if (n > 0)
            {
              piece = MAX (piece, cell->bottoms[next[i] + n - 1] - cell->tops[next[i]]);
              placed = TRUE;
            }
        }

      /* Not even a line here: on to the next page */
      if (!placed)
        {
          flow_break (flow, unit);
          continue;
        }

      if (first_piece)
        {
          flow->y += space;
          record_entry (flow, unit);
        }
      piece += unit->pad_top + unit->pad_bottom;
      add_decor (flow, unit, flow->y, piece);

      for (guint i = 0; i < unit->cells->len; i++)
        {
          Cell *cell = g_ptr_array_index (unit->cells, i);
          Op *op;

          if (counts[i] > 0)
            {
              op = op_new (OP_TEXT, MARGIN + cell->x, flow->y + unit->pad_top, cell->width, 0,
                           unit->decor == DECOR_HEADER_ROW ? text_color : NULL);
              op->cell = cell;
              op->first_line = next[i];
              op->n_lines = counts[i];
              op->dest = first_piece && i == 0 ? unit->dest : NULL;
              op->link = unit->link;
              g_ptr_array_add (flow->page->ops, op);
            }
          next[i] += counts[i];
          if (next[i] < cell->n_lines)
            done = FALSE;
        }

      flow->y += piece;
      flow->at_top = FALSE;
      first_piece = FALSE;

      if (done)
        break;
      flow_break (flow, unit);
    }
}

/* Flows @units from @start to before @end, keeping headings and captions
 * with what follows them (which must be in @units) */
static void
flow_units (Flow      *flow,
            GPtrArray *units,
            guint      start,
            guint      end)
{
  for (guint i = start; i < end; i++)
    {
      Unit *unit = g_ptr_array_index (units, i);

      if (unit->keep_with_next && !flow->at_top && !unit->page_break_before)
        {
          double need = 0;
          guint j = i;

          for (; j < units->len; j++)
            {
              Unit *u = g_ptr_array_index (units, j);

              need += (j == i ? unit->space_before : u->space_before);
              if (!u->keep_with_next)
                {
                  need += unit_min_height (u);
                  break;
                }
              need += unit_full_height (u);
            }

          if (flow->y + need > flow->self->bottom)
            flow_break (flow, unit);
        }

      flow_place (flow, unit);
    }
}

/* The blocks, as units */

static void
add_heading_units (PwReportLayout      *self,
                   GPtrArray           *units,
                   const PwReportBlock *block)
{
  static const char *fonts[] = { "Sans Bold 18", "Sans Bold 14", "Sans Bold 11.5" };
  guint level = CLAMP (block->level, 1, 3);
  Unit *unit = add_text_unit (self, fonts[level - 1], block->text, level == 1 ? 0 : 14);

  unit->keep_with_next = TRUE;
  unit->page_break_before = level == 1;
  unit->pad_bottom = level == 1 ? 6 : 2;
  if (level <= 2)
    {
      Entry entry = { g_strdup (block->text), block->anchor, level, 0, 0 };

      g_array_append_val (self->entries, entry);
      unit->entry = self->entries->len - 1;
      unit->dest = block->anchor;
    }
  g_ptr_array_add (units, unit);
}

static void
add_caption_unit (PwReportLayout *self,
                  GPtrArray      *units,
                  const char     *caption)
{
  Unit *unit;

  if (caption == NULL || *caption == '\0')
    return;

  unit = add_text_unit (self, "Sans Bold 10", caption, BLOCK_SPACE);
  unit->keep_with_next = TRUE;
  unit->pad_bottom = 3;
  g_ptr_array_add (units, unit);
}

/* A list item of pw_markdown_to_pango_blocks(): its marker first, a
 * bullet or a number, after the indentation of its level */
static gboolean
is_list_item (const char *text)
{
  gunichar c;

  while (*text == ' ')
    text++;
  c = g_utf8_get_char (text);
  if (c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == '-')
    return TRUE;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  while (g_ascii_isdigit (*text))
    text++;

  return *text == '.' || *text == ')';
}

/* A heading of pw_markdown_to_pango_blocks(): a bold span around it */
static gboolean
is_heading (const char *markup)
{
  const char *end = strchr (markup, '>');
  g_autofree char *tag = NULL;

  if (!g_str_has_prefix (markup, "<span ") || end == NULL)
    return FALSE;
  tag = g_strndup (markup, end - markup);

  return strstr (tag, "weight=\"bold\"") != NULL;
}

static void
add_markdown_units (PwReportLayout      *self,
                    GPtrArray           *units,
                    const PwReportBlock *block)
{
  g_auto(GStrv) blocks = pw_markdown_to_pango_blocks (block->text);
  gboolean in_list = FALSE;

  for (guint i = 0; blocks != NULL && blocks[i] != NULL; i++)
    {
      Unit *unit = unit_new (self);
      PangoLayout *layout = create_layout (self, BODY_FONT, self->text_width);
      PangoAttrList *attrs = NULL;
      g_autofree char *text = NULL;

      if (pango_parse_markup (blocks[i], -1, 0, &attrs, &text, NULL, NULL))
        {
          pango_layout_set_text (layout, text, -1);
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
      else
        {
          g_warning ("Markdown gave markup that Pango refuses: %s", blocks[i]);
          pango_layout_set_text (layout, blocks[i], -1);
        }
      add_cell (unit, layout, 0, self->text_width);
      unit->space_before = BLOCK_SPACE;

      /* A heading of the text keeps with what follows it; the items of
       * a list stand closer together than paragraphs */
      if (is_heading (blocks[i]))
        {
          unit->keep_with_next = TRUE;
          unit->space_before = 1.5 * BLOCK_SPACE;
        }
      if (is_list_item (pango_layout_get_text (layout)))
        {
          if (in_list)
            unit->space_before = 3;
          in_list = TRUE;
        }
      else
        {
          in_list = FALSE;
        }
      g_ptr_array_add (units, unit);
    }
}

static void
add_notice_units (PwReportLayout      *self,
                  GPtrArray           *units,
                  const PwReportBlock *block)
{
  Unit *unit = unit_new (self);
  PangoLayout *layout = create_layout (self, BODY_FONT, self->text_width - 2 * NOTICE_PAD - 3);

  pango_layout_set_text (layout, block->text, -1);
  add_cell (unit, layout, NOTICE_PAD + 3, self->text_width - 2 * NOTICE_PAD - 3);
  unit->pad_top = NOTICE_PAD;
  unit->pad_bottom = NOTICE_PAD;
  unit->space_before = BLOCK_SPACE;
  unit->decor = DECOR_NOTICE;
  g_ptr_array_add (units, unit);
}

static void
add_facts_units (PwReportLayout      *self,
                 GPtrArray           *units,
                 const PwReportBlock *block,
                 const char          *caption,
                 double               label_share)
{
  double label_width = self->text_width * label_share;
  double value_width = self->text_width - label_width - CELL_PAD_X;

  add_caption_unit (self, units, caption);

  for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
    {
      char **row = g_ptr_array_index (block->rows, i);
      Unit *unit = unit_new (self);
      PangoLayout *label = create_layout (self, "Sans Bold 9.5", label_width - CELL_PAD_X);
      PangoLayout *value = create_layout (self, BODY_FONT, value_width);

      pango_layout_set_text (label, row[0], -1);
      pango_layout_set_text (value, row[1] != NULL ? row[1] : "", -1);
      add_cell (unit, label, 0, label_width - CELL_PAD_X);
      add_cell (unit, value, label_width + CELL_PAD_X, value_width);
      unit->pad_top = 2;
      unit->pad_bottom = 2;
      unit->space_before = i == 0 && (caption == NULL || *caption == '\0') ? BLOCK_SPACE : 0;
      g_ptr_array_add (units, unit);
    }
}

static void
add_list_units (PwReportLayout      *self,
                GPtrArray           *units,
                const PwReportBlock *block)
{
  for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
    {
      char **row = g_ptr_array_index (block->rows, i);
      Unit *unit = unit_new (self);
      PangoLayout *bullet = create_layout (self, BODY_FONT, LIST_INDENT);
      PangoLayout *text = create_layout (self, BODY_FONT, self->text_width - LIST_INDENT);

      pango_layout_set_text (bullet, "•", -1);
      pango_layout_set_text (text, row[0], -1);
      add_cell (unit, bullet, 2, LIST_INDENT - 2);
      add_cell (unit, text, LIST_INDENT, self->text_width - LIST_INDENT);
      unit->pad_bottom = 2;
      unit->space_before = i == 0 ? BLOCK_SPACE : 0;
      g_ptr_array_add (units, unit);
    }
}

/* Column widths: each column its natural width when they all fit; else
 * a fair share each, and what the narrow ones leave to the wide ones in
 * proportion to what more they would take. */
static double *
measure_columns (PwReportLayout      *self,
                 const PwReportBlock *block,
                 guint                n_columns)
{
  g_autofree double *natural = g_new0 (double, n_columns);
  double *widths = g_new0 (double, n_columns);
  double total = 0;
  double fair = self->text_width / n_columns;
  double left = self->text_width;
  double excess = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      for (guint r = 0; r <= block->rows->len; r++)
        {
          char **row = r == 0 ? block->columns : g_ptr_array_index (block->rows, r - 1);
          g_autoptr(PangoLayout) layout = create_layout (self, r == 0 ? "Sans Bold 9.5" : "Sans 9.5", -1);
          int width;

          pango_layout_set_text (layout, row[c], -1);
          pango_layout_get_size (layout, &width, NULL);
          natural[c] = MAX (natural[c], (double) width / PANGO_SCALE + 2 * CELL_PAD_X + 1);
        }
      total += natural[c];
    }

  if (total <= self->text_width)
    {
      /* Spread what is left evenly */
      for (guint c = 0; c < n_columns; c++)
        widths[c] = natural[c] + (self->text_width - total) / n_columns;
      return widths;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      widths[c] = MIN (natural[c], fair);
      left -= widths[c];
      excess += natural[c] - widths[c];
    }
  for (guint c = 0; c < n_columns; c++)
    if (excess > 0)
      widths[c] += left * (natural[c] - widths[c]) / excess;

  return widths;
}

static Unit *
add_row_unit (PwReportLayout *self,
              GPtrArray      *units,
              char          **row,
              const double   *widths,
              guint           n_columns,
              gboolean        header)
{
  Unit *unit = unit_new (self);
  double x = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      PangoLayout *layout = create_layout (self, header ? "Sans Bold 9.5" : "Sans 9.5",
                                           widths[c] - 2 * CELL_PAD_X);

      pango_layout_set_text (layout, row[c], -1);
      add_cell (unit, layout, x + CELL_PAD_X, widths[c] - 2 * CELL_PAD_X);
      x += widths[c];
    }
  unit->pad_top = CELL_PAD_Y;
  unit->pad_bottom = CELL_PAD_Y;
  unit->decor = header ? DECOR_HEADER_ROW : DECOR_ROW;
  g_ptr_array_add (units, unit);

  return unit;
}

static void
add_table_units (PwReportLayout      *self,
                 GPtrArray           *units,
                 const PwReportBlock *block)
{
  guint n_columns = g_strv_length (block->columns);
  g_autofree double *widths = NULL;
  Unit *header;

  if (n_columns == 0)
    return;

  widths = measure_columns (self, block, n_columns);
  add_caption_unit (self, units, block->text);
  header = add_row_unit (self, units, block->columns, widths, n_columns, TRUE);
  header->keep_with_next = block->rows->len > 0;
  header->space_before = block->text != NULL && *block->text != '\0' ? 0 : BLOCK_SPACE;

  for (guint r = 0; r < block->rows->len; r++)
    {
      Unit *unit = add_row_unit (self, units, g_ptr_array_index (block->rows, r),
                                 widths, n_columns, FALSE);

      unit->header = header;
    }
}

static void
add_legend (PwReportLayout *self,
            Unit           *unit,
            double          y,
            const char     *name,
            gboolean        previous)
{
  PangoLayout *layout = create_layout (self, "Sans 9", self->text_width - 24);
  Cell *cell;
  Op *op;

  pango_layout_set_text (layout, name, -1);
  cell = add_cell (unit, layout, 20, self->text_width - 24);
  op = op_new (OP_TEXT, 20, y, cell->width, 0, NULL);
  op->cell = cell;
  op->first_line = 0;
  op->n_lines = cell->n_lines;
  g_ptr_array_add (unit->ops, op);

  if (previous)
    op = op_new (OP_STROKE, 2, y + 3, 12, 8, dim_color);
  else
    op = op_new (OP_FILL, 2, y + 3, 12, 8, (const double[]) { 0.21, 0.52, 0.89, 0.6 });
  g_ptr_array_add (unit->ops, op);
}

static void
add_radar_units (PwReportLayout      *self,
                 GPtrArray           *units,
                 const PwReportBlock *block)
{
  g_autoptr(PwRadarPainter) painter = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");
  const PangoFontDescription *old;
  g_autoptr(PangoFontDescription) saved = NULL;
  Unit *unit;
  double height = MIN (RADAR_HEIGHT, self->text_width * 0.8);
  double y;

  if (block->n_axes == 0)
    return;

  painter = pw_radar_painter_new ();
  pw_radar_painter_set_series (painter, block->n_axes, (const char * const *) block->labels,
                               block->current, block->previous);
  old = pango_context_get_font_description (self->context);
  saved = pango_font_description_copy (old);
  pango_context_set_font_description (self->context, font);
  pw_radar_painter_layout (painter, self->context, self->text_width, height);
  pango_context_set_font_description (self->context, saved);

  unit = unit_new (self);
  unit->atomic = TRUE;
  unit->space_before = BLOCK_SPACE;
  g_ptr_array_add (unit->ops, op_new (OP_RADAR, 0, 0, self->text_width, height, NULL));
  ((Op *) g_ptr_array_index (unit->ops, 0))->radar = painter;
  g_ptr_array_add (self->radars, g_steal_pointer (&painter));

  y = height + 4;
  if (block->current_name != NULL)
    {
      add_legend (self, unit, y, block->current_name, FALSE);
      y += 14;
    }
  if (block->previous != NULL && block->previous_name != NULL)
    {
      add_legend (self, unit, y, block->previous_name, TRUE);
      y += 14;
    }
  unit->height = y;
  g_ptr_array_add (units, unit);
}

static void
add_map_units (PwReportLayout      *self,
               GPtrArray           *units,
               const PwReportBlock *block)
{
  double max_height = (self->bottom - self->top) * 0.8;
  double scale;
  Unit *unit;
  Op *op;

  if (block->picture == NULL || block->picture_width <= 0 || block->picture_height <= 0)
    return;

  scale = MIN (self->text_width / block->picture_width, max_height / block->picture_height);
  unit = unit_new (self);
  unit->atomic = TRUE;
  unit->space_before = BLOCK_SPACE;
  op = op_new (OP_MAP, (self->text_width - block->picture_width * scale) / 2, 0,
               block->picture_width * scale, block->picture_height * scale, NULL);
  op->picture = block->picture;
  op->scale = scale;
  g_ptr_array_add (unit->ops, op);
  unit->height = block->picture_height * scale;

  if (block->text != NULL && *block->text != '\0')
    {
      PangoLayout *layout = create_layout (self, "Sans Italic 9", self->text_width);
      Cell *cell;

      pango_layout_set_text (layout, block->text, -1);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cell = add_cell (unit, layout, 0, self->text_width);
      op = op_new (OP_TEXT, 0, unit->height + 4, self->text_width, 0, dim_color);
      op->cell = cell;
      op->n_lines = cell->n_lines;
      g_ptr_array_add (unit->ops, op);
      unit->height += 4 + cell_rest_height (cell, 0);
    }

  g_ptr_array_add (units, unit);
}

static void
add_block_units (PwReportLayout      *self,
                 GPtrArray           *units,
                 const PwReportBlock *block)
{
  switch (block->kind)
    {
    case PW_REPORT_BLOCK_HEADING:
      add_heading_units (self, units, block);
      break;

    case PW_REPORT_BLOCK_MARKDOWN:
      add_markdown_units (self, units, block);
      break;

    case PW_REPORT_BLOCK_PARAGRAPH:
      g_ptr_array_add (units, add_text_unit (self, BODY_FONT, block->text, BLOCK_SPACE));
      break;

    case PW_REPORT_BLOCK_NOTICE:
      add_notice_units (self, units, block);
      break;

    case PW_REPORT_BLOCK_FACTS:
      add_facts_units (self, units, block, block->text, 0.3);
      break;

    case PW_REPORT_BLOCK_TABLE:
      add_table_units (self, units, block);
      break;

    case PW_REPORT_BLOCK_LIST:
      add_list_units (self, units, block);
      break;

    case PW_REPORT_BLOCK_RADAR:
      add_radar_units (self, units, block);
      break;

    case PW_REPORT_BLOCK_MAP:
      add_map_units (self, units, block);
      break;

    case PW_REPORT_BLOCK_TITLE:
    default:
      break;
    }
}

/* The title page: the title a third down, its facts under it */
static Page *
create_title_page (PwReportLayout      *self,
                   const PwReportBlock *block)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  Flow flow;
  Unit *unit;
  Page *page;

  flow_init (&flow, self);
  flow.y = self->page_height / 4;
  unit = add_text_unit (self, TITLE_FONT, block->text, 0);
  unit->pad_bottom = 24;
  g_ptr_array_add (units, unit);
  add_facts_units (self, units, block, NULL, 0.35);
  flow_units (&flow, units, 0, units->len);

  /* A title page holds one page: what would not fit is cut */
  page = g_ptr_array_steal_index (flow.pages, 0);
  page->decorated = FALSE;
  g_ptr_array_unref (flow.pages);

  return page;
}

/* The table of contents, its entries pointing @offset pages on from the
 * content's page */
static GPtrArray *
create_toc_pages (PwReportLayout *self,
                  guint           offset)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  Flow flow;
  Unit *unit;

  flow_init (&flow, self);
  /* Translators: the heading of the table of contents */
  unit = add_text_unit (self, "Sans Bold 18", _("Contents"), 0);
  unit->pad_bottom = 10;
  g_ptr_array_add (units, unit);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      double indent = entry->level == 1 ? 0 : TOC_INDENT;
      double width = self->text_width - indent - TOC_NUMBER_WIDTH - 8;
      PangoLayout *text = create_layout (self, entry->level == 1 ? "Sans Bold 10.5" : BODY_FONT,
                                         width);
      PangoLayout *number = create_layout (self, entry->level == 1 ? "Sans Bold 10.5" : BODY_FONT,
                                           TOC_NUMBER_WIDTH);
      g_autofree char *page = g_strdup_printf ("%u", entry->page + offset + 1);

      unit = unit_new (self);
      pango_layout_set_text (text, entry->text, -1);
      pango_layout_set_text (number, page, -1);
      pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
      pango_layout_set_auto_dir (number, FALSE);
      add_cell (unit, text, indent, width);
      add_cell (unit, number, self->text_width - TOC_NUMBER_WIDTH, TOC_NUMBER_WIDTH);
      unit->space_before = entry->level == 1 && i > 0 ? 8 : 3;
      unit->link = entry->anchor;
      g_ptr_array_add (units, unit);
    }
  flow_units (&flow, units, 0, units->len);

  return flow.pages;
}

static void
free_pagination (PwReportLayout *self)
{
  g_clear_object (&self->header);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->radars, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
}

static void
pw_report_layout_finalize (GObject *object)
{
  PwReportLayout *self = PW_REPORT_LAYOUT (object);

  g_clear_object (&self->report);
  g_clear_object (&self->context);
  free_pagination (self);

  G_OBJECT_CLASS (pw_report_layout_parent_class)->finalize (object);
}

static void
pw_report_layout_class_init (PwReportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pw_report_layout_finalize;
}

static void
pw_report_layout_init (PwReportLayout *self)
{
}

static void
clear_pagination (PwReportLayout *self)
{
  free_pagination (self);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  self->radars = g_ptr_array_new_with_free_func (g_object_unref);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->has_title_page = FALSE;
}

/**
 * pw_report_layout_new:
 * @report: the report to lay out
 * @page_width: the width of a page, in points
 * @page_height: the height of a page, in points
 *
 * Returns: (transfer full): a layout without pages until
 *   pw_report_layout_paginate()
 */
PwReportLayout *
pw_report_layout_new (PwReport *report,
                      double    page_width,
                      double    page_height)
{
  PwReportLayout *self;

  g_return_val_if_fail (PW_IS_REPORT (report), NULL);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, NULL);

  self = g_object_new (PW_TYPE_REPORT_LAYOUT, NULL);
  self->report = g_object_ref (report);
  self->page_width = page_width;
  self->page_height = page_height;
  self->text_width = page_width - 2 * MARGIN;
  self->top = MARGIN;
  self->bottom = page_height - MARGIN;
  clear_pagination (self);

  return self;
}

/* A context of @context's font map in points, unhinted, in the body font */
static PangoContext *
create_context (PangoContext *context)
{
  PangoContext *points = pango_font_map_create_context (pango_context_get_font_map (context));
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (BODY_FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (points, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (points, 72.0);
  pango_context_set_round_glyph_positions (points, FALSE);
  pango_context_set_font_description (points, font);
  pango_context_set_language (points, pango_language_get_default ());

  return points;
}

/**
 * pw_report_layout_paginate:
 * @context: a pango context whose font map to lay the text out with
 *   (the layout makes its own context of it, in points)
 * @progress: (nullable): called after each block, with the fraction done
 * @cancellable: (nullable): checked between blocks
 *
 * Lays the report out on pages, again from the start when called again.
 *
 * Returns: %TRUE when laid out; %FALSE with @error set when cancelled
 *   (%G_IO_ERROR_CANCELLED), the layout then without pages
 */
gboolean
pw_report_layout_paginate (PwReportLayout        *self,
                           PangoContext          *context,
                           PwReportProgressFunc   progress,
                           gpointer               user_data,
                           GCancellable          *cancellable,
                           GError               **error)
{
  guint n_blocks;
  Page *title_page = NULL;
  g_autoptr(GPtrArray) content = NULL;
  g_autoptr(GPtrArray) toc = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  Flow flow;
  guint n_toc = 0;
  guint n_front;
  guint flowed = 0;

  g_return_val_if_fail (PW_IS_REPORT_LAYOUT (self), FALSE);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_pagination (self);
  g_clear_object (&self->context);
  self->context = create_context (context);

  n_blocks = pw_report_get_n_blocks (self->report);
  flow_init (&flow, self);
  content = flow.pages;

  for (guint i = 0; i < n_blocks; i++)
    {
      const PwReportBlock *block = pw_report_get_block (self->report, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_pointer (&title_page, page_free);
          clear_pagination (self);
          return FALSE;
        }

      if (block->kind == PW_REPORT_BLOCK_TITLE)
        {
          if (title_page == NULL)
            title_page = create_title_page (self, block);
        }
      else
        {
          guint end;

          add_block_units (self, units, block);
          /* What keeps with the next block waits for it */
          for (end = units->len; end > flowed; end--)
            if (!((Unit *) g_ptr_array_index (units, end - 1))->keep_with_next)
              break;
          flow_units (&flow, units, flowed, end);
          flowed = end;
        }

      if (progress != NULL)
        progress ((double) (i + 1) / n_blocks, user_data);
    }

  flow_units (&flow, units, flowed, units->len);

  /* The table of contents, until its length is that which it counts */
  n_front = title_page != NULL ? 1 : 0;
  if (self->entries->len > 0)
    {
      n_toc = 1;
      for (guint tries = 0; tries < 4; tries++)
        {
          g_clear_pointer (&toc, g_ptr_array_unref);
          toc = create_toc_pages (self, n_front + n_toc);
          if (toc->len == n_toc)
            break;
          n_toc = toc->len;
        }
      n_toc = toc->len;
    }

  if (title_page != NULL)
    {
      g_ptr_array_add (self->pages, title_page);
      self->has_title_page = TRUE;
    }
  if (toc != NULL)
    g_ptr_array_extend_and_steal (self->pages, g_steal_pointer (&toc));
  /* Not the empty page that the content started on when there is none,
   * unless it is the only one */
  if (self->pages->len == 0 || content->len > 1
      || ((Page *) g_ptr_array_index (content, 0))->ops->len > 0)
    g_ptr_array_extend_and_steal (self->pages, g_steal_pointer (&content));
  for (guint i = 0; i < self->entries->len; i++)
    g_array_index (self->entries, Entry, i).page += n_front + n_toc;

  /* The header and the footers */
  self->header = create_layout (self, SMALL_FONT, self->text_width);
  pango_layout_set_text (self->header, pw_report_get_title (self->report), -1);
  pango_layout_set_ellipsize (self->header, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (self->header, PANGO_WRAP_WORD);
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      g_autofree char *text = NULL;

      if (!page->decorated)
        continue;

      /* Translators: the footer of a page of the report */
      text = g_strdup_printf (_("Page %u of %u"), i + 1, self->pages->len);
      page->footer = create_layout (self, SMALL_FONT, self->text_width);
      pango_layout_set_text (page->footer, text, -1);
      pango_layout_set_alignment (page->footer, PANGO_ALIGN_CENTER);
    }

  return TRUE;
}

/**
 * pw_report_layout_get_n_pages:
 *
 * Returns: the number of pages, at least one once paginated
 */
guint
pw_report_layout_get_n_pages (PwReportLayout *self)
{
  g_return_val_if_fail (PW_IS_REPORT_LAYOUT (self), 0);

  return self->pages->len;
}

static void
draw_lines (cairo_t  *cr,
            const Op *op)
{
  Cell *cell = op->cell;
  double top = cell->tops[op->first_line];

  for (int i = op->first_line; i < op->first_line + op->n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (cell->layout, i);

      cairo_move_to (cr, op->x + cell->lefts[i], op->y + cell->baselines[i] - top);
      pango_cairo_show_layout_line (cr, line);
    }
}

/* On a PDF, the headings are named destinations and the table of
 * contents links to them: cairo 1.16 drops a link to a page by its number
 * when that page comes later, but not one to a name.  Anchors are made of
 * ASCII letters, digits and dashes, safe inside the quotes. */
static void
draw_text (cairo_t  *cr,
           const Op *op)
{
  gboolean pdf = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;
  g_autofree char *dest = NULL;
  g_autofree char *link = NULL;

  if (op->rgba[3] > 0)
    cairo_set_source_rgba (cr, op->rgba[0], op->rgba[1], op->rgba[2], op->rgba[3]);
  else
    cairo_set_source_rgba (cr, text_color[0], text_color[1], text_color[2], text_color[3]);

  if (pdf && op->dest != NULL)
    {
      dest = g_strdup_printf ("name='%s'", op->dest);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
    }
  if (pdf && op->link != NULL)
    {
      link = g_strdup_printf ("dest='%s'", op->link);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
    }

  draw_lines (cr, op);

  if (link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  if (dest != NULL)
    cairo_tag_end (cr, CAIRO_TAG_DEST);
}

static void
draw_op (cairo_t  *cr,
         const Op *op)
{
  switch (op->kind)
    {
    case OP_TEXT:
      draw_text (cr, op);
      break;

    case OP_FILL:
      cairo_set_source_rgba (cr, op->rgba[0], op->rgba[1], op->rgba[2], op->rgba[3]);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_fill (cr);
      break;

    case OP_STROKE:
      cairo_set_source_rgba (cr, op->rgba[0], op->rgba[1], op->rgba[2], op->rgba[3]);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, (const double[]) { 2.0, 1.5 }, 2, 0);
      cairo_rectangle (cr, op->x + 0.5, op->y + 0.5, op->w - 1, op->h - 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case OP_LINE:
      cairo_set_source_rgba (cr, op->rgba[0], op->rgba[1], op->rgba[2], op->rgba[3]);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, op->x, op->y);
      cairo_line_to (cr, op->x + op->w, op->y);
      cairo_stroke (cr);
      break;

    case OP_RADAR:
      cairo_save (cr);
      cairo_translate (cr, op->x, op->y);
      pw_radar_painter_draw (op->radar, cr);
      cairo_restore (cr);
      break;

    case OP_MAP:
      cairo_save (cr);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_clip (cr);
      cairo_translate (cr, op->x, op->y);
      cairo_scale (cr, op->scale, op->scale);
      cairo_set_source_surface (cr, op->picture, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * pw_report_layout_draw_page:
 * @cr: where to draw: the page's origin at the top left of @cr's user
 *   space, a unit a point
 * @page: the page, from 0
 *
 * Draws a page as paginated, on what is there (the paper's white is the
 * caller's).  On a PDF surface, the table of contents links to its pages.
 */
void
pw_report_layout_draw_page (PwReportLayout *self,
                            cairo_t        *cr,
                            guint           page)
{
  Page *p;

  g_return_if_fail (PW_IS_REPORT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  for (guint i = 0; i < p->ops->len; i++)
    draw_op (cr, g_ptr_array_index (p->ops, i));

  if (p->decorated)
    {
      double y = MARGIN - HEADER_GAP;

      cairo_set_source_rgba (cr, dim_color[0], dim_color[1], dim_color[2], dim_color[3]);
      if (self->header != NULL && page >= (self->has_title_page ? 1u : 0u))
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (self->header, 0);

          cairo_move_to (cr, MARGIN, y - 4);
          pango_cairo_show_layout_line (cr, line);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, MARGIN, y);
          cairo_line_to (cr, MARGIN + self->text_width, y);
          cairo_stroke (cr);
        }
      if (p->footer != NULL)
        {
          cairo_move_to (cr, MARGIN, self->page_height - MARGIN + HEADER_GAP);
          pango_cairo_show_layout (cr, p->footer);
        }
    }
  cairo_restore (cr);
}

/**
 * pw_report_layout_get_n_entries:
 *
 * Returns: the number of headings of level 1 and 2, the entries of the
 *   table of contents and of the PDF's outline
 */
guint
pw_report_layout_get_n_entries (PwReportLayout *self)
{
  g_return_val_if_fail (PW_IS_REPORT_LAYOUT (self), 0);

  return self->entries->len;
}

/**
 * pw_report_layout_get_entry:
 * @index: the entry, from 0, in the report's order
 * @text: (out) (optional): the heading
 * @level: (out) (optional): 1 or 2
 * @page: (out) (optional): the page it is on, from 0
 * @y: (out) (optional): the top of the heading on its page, in points
 *
 * Returns: %TRUE when there is such an entry
 */
gboolean
pw_report_layout_get_entry (PwReportLayout  *self,
                            guint            index,
                            const char     **text,
                            guint           *level,
                            guint           *page,
                            double          *y)
{
  const Entry *entry;

  g_return_val_if_fail (PW_IS_REPORT_LAYOUT (self), FALSE);

  if (index >= self->entries->len)
    return FALSE;

  entry = &g_array_index (self->entries, Entry, index);
  if (text != NULL)
    *text = entry->text;
  if (level != NULL)
    *level = entry->level;
  if (page != NULL)
    *page = entry->page;
  if (y != NULL)
    *y = entry->y;

  return TRUE;
}
