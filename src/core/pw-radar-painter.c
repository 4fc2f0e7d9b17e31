/* pw-radar-painter.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-radar-painter"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "pw-radar-painter.h"

/**
 * PwRadarPainter:
 *
 * Draws the radar ("spider") chart of the dimensions of an assessment with
 * cairo and pango, the same on screen and in exported documents: one axis
 * per dimension, concentric rings for the phases 1 to 5 with their numbers,
 * the current round as a filled polygon in the accent colour with its
 * points, the previous round, when given, as a dashed outline, and at the
 * end of each axis the dimension's name and value.
 *
 * A value below 1 (NAN by convention) means "no score".  Such an axis is
 * never drawn as 0: it has no point, its axis line is dashed, its label says
 * "no score", and the current polygon bridges it with a dotted line while
 * the previous round's outline leaves a gap.
 *
 * The caller gives the colours, the pango context (whose font description
 * is the labels' font) and the size.  pw_radar_painter_layout() places
 * everything, the largest chart that keeps every label inside the size, off
 * the chart and clear of the other labels: labels wrap onto more lines, move
 * apart along their side, and only when that is not enough get a smaller
 * font (down to 70 %).  The ring numbers go along the gap between two axes
 * where the current round is lowest, on their rings' lines;
 * pw_radar_painter_draw() draws it, within the size, at the origin of the
 * cairo context.  After a layout the painter answers where a value is drawn
 * and where each label lies.
 */

#define N_RINGS         5
#define MAX_VALUE       5.0
#define LABEL_GAP       10.0
#define EDGE_PADDING    4.0
#define MIN_RADIUS      24.0
#define MIN_LABEL_WIDTH 56
#define ALIGN_THRESHOLD 0.25
#define RING_CLEARANCE  2.0
#define SEPARATE_ROUNDS 60
/* A name cut short costs more than a step down in the font: "Beteiligung
 * von SMEs & Mitarbeitend…" at 800×600 in German reads worse than a
 * tenth smaller. */
#define CUT_COST        40.0
#define SCALE_COST      20.0

struct _PwRadarPainter
{
  GObject                parent_instance;

  guint                  n_axes;
  char                 **labels;
  double                *current;
  double                *previous;      /* NULL without a previous round */

  PwRadarColors          colors;

  /* From the last layout */
  PangoLayout          **layouts;       /* one per axis */
  PangoLayout           *ring_layout;
  cairo_rectangle_t     *label_rects;   /* one per axis */
  cairo_rectangle_t      ring_rects[N_RINGS];
  double                 ring_angle;    /* the direction the ring numbers are set along */
  double                 width;
  double                 height;
  double                 center_x;
  double                 center_y;
  double                 radius;
};

G_DEFINE_FINAL_TYPE (PwRadarPainter, pw_radar_painter, G_TYPE_OBJECT)

/**
 * pw_radar_painter_has_value:
 *
 * Returns: %TRUE when @value is a score (1 to 5), %FALSE for "no score"
 */
gboolean
pw_radar_painter_has_value (double value)
{
  return !isnan (value) && value >= 1.0;
}

static double
get_angle (PwRadarPainter *self,
           guint           axis)
{
  return -G_PI / 2.0 + 2.0 * G_PI * axis / self->n_axes;
}

