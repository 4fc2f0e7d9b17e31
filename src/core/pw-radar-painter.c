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
 * everything, the largest chart that keeps every label inside the size;
 * pw_radar_painter_draw() draws it, within the size, at the origin of the
 * cairo context.  After a layout the painter answers where a value is drawn
 * and where each label lies.
 */

#define N_RINGS         5
#define MAX_VALUE       5.0
#define LABEL_GAP       10.0
#define EDGE_PADDING    4.0
#define MIN_RADIUS      24.0
#define ALIGN_THRESHOLD 0.25

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
create_axis_layout (PwRadarPainter *self,
                    PangoContext   *context,
                    guint           axis,
                    int             width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autofree char *name = g_markup_escape_text (self->labels[axis], -1);
  g_autofree char *value = NULL;
  g_autofree char *markup = NULL;
  double dx = cos (get_angle (self, axis));

  if (pw_radar_painter_has_value (self->current[axis]))
    value = g_strdup_printf ("%.1f", self->current[axis]);
  else
    /* Translators: below a dimension's name in the radar chart when it has no score */
    value = g_markup_escape_text (_("no score"), -1);

  markup = g_strdup_printf ("%s\n<span size=\"smaller\" font_features=\"tnum\">%s</span>",
                            name, value);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* At most three lines per paragraph: the name, then the value. */
  pango_layout_set_height (layout, -3);

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

  /* Along the first axis, which points up, just to its right, with a halo
   * that keeps them readable over the lines.
   */
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.0);
  for (int ring = 1; ring <= N_RINGS; ring++)
    {
      char text[4];
      PangoRectangle logical;
      double x, y;

      g_snprintf (text, sizeof text, "%d", ring);
      pango_layout_set_text (self->ring_layout, text, -1);
      pango_layout_get_pixel_extents (self->ring_layout, NULL, &logical);
      pw_radar_painter_get_point (self, 0, ring, &x, &y);
      cairo_move_to (cr, x + 4, y - logical.height + 2);
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

/**
 * pw_radar_painter_layout:
 * @context: the pango context the labels are drawn with, in its font
 * @width: the width to draw in
 * @height: the height to draw in
 *
 * Places the chart in a @width × @height area: centred, as large as the
 * labels at the end of the axes allow.
 */
void
pw_radar_painter_layout (PwRadarPainter *self,
                         PangoContext   *context,
                         double          width,
                         double          height)
{
  PangoAttrList *attrs;
  int label_width;

  g_return_if_fail (PW_IS_RADAR_PAINTER (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  clear_layout (self);
  self->width = MAX (width, 0);
  self->height = MAX (height, 0);
  self->center_x = self->width / 2.0;
  self->center_y = self->height / 2.0;

  if (self->n_axes == 0)
    return;

  label_width = (int) CLAMP (self->width * 0.2, 72, 150);
  self->layouts = g_new0 (PangoLayout *, self->n_axes);
  for (guint i = 0; i < self->n_axes; i++)
    self->layouts[i] = create_axis_layout (self, context, i, label_width);

  self->ring_layout = pango_layout_new (context);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (self->ring_layout, attrs);
  pango_attr_list_unref (attrs);

  self->radius = fit_radius (self);
  self->label_rects = g_new0 (cairo_rectangle_t, self->n_axes);
  place_labels (self);
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