static void
set_source (cairo_t            *cr,
            const PwRadarColor *color,
            double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
clear_layout (PwRadarPainter *self)
{
  for (guint i = 0; self->layouts != NULL && i < self->n_axes; i++)
    g_clear_object (&self->layouts[i]);
  g_clear_pointer (&self->layouts, g_free);
  g_clear_pointer (&self->label_rects, g_free);
  g_clear_object (&self->ring_layout);
  self->radius = 0;
}

static PangoLayout *
create_axis_layout (PwRadarPainter             *self,
                    PangoContext               *context,
                    const PangoFontDescription *font,
                    guint                       axis,
                    int                         width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autofree char *name = g_markup_escape_text (self->labels[axis], -1);
  g_autofree char *value = NULL;
  g_autofree char *markup = NULL;
  PangoRectangle logical;
  double dx = cos (get_angle (self, axis));

  if (pw_radar_painter_has_value (self->current[axis]))
    value = g_strdup_printf ("%.1f", self->current[axis]);
  else
    /* Translators: below a dimension's name in the radar chart when it has no score */
    value = g_markup_escape_text (_("no score"), -1);

  markup = g_strdup_printf ("%s\n<span size=\"smaller\" font_features=\"tnum\">%s</span>",
                            name, value);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* At most three lines per paragraph: the name, then the value. */
  pango_layout_set_height (layout, -3);
  /* Between words; within a word only when one is wider than the label. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (logical.width > width)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  if (dx > ALIGN_THRESHOLD)
    pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  else if (dx < -ALIGN_THRESHOLD)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  else
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  return layout;
}

/* Where a label's box lies relative to its anchor point, which is on the
 * axis just outside the outer ring.
 */
static void
get_label_box (double          dx,
               double          dy,
               PangoRectangle *logical,
               double         *x0,
               double         *x1,
               double         *y0,
               double         *y1)
{
  if (dx > ALIGN_THRESHOLD)
    *x0 = 0;
  else if (dx < -ALIGN_THRESHOLD)
    *x0 = -logical->width;
  else
    *x0 = -logical->width / 2.0;
  *x1 = *x0 + logical->width;

  if (dy > ALIGN_THRESHOLD)
    *y0 = 0;
  else if (dy < -ALIGN_THRESHOLD)
    *y0 = -logical->height;
  else
    *y0 = -logical->height / 2.0;
  *y1 = *y0 + logical->height;
}

/* The largest radius that keeps every label inside the size. */
static double
fit_radius (PwRadarPainter *self)
{
  double cx = self->width / 2.0;
  double cy = self->height / 2.0;
  double radius = MIN (self->width, self->height) / 2.0 - EDGE_PADDING;

  for (guint i = 0; i < self->n_axes; i++)
    {
      PangoRectangle logical;
      double angle = get_angle (self, i);
      double dx = cos (angle);
      double dy = sin (angle);
      double x0, x1, y0, y1;

      pango_layout_get_pixel_extents (self->layouts[i], NULL, &logical);
      get_label_box (dx, dy, &logical, &x0, &x1, &y0, &y1);

      if (dx > 1e-3)
        radius = MIN (radius, (self->width - EDGE_PADDING - cx - x1) / dx - LABEL_GAP);
      else if (dx < -1e-3)
        radius = MIN (radius, (cx + x0 - EDGE_PADDING) / -dx - LABEL_GAP);

      if (dy > 1e-3)
        radius = MIN (radius, (self->height - EDGE_PADDING - cy - y1) / dy - LABEL_GAP);
      else if (dy < -1e-3)
        radius = MIN (radius, (cy + y0 - EDGE_PADDING) / -dy - LABEL_GAP);
    }

  return MAX (radius, MIN_RADIUS);
}

/* Where each label is drawn: its logical box, with its top left corner on
 * whole pixels so that the text is crisp. */
static void
place_labels (PwRadarPainter *self)
{
  for (guint i = 0; i < self->n_axes; i++)
    {
      PangoRectangle logical;
      double angle = get_angle (self, i);
      double dx = cos (angle);
      double dy = sin (angle);
      double anchor_x = self->center_x + (self->radius + LABEL_GAP) * dx;
      double anchor_y = self->center_y + (self->radius + LABEL_GAP) * dy;
      double x0, x1, y0, y1;

      pango_layout_get_pixel_extents (self->layouts[i], NULL, &logical);
      get_label_box (dx, dy, &logical, &x0, &x1, &y0, &y1);

      /* The layout's origin is moved by its logical offset, so the box
       * starts at the rounded anchor plus x0, y0. */
      self->label_rects[i].x = round (anchor_x + x0 - logical.x) + logical.x;
      self->label_rects[i].y = round (anchor_y + y0 - logical.y) + logical.y;
      self->label_rects[i].width = logical.width;
      self->label_rects[i].height = logical.height;
    }
}

static gboolean
rects_intersect (const cairo_rectangle_t *a,
                 const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The distance from the centre to the nearest point of @rect. */
static double
distance_to_rect (PwRadarPainter          *self,
                  const cairo_rectangle_t *rect)
{
  double nx = CLAMP (self->center_x, rect->x, rect->x + rect->width);
  double ny = CLAMP (self->center_y, rect->y, rect->y + rect->height);

  return hypot (nx - self->center_x, ny - self->center_y);
}

static void
clamp_into_area (PwRadarPainter    *self,
                 cairo_rectangle_t *rect)
{
  rect->x = MIN (rect->x, self->width - EDGE_PADDING - rect->width);
  rect->x = MAX (rect->x, EDGE_PADDING);
  rect->y = MIN (rect->y, self->height - EDGE_PADDING - rect->height);
  rect->y = MAX (rect->y, EDGE_PADDING);
}

/* Moves a label that covers the outer ring outwards, sideways for the
 * labels at the sides and up or down for those at the top and bottom. */
static void
push_off_chart (PwRadarPainter    *self,
                guint              axis,
                cairo_rectangle_t *rect)
{
  double clearance = self->radius + RING_CLEARANCE;
  double dx = cos (get_angle (self, axis));
  double dy = sin (get_angle (self, axis));

  if (distance_to_rect (self, rect) >= clearance)
    return;

  if (fabs (dx) > ALIGN_THRESHOLD)
    {
      double ny = CLAMP (self->center_y, rect->y, rect->y + rect->height) - self->center_y;
      double reach = sqrt (MAX (clearance * clearance - ny * ny, 0));

      if (dx > 0)
        rect->x = ceil (self->center_x + reach);
      else
        rect->x = floor (self->center_x - reach - rect->width);
    }
  else
    {
      double nx = CLAMP (self->center_x, rect->x, rect->x + rect->width) - self->center_x;
      double reach = sqrt (MAX (clearance * clearance - nx * nx, 0));

      if (dy > 0)
        rect->y = ceil (self->center_y + reach);
      else
        rect->y = floor (self->center_y - reach - rect->height);
    }
}

/* Parts labels that cover each other: each pair moves apart the shorter
 * way, then off the chart and back into the area, until nothing moves. */
static void
separate_labels (PwRadarPainter *self)
{
  for (guint round = 0; round < SEPARATE_ROUNDS; round++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < self->n_axes; i++)
        for (guint j = i + 1; j < self->n_axes; j++)
          {
            cairo_rectangle_t *a = &self->label_rects[i];
            cairo_rectangle_t *b = &self->label_rects[j];
            double overlap_x, overlap_y;

            if (!rects_intersect (a, b))
              continue;

            overlap_x = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
            overlap_y = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);
            if (overlap_y <= overlap_x)
              {
                double shift = ceil (overlap_y / 2.0);
                cairo_rectangle_t *upper = a->y + a->height / 2 <= b->y + b->height / 2 ? a : b;
                cairo_rectangle_t *lower = upper == a ? b : a;

                upper->y -= shift;
                lower->y += shift;
              }
            else
              {
                double shift = ceil (overlap_x / 2.0);
                cairo_rectangle_t *left = a->x + a->width / 2 <= b->x + b->width / 2 ? a : b;
                cairo_rectangle_t *right = left == a ? b : a;

                left->x -= shift;
                right->x += shift;
              }
            moved = TRUE;
          }

      for (guint i = 0; i < self->n_axes; i++)
        {
          push_off_chart (self, i, &self->label_rects[i]);
          clamp_into_area (self, &self->label_rects[i]);
        }

      if (!moved)
        break;
    }
}

/* How far the placed labels are from what they must be: pairs over each
 * other, labels leaving the area, labels over the chart. */
static guint
count_label_problems (PwRadarPainter *self)
{
  guint problems = 0;

  for (guint i = 0; i < self->n_axes; i++)
    {
      const cairo_rectangle_t *rect = &self->label_rects[i];

      if (rect->x < 0 || rect->y < 0
          || rect->x + rect->width > self->width || rect->y + rect->height > self->height)
        problems++;
      if (distance_to_rect (self, rect) < self->radius)
        problems++;
      for (guint j = 0; j < i; j++)
        if (rects_intersect (rect, &self->label_rects[j]))
          problems++;
    }

  return problems;
}

/* Lays the labels out @label_width wide in @font, the chart as large as
 * they allow, and parts them: returns what is still wrong, and in @n_cut
 * how many names are cut short or split within a word. */
static guint
try_layout (PwRadarPainter             *self,
            PangoContext               *context,
            const PangoFontDescription *font,
            int                         label_width,
            guint                      *n_cut)
{
  *n_cut = 0;
  for (guint i = 0; i < self->n_axes; i++)
    {
      g_clear_object (&self->layouts[i]);
      self->layouts[i] = create_axis_layout (self, context, font, i, label_width);
      if (pango_layout_is_ellipsized (self->layouts[i])
          || pango_layout_get_wrap (self->layouts[i]) == PANGO_WRAP_WORD_CHAR)
        (*n_cut)++;
    }

  self->radius = fit_radius (self);
  place_labels (self);
  separate_labels (self);

  return count_label_problems (self);
}

/* The ring numbers go along the middle of the gap between two axes where
 * the current round is lowest, so that the polygon covers as few of them as
 * it can, each on its ring's line, away from the labels at the axes' ends. */
static void
place_ring_labels (PwRadarPainter *self)
{
  double best = G_MAXDOUBLE;
  double half_step = G_PI / self->n_axes;
  guint gap = 0;

  for (guint i = 0; i < self->n_axes; i++)
    {
      double a = self->current[i];
      double b = self->current[(i + 1) % self->n_axes];
      double height = MAX (pw_radar_painter_has_value (a) ? a : 0,
                           pw_radar_painter_has_value (b) ? b : 0);

      if (height < best - 1e-9)
        {
          best = height;
          gap = i;
        }
    }

  self->ring_angle = get_angle (self, gap) + half_step;
  for (int ring = 1; ring <= N_RINGS; ring++)
    {
      char text[4];
      PangoRectangle logical;
      /* On the ring's line: a polygon's edge is nearer than its corners. */
      double r = self->radius * ring / MAX_VALUE * (self->n_axes >= 3 ? cos (half_step) : 1.0);
      cairo_rectangle_t *rect = &self->ring_rects[ring - 1];

      g_snprintf (text, sizeof text, "%d", ring);
      pango_layout_set_text (self->ring_layout, text, -1);
      pango_layout_get_pixel_extents (self->ring_layout, NULL, &logical);
      rect->width = logical.width;
      rect->height = logical.height;
      rect->x = round (self->center_x + r * cos (self->ring_angle) - logical.width / 2.0);
      rect->y = round (self->center_y + r * sin (self->ring_angle) - logical.height / 2.0);
    }
}

static void
draw_grid (PwRadarPainter *self,
           cairo_t        *cr)
{
  const PwRadarColors *colors = &self->colors;

  /* The rings: polygons with three axes or more, circles otherwise. */
  for (int ring = 1; ring <= N_RINGS; ring++)
    {
      if (self->n_axes >= 3)
        {
          for (guint i = 0; i < self->n_axes; i++)
            {
              double x, y;

              pw_radar_painter_get_point (self, i, ring, &x, &y);
              if (i == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          cairo_close_path (cr);
        }
      else
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->center_x, self->center_y, self->radius * ring / MAX_VALUE,
                     0, 2 * G_PI);
        }

      set_source (cr, &colors->foreground, ring == N_RINGS ? 0.28 : 0.14);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  /* The axes; those without a score are dashed. */
  for (guint i = 0; i < self->n_axes; i++)
    {
      double x, y;
      double dash[] = { 3.0, 3.0 };
      gboolean scored = pw_radar_painter_has_value (self->current[i]);

      pw_radar_painter_get_point (self, i, MAX_VALUE, &x, &y);
      cairo_move_to (cr, self->center_x, self->center_y);
      cairo_line_to (cr, x, y);
      cairo_set_dash (cr, dash, scored ? 0 : G_N_ELEMENTS (dash), 0);
      set_source (cr, &colors->foreground, scored ? 0.18 : 0.35);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_ring_labels (PwRadarPainter *self,
                  cairo_t        *cr)
{
  const PwRadarColors *colors = &self->colors;

  /* With a halo that keeps them readable over the lines and the polygon. */
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.0);
  for (int ring = 1; ring <= N_RINGS; ring++)
    {
      char text[4];
      PangoRectangle logical;

      g_snprintf (text, sizeof text, "%d", ring);
      pango_layout_set_text (self->ring_layout, text, -1);
      pango_layout_get_pixel_extents (self->ring_layout, NULL, &logical);
      cairo_move_to (cr,
                     self->ring_rects[ring - 1].x - logical.x,
                     self->ring_rects[ring - 1].y - logical.y);
      pango_cairo_layout_path (cr, self->ring_layout);
      set_source (cr, &colors->background, 0.85);
      cairo_stroke_preserve (cr);
      set_source (cr, &colors->foreground, 0.55);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* The points of a series that have a value, in axis order. */
static guint
collect_points (PwRadarPainter *self,
                const double   *values,
                guint          *indices)
{
  guint n = 0;

  for (guint i = 0; i < self->n_axes; i++)
    if (pw_radar_painter_has_value (values[i]))
      indices[n++] = i;

  return n;
}

static void
trace_polygon (PwRadarPainter *self,
               cairo_t        *cr,
               const double   *values,
               const guint    *indices,
               guint           n)
{
  for (guint k = 0; k < n; k++)
    {
      double x, y;

      pw_radar_painter_get_point (self, indices[k], values[indices[k]], &x, &y);
      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

/* Strokes the outline of a series: solid between neighbouring axes that both
 * have a value; across an axis without one, dotted with @bridge, or not at
 * all (a gap) without it.
 */
static void
stroke_outline (PwRadarPainter *self,
                cairo_t        *cr,
                const double   *values,
                const guint    *indices,
                guint           n,
                gboolean        bridge)
{
  guint n_segments = n >= 3 ? n : n - 1;

  if (n < 2)
    return;

  for (guint k = 0; k < n_segments; k++)
    {
      guint from = indices[k];
      guint to = indices[(k + 1) % n];
      gboolean adjacent = (from + 1) % self->n_axes == to;
      double x0, y0, x1, y1;

      if (!adjacent && !bridge)
        continue;

      pw_radar_painter_get_point (self, from, values[from], &x0, &y0);
      pw_radar_painter_get_point (self, to, values[to], &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);

      if (!adjacent)
        {
          double dots[] = { 1.0, 4.0 };
          double width = cairo_get_line_width (cr);

          cairo_save (cr);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
          cairo_set_line_width (cr, width * 0.75);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        {
          cairo_stroke (cr);
        }
    }
}

static void
draw_points (PwRadarPainter *self,
             cairo_t        *cr,
             const double   *values,
             const guint    *indices,
             guint           n,
             double          size,
             gboolean        filled)
{
  for (guint k = 0; k < n; k++)
    {
      double x, y;

      pw_radar_painter_get_point (self, indices[k], values[indices[k]], &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
    }

  if (filled)
    cairo_fill (cr);
  else
    cairo_stroke (cr);
}

static void
draw_previous (PwRadarPainter *self,
               cairo_t        *cr)
{
  g_autofree guint *indices = g_new (guint, self->n_axes);
  double dash[] = { 6.0, 4.0 };
  guint n = collect_points (self, self->previous, indices);

  cairo_save (cr);
  set_source (cr, &self->colors.foreground, 0.7);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  stroke_outline (self, cr, self->previous, indices, n, FALSE);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_points (self, cr, self->previous, indices, n, 2.5, FALSE);
  cairo_restore (cr);
}

static void
draw_current_fill (PwRadarPainter *self,
                   cairo_t        *cr)
{
  g_autofree guint *indices = g_new (guint, self->n_axes);
  guint n = collect_points (self, self->current, indices);

  if (n < 3)
    return;

  trace_polygon (self, cr, self->current, indices, n);
  set_source (cr, &self->colors.accent_bg, 0.28);
  cairo_fill (cr);
}

static void
draw_current_outline (PwRadarPainter *self,
                      cairo_t        *cr)
{
  g_autofree guint *indices = g_new (guint, self->n_axes);
  guint n = collect_points (self, self->current, indices);

  cairo_save (cr);
  set_source (cr, &self->colors.accent, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  stroke_outline (self, cr, self->current, indices, n, TRUE);
  draw_points (self, cr, self->current, indices, n, 4.0, TRUE);
  cairo_restore (cr);
}

static void
draw_labels (PwRadarPainter *self,
             cairo_t        *cr)
{
  for (guint i = 0; i < self->n_axes; i++)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (self->layouts[i], NULL, &logical);
      set_source (cr, &self->colors.foreground,
                  pw_radar_painter_has_value (self->current[i]) ? 1.0 : 0.55);
      cairo_move_to (cr,
                     self->label_rects[i].x - logical.x,
                     self->label_rects[i].y - logical.y);
      pango_cairo_show_layout (cr, self->layouts[i]);
    }
}

static void
pw_radar_painter_finalize (GObject *object)
{
  PwRadarPainter *self = (PwRadarPainter *)object;

  clear_layout (self);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->previous, g_free);

  G_OBJECT_CLASS (pw_radar_painter_parent_class)->finalize (object);
}

static void
pw_radar_painter_class_init (PwRadarPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_radar_painter_finalize;
}

static void
pw_radar_painter_init (PwRadarPainter *self)
{
  self->labels = g_new0 (char *, 1);
  self->colors = (PwRadarColors) {
    .foreground = { 0.0, 0.0, 0.0, 0.8 },
    .accent = { 0.11, 0.44, 0.85, 1.0 },
    .accent_bg = { 0.21, 0.52, 0.89, 1.0 },
    .background = { 1.0, 1.0, 1.0, 1.0 },
  };
}

/**
 * pw_radar_painter_new:
 *
 * Returns: (transfer full): a painter without axes, in the default
 *   Adwaita light colours
 */
PwRadarPainter *
pw_radar_painter_new (void)
{
  return g_object_new (PW_TYPE_RADAR_PAINTER, NULL);
}

/**
 * pw_radar_painter_set_series:
 * @n_axes: the number of axes
 * @labels: (array length=n_axes): the name of each axis
 * @current: (array length=n_axes): the current values, 1.0 to 5.0, or NAN
 *   (any value below 1) for no score
 * @previous: (array length=n_axes) (nullable): the values of the previous
 *   round, or %NULL to draw none
 *
 * Replaces what the chart shows.  The arrays are copied.  Lay the chart out
 * again before drawing it.
 */
void
pw_radar_painter_set_series (PwRadarPainter     *self,
                             guint               n_axes,
                             const char * const *labels,
                             const double       *current,
                             const double       *previous)
{
  g_return_if_fail (PW_IS_RADAR_PAINTER (self));
  g_return_if_fail (n_axes == 0 || labels != NULL);
  g_return_if_fail (n_axes == 0 || current != NULL);

  clear_layout (self);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->previous, g_free);

  self->n_axes = n_axes;
  self->labels = g_new0 (char *, n_axes + 1);
  for (guint i = 0; i < n_axes; i++)
    self->labels[i] = g_strdup (labels[i] != NULL ? labels[i] : "");
  self->current = g_memdup2 (current, sizeof (double) * n_axes);
  if (previous != NULL)
    self->previous = g_memdup2 (previous, sizeof (double) * n_axes);
}

guint
pw_radar_painter_get_n_axes (PwRadarPainter *self)
{
  g_return_val_if_fail (PW_IS_RADAR_PAINTER (self), 0);

  return self->n_axes;
}

/**
 * pw_radar_painter_get_axis:
 * @label: (out) (optional): the name of @axis
 * @current: (out) (optional): its current value, below 1 or NAN for no score
 * @previous: (out) (optional): its value in the previous round, NAN without
 *   a previous round
 *
 * Returns: %TRUE when the chart has a previous round
 */
gboolean
pw_radar_painter_get_axis (PwRadarPainter  *self,
                           guint            axis,
                           const char     **label,
                           double          *current,
                           double          *previous)
{
  g_return_val_if_fail (PW_IS_RADAR_PAINTER (self), FALSE);
  g_return_val_if_fail (axis < self->n_axes, FALSE);

  if (label != NULL)
    *label = self->labels[axis];
  if (current != NULL)
    *current = self->current[axis];
  if (previous != NULL)
    *previous = self->previous != NULL ? self->previous[axis] : NAN;

  return self->previous != NULL;
}

void
pw_radar_painter_set_colors (PwRadarPainter      *self,
                             const PwRadarColors *colors)
{
  g_return_if_fail (PW_IS_RADAR_PAINTER (self));
  g_return_if_fail (colors != NULL);

  self->colors = *colors;
}

static PangoFontDescription *
scale_font (const PangoFontDescription *font,
            double                      scale)
{
  PangoFontDescription *scaled = pango_font_description_copy (font);
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    return scaled;

  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (scaled, size * scale);
  else
    pango_font_description_set_size (scaled, (int) (size * scale));

  return scaled;
}

/**
 * pw_radar_painter_layout:
 * @context: the pango context the labels are drawn with, in its font
 * @width: the width to draw in
 * @height: the height to draw in
 *
 * Places the chart in a @width × @height area: centred, as large as the
 * labels at the end of the axes allow, no label over another, over the chart
 * or outside the area (when the area is too small for that at the smallest
 * font, as few such as can be).
 */
void
pw_radar_painter_layout (PwRadarPainter *self,
                         PangoContext   *context,
                         double          width,
                         double          height)
{
  static const double scales[] = { 1.0, 0.9, 0.8, 0.7 };
  const PangoFontDescription *font;
  PangoAttrList *attrs;
  guint best_problems = G_MAXUINT;
  guint best_scale = 0;
  guint best_cut = G_MAXUINT;
  double best_score = -G_MAXDOUBLE;
  int best_width = 0;
  int widest;

  g_return_if_fail (PW_IS_RADAR_PAINTER (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  clear_layout (self);
  self->width = MAX (width, 0);
  self->height = MAX (height, 0);
  self->center_x = self->width / 2.0;
  self->center_y = self->height / 2.0;

  if (self->n_axes == 0)
    return;

  self->layouts = g_new0 (PangoLayout *, self->n_axes);
  self->label_rects = g_new0 (cairo_rectangle_t, self->n_axes);
  font = pango_context_get_font_description (context);
  widest = (int) CLAMP (self->width * 0.3, 72, 200);

  /* The largest chart whose labels fit, in the font given, or else a
   * little smaller; the narrower the labels, the more lines they take.  A
   * name cut short or split inside a word costs as much as CUT_COST pixels
   * of radius, a step down in the font SCALE_COST. */
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      g_autoptr(PangoFontDescription) scaled = scale_font (font, scales[s]);

      for (int label_width = widest; label_width >= MIN_LABEL_WIDTH; label_width -= 16)
        {
          guint n_cut;
          guint problems = try_layout (self, context, scaled, label_width, &n_cut);
          double score = self->radius - CUT_COST * n_cut - SCALE_COST * s;

          if (problems < best_problems || (problems == best_problems && score > best_score))
            {
              best_problems = problems;
              best_score = score;
              best_scale = s;
              best_width = label_width;
              best_cut = n_cut;
            }
        }

      if (best_problems == 0 && best_cut == 0)
        break;
    }

  {
    g_autoptr(PangoFontDescription) scaled = scale_font (font, scales[best_scale]);
    guint n_cut;

    try_layout (self, context, scaled, best_width, &n_cut);
  }

  self->ring_layout = pango_layout_new (context);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (self->ring_layout, attrs);
  pango_attr_list_unref (attrs);
  place_ring_labels (self);
}

/**
 * pw_radar_painter_draw:
 * @cr: where to draw, the area laid out at its origin
 *
 * Draws the chart as pw_radar_painter_layout() last placed it: nothing
 * without axes or before a layout.
 */
void
pw_radar_painter_draw (PwRadarPainter *self,
                       cairo_t        *cr)
{
  g_return_if_fail (PW_IS_RADAR_PAINTER (self));
  g_return_if_fail (cr != NULL);

  if (self->n_axes == 0 || self->layouts == NULL)
    return;

  cairo_save (cr);
  draw_grid (self, cr);
  draw_current_fill (self, cr);
  if (self->previous != NULL)
    draw_previous (self, cr);
  draw_current_outline (self, cr);
  draw_ring_labels (self, cr);
  draw_labels (self, cr);
  cairo_restore (cr);
}

/**
 * pw_radar_painter_get_geometry:
 * @center_x: (out) (optional): the centre of the chart
 * @center_y: (out) (optional): the centre of the chart
 *
 * Returns: the radius of the outer ring (phase 5), 0 before a layout
 */
double
pw_radar_painter_get_geometry (PwRadarPainter *self,
                               double         *center_x,
                               double         *center_y)
{
  g_return_val_if_fail (PW_IS_RADAR_PAINTER (self), 0);

  if (center_x != NULL)
    *center_x = self->center_x;
  if (center_y != NULL)
    *center_y = self->center_y;

  return self->radius;
}

/**
 * pw_radar_painter_get_point:
 * @axis: an axis
 * @value: a value on it, 0 to 5
 * @x: (out): where @value is drawn on @axis
 * @y: (out): where @value is drawn on @axis
 */
void
pw_radar_painter_get_point (PwRadarPainter *self,
                            guint           axis,
                            double          value,
                            double         *x,
                            double         *y)
{
  double angle, r;

  g_return_if_fail (PW_IS_RADAR_PAINTER (self));
  g_return_if_fail (axis < self->n_axes);

  angle = get_angle (self, axis);
  r = self->radius * CLAMP (value, 0.0, MAX_VALUE) / MAX_VALUE;
  *x = self->center_x + r * cos (angle);
  *y = self->center_y + r * sin (angle);
}

/**
 * pw_radar_painter_get_label_rect:
 * @rect: (out): the box of the label of @axis, its name and value
 *
 * Returns: %TRUE after a layout, %FALSE before
 */
gboolean
pw_radar_painter_get_label_rect (PwRadarPainter    *self,
                                 guint              axis,
                                 cairo_rectangle_t *rect)
{
  g_return_val_if_fail (PW_IS_RADAR_PAINTER (self), FALSE);
  g_return_val_if_fail (axis < self->n_axes, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->label_rects == NULL)
    return FALSE;

  *rect = self->label_rects[axis];

  return TRUE;
}

/**
 * pw_radar_painter_find_axis:
 * @x: a point in the laid-out area
 * @y: a point in the laid-out area
 * @axis: (out): the axis nearest to the point's direction
 *
 * Returns: %TRUE when the point lies on the chart, within the outer ring
 *   and the gap before the labels, but not at its very centre
 */
gboolean
pw_radar_painter_find_axis (PwRadarPainter *self,
                            double          x,
                            double          y,
                            guint          *axis)
{
  double dx, dy, angle, step;

  g_return_val_if_fail (PW_IS_RADAR_PAINTER (self), FALSE);
  g_return_val_if_fail (axis != NULL, FALSE);

  if (self->n_axes == 0 || self->radius <= 0)
    return FALSE;

  dx = x - self->center_x;
  dy = y - self->center_y;
  if (hypot (dx, dy) > self->radius + LABEL_GAP || hypot (dx, dy) < 4.0)
    return FALSE;

  step = 2.0 * G_PI / self->n_axes;
  angle = atan2 (dy, dx) + G_PI / 2.0;
  while (angle < 0)
    angle += 2.0 * G_PI;
  *axis = ((guint) round (angle / step)) % self->n_axes;

  return TRUE;
}

/**
 * pw_radar_painter_get_ring_label_rect:
 * @ring: a ring, 1 to 5
 * @rect: (out): the box of the number of @ring
 *
 * Returns: %TRUE after a layout, %FALSE before
 */
gboolean
pw_radar_painter_get_ring_label_rect (PwRadarPainter    *self,
                                      guint              ring,
                                      cairo_rectangle_t *rect)
{
  g_return_val_if_fail (PW_IS_RADAR_PAINTER (self), FALSE);
  g_return_val_if_fail (ring >= 1 && ring <= N_RINGS, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->label_rects == NULL)
    return FALSE;

  *rect = self->ring_rects[ring - 1];

  return TRUE;
}
