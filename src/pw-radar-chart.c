/* pw-radar-chart.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-radar-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "pw-radar-chart.h"

/**
 * PwRadarChart:
 *
 * A radar ("spider") chart of the dimensions of an assessment: one axis per
 * dimension, concentric rings for the phases 1 to 5, the current round as a
 * filled polygon in the accent color and, when given, the previous round as
 * a dashed outline.
 *
 * A value below 1 (NAN by convention) means "no score".  Such an axis is
 * never drawn as 0: it has no vertex, its axis line is dashed, its label
 * says "no score", and the current polygon bridges it with a dotted line
 * while the previous round's outline leaves a gap.
 *
 * The chart is an image for assistive technologies; its description lists
 * every axis with its values, so nothing is only visible.
 */

#define N_RINGS         5
#define MAX_VALUE       5.0
#define LABEL_GAP       10.0
#define EDGE_PADDING    4.0
#define MIN_SIZE        240
#define NATURAL_SIZE    420
#define MIN_RADIUS      24.0
#define ALIGN_THRESHOLD 0.25

struct _PwRadarChart
{
  GtkWidget  parent_instance;

  guint      n_axes;
  char     **labels;
  double    *current;
  double    *previous;    /* NULL without a previous round */
  char      *description;

  /* From the last snapshot, for tooltips. */
  double     center_x;
  double     center_y;
  double     radius;
};

G_DEFINE_FINAL_TYPE (PwRadarChart, pw_radar_chart, GTK_TYPE_WIDGET)

static gboolean
has_value (double value)
{
  return !isnan (value) && value >= 1.0;
}

static double
get_angle (PwRadarChart *self,
           guint         axis)
{
  return -G_PI / 2.0 + 2.0 * G_PI * axis / self->n_axes;
}

static char *
format_axis (PwRadarChart *self,
             guint         axis)
{
  const char *label = self->labels[axis];
  double current = self->current[axis];

  if (self->previous == NULL)
    {
      if (has_value (current))
        /* Translators: one axis of the radar chart for screen readers: the dimension and
         * its score */
        return g_strdup_printf (_("%s: %.1f"), label, current);
      /* Translators: one axis of the radar chart for screen readers: a dimension without a score */
      return g_strdup_printf (_("%s: no score"), label);
    }

  if (has_value (current) && has_value (self->previous[axis]))
    /* Translators: one axis of the radar chart for screen readers: the dimension, its score and
     * its score in the previous round */
    return g_strdup_printf (_("%s: %.1f (previous round %.1f)"),
                            label, current, self->previous[axis]);
  if (has_value (current))
    /* Translators: one axis of the radar chart for screen readers: the dimension and its score,
     * which it did not have in the previous round */
    return g_strdup_printf (_("%s: %.1f (no score in the previous round)"), label, current);
  if (has_value (self->previous[axis]))
    /* Translators: one axis of the radar chart for screen readers: a dimension without a score,
     * and its score in the previous round */
    return g_strdup_printf (_("%s: no score (previous round %.1f)"),
                            label, self->previous[axis]);
  /* Translators: one axis of the radar chart for screen readers: a dimension without a score */
  return g_strdup_printf (_("%s: no score"), label);
}

static void
update_description (PwRadarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->n_axes; i++)
    {
      g_autofree char *axis = format_axis (self, i);

      if (i > 0)
        /* Translators: separates the axes in the description of the radar chart */
        g_string_append (text, _("; "));
      g_string_append (text, axis);
    }

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* Drawing */

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA accent;
  GdkRGBA accent_bg;
  GdkRGBA background;  /* behind the chart, for the halo of the ring numbers */
} Colors;

static void
get_colors (PwRadarChart *self,
            Colors       *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colors->foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colors->accent_bg))
    colors->accent_bg = colors->accent;
  /* The chart is meant to sit on a card. */
  if (!gtk_style_context_lookup_color (context, "card_bg_color", &colors->background))
    colors->background = (GdkRGBA) { 0, 0, 0, 0 };
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
create_axis_layout (PwRadarChart *self,
                    guint         axis,
                    int           width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autofree char *name = g_markup_escape_text (self->labels[axis], -1);
  g_autofree char *value = NULL;
  g_autofree char *markup = NULL;
  double dx = cos (get_angle (self, axis));

  if (has_value (self->current[axis]))
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

/* The largest radius that keeps every label inside the widget. */
static double
fit_radius (PwRadarChart  *self,
            PangoLayout  **layouts,
            double         width,
            double         height)
{
  double cx = width / 2.0;
  double cy = height / 2.0;
  double radius = MIN (width, height) / 2.0 - EDGE_PADDING;

  for (guint i = 0; i < self->n_axes; i++)
    {
      PangoRectangle logical;
      double angle = get_angle (self, i);
      double dx = cos (angle);
      double dy = sin (angle);
      double x0, x1, y0, y1;

      pango_layout_get_pixel_extents (layouts[i], NULL, &logical);
      get_label_box (dx, dy, &logical, &x0, &x1, &y0, &y1);

      if (dx > 1e-3)
        radius = MIN (radius, (width - EDGE_PADDING - cx - x1) / dx - LABEL_GAP);
      else if (dx < -1e-3)
        radius = MIN (radius, (cx + x0 - EDGE_PADDING) / -dx - LABEL_GAP);

      if (dy > 1e-3)
        radius = MIN (radius, (height - EDGE_PADDING - cy - y1) / dy - LABEL_GAP);
      else if (dy < -1e-3)
        radius = MIN (radius, (cy + y0 - EDGE_PADDING) / -dy - LABEL_GAP);
    }

  return MAX (radius, MIN_RADIUS);
}

static void
get_point (PwRadarChart *self,
           guint         axis,
           double        value,
           double       *x,
           double       *y)
{
  double angle = get_angle (self, axis);
  double r = self->radius * CLAMP (value, 0.0, MAX_VALUE) / MAX_VALUE;

  *x = self->center_x + r * cos (angle);
  *y = self->center_y + r * sin (angle);
}

static void
draw_grid (PwRadarChart *self,
           cairo_t      *cr,
           const Colors *colors)
{
  /* The rings: polygons with three axes or more, circles otherwise. */
  for (int ring = 1; ring <= N_RINGS; ring++)
    {
      if (self->n_axes >= 3)
        {
          for (guint i = 0; i < self->n_axes; i++)
            {
              double x, y;

              get_point (self, i, ring, &x, &y);
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
      gboolean scored = has_value (self->current[i]);

      get_point (self, i, MAX_VALUE, &x, &y);
      cairo_move_to (cr, self->center_x, self->center_y);
      cairo_line_to (cr, x, y);
      cairo_set_dash (cr, dash, scored ? 0 : G_N_ELEMENTS (dash), 0);
      set_source (cr, &colors->foreground, scored ? 0.18 : 0.35);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_ring_labels (PwRadarChart *self,
                  cairo_t      *cr,
                  const Colors *colors)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  /* Along the first axis, which points up, just to its right, with a halo
   * that keeps them readable over the lines.
   */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.0);
  for (int ring = 1; ring <= N_RINGS; ring++)
    {
      char text[4];
      PangoRectangle logical;
      double x, y;

      g_snprintf (text, sizeof text, "%d", ring);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      get_point (self, 0, ring, &x, &y);
      cairo_move_to (cr, x + 4, y - logical.height + 2);
      pango_cairo_layout_path (cr, layout);
      set_source (cr, &colors->background, 0.85);
      cairo_stroke_preserve (cr);
      set_source (cr, &colors->foreground, 0.55);
      cairo_fill (cr);
    }
}

/* The points of a series that have a value, in axis order. */
static guint
collect_points (PwRadarChart *self,
                const double *values,
                guint        *indices)
{
  guint n = 0;

  for (guint i = 0; i < self->n_axes; i++)
    if (has_value (values[i]))
      indices[n++] = i;

  return n;
}

static void
trace_polygon (PwRadarChart *self,
               cairo_t      *cr,
               const double *values,
               const guint  *indices,
               guint         n)
{
  for (guint k = 0; k < n; k++)
    {
      double x, y;

      get_point (self, indices[k], values[indices[k]], &x, &y);
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
stroke_outline (PwRadarChart *self,
                cairo_t      *cr,
                const double *values,
                const guint  *indices,
                guint         n,
                gboolean      bridge)
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

      get_point (self, from, values[from], &x0, &y0);
      get_point (self, to, values[to], &x1, &y1);
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
draw_points (PwRadarChart *self,
             cairo_t      *cr,
             const double *values,
             const guint  *indices,
             guint         n,
             double        size,
             gboolean      filled)
{
  for (guint k = 0; k < n; k++)
    {
      double x, y;

      get_point (self, indices[k], values[indices[k]], &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
    }

  if (filled)
    cairo_fill (cr);
  else
    cairo_stroke (cr);
}

static void
draw_previous (PwRadarChart *self,
               cairo_t      *cr,
               const Colors *colors)
{
  g_autofree guint *indices = g_new (guint, self->n_axes);
  double dash[] = { 6.0, 4.0 };
  guint n = collect_points (self, self->previous, indices);

  cairo_save (cr);
  set_source (cr, &colors->foreground, 0.7);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  stroke_outline (self, cr, self->previous, indices, n, FALSE);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_points (self, cr, self->previous, indices, n, 2.5, FALSE);
  cairo_restore (cr);
}

static void
draw_current_fill (PwRadarChart *self,
                   cairo_t      *cr,
                   const Colors *colors)
{
  g_autofree guint *indices = g_new (guint, self->n_axes);
  guint n = collect_points (self, self->current, indices);

  if (n < 3)
    return;

  trace_polygon (self, cr, self->current, indices, n);
  set_source (cr, &colors->accent_bg, 0.28);
  cairo_fill (cr);
}

static void
draw_current_outline (PwRadarChart *self,
                      cairo_t      *cr,
                      const Colors *colors)
{
  g_autofree guint *indices = g_new (guint, self->n_axes);
  guint n = collect_points (self, self->current, indices);

  cairo_save (cr);
  set_source (cr, &colors->accent, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  stroke_outline (self, cr, self->current, indices, n, TRUE);
  draw_points (self, cr, self->current, indices, n, 4.0, TRUE);
  cairo_restore (cr);
}

static void
draw_labels (PwRadarChart  *self,
             cairo_t       *cr,
             const Colors  *colors,
             PangoLayout  **layouts)
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

      pango_layout_get_pixel_extents (layouts[i], NULL, &logical);
      get_label_box (dx, dy, &logical, &x0, &x1, &y0, &y1);

      set_source (cr, &colors->foreground, has_value (self->current[i]) ? 1.0 : 0.55);
      cairo_move_to (cr,
                     round (anchor_x + x0 - logical.x),
                     round (anchor_y + y0 - logical.y));
      pango_cairo_show_layout (cr, layouts[i]);
    }
}

static void
pw_radar_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PwRadarChart *self = PW_RADAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout **layouts;
  Colors colors;
  cairo_t *cr;
  int label_width;

  if (self->n_axes == 0 || width <= 0 || height <= 0)
    return;

  get_colors (self, &colors);

  label_width = (int) CLAMP (width * 0.2, 72, 150);
  layouts = g_new0 (PangoLayout *, self->n_axes);
  for (guint i = 0; i < self->n_axes; i++)
    layouts[i] = create_axis_layout (self, i, label_width);

  self->center_x = width / 2.0;
  self->center_y = height / 2.0;
  self->radius = fit_radius (self, layouts, width, height);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw_grid (self, cr, &colors);
  draw_current_fill (self, cr, &colors);
  if (self->previous != NULL)
    draw_previous (self, cr, &colors);
  draw_current_outline (self, cr, &colors);
  draw_ring_labels (self, cr, &colors);
  draw_labels (self, cr, &colors, layouts);

  cairo_destroy (cr);

  for (guint i = 0; i < self->n_axes; i++)
    g_object_unref (layouts[i]);
  g_free (layouts);
}

static void
pw_radar_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = MIN_SIZE;
  *natural = NATURAL_SIZE;
}

static gboolean
pw_radar_chart_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  PwRadarChart *self = PW_RADAR_CHART (widget);
  g_autofree char *text = NULL;
  double dx, dy, angle, step;
  guint axis;

  if (self->n_axes == 0 || self->radius <= 0 || keyboard_tooltip)
    return FALSE;

  dx = x - self->center_x;
  dy = y - self->center_y;
  if (hypot (dx, dy) > self->radius + LABEL_GAP || hypot (dx, dy) < 4.0)
    return FALSE;

  /* The axis nearest to the pointer's direction. */
  step = 2.0 * G_PI / self->n_axes;
  angle = atan2 (dy, dx) + G_PI / 2.0;
  while (angle < 0)
    angle += 2.0 * G_PI;
  axis = ((guint) round (angle / step)) % self->n_axes;

  text = format_axis (self, axis);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
pw_radar_chart_finalize (GObject *object)
{
  PwRadarChart *self = (PwRadarChart *)object;

  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->previous, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pw_radar_chart_parent_class)->finalize (object);
}

static void
pw_radar_chart_class_init (PwRadarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pw_radar_chart_finalize;

  widget_class->snapshot = pw_radar_chart_snapshot;
  widget_class->measure = pw_radar_chart_measure;
  widget_class->query_tooltip = pw_radar_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "radarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pw_radar_chart_init (PwRadarChart *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Radar chart of the dimensions"),
                                  -1);
  update_description (self);
}

/**
 * pw_radar_chart_new:
 *
 * Returns: (transfer floating): a new, empty chart
 */
GtkWidget *
pw_radar_chart_new (void)
{
  return g_object_new (PW_TYPE_RADAR_CHART, NULL);
}

/**
 * pw_radar_chart_set_series:
 * @n_axes: the number of axes
 * @labels: (array length=n_axes): the name of each axis
 * @current: (array length=n_axes): the current values, 1.0 to 5.0, or NAN
 *   (any value below 1) for no score
 * @previous: (array length=n_axes) (nullable): the values of the previous
 *   round, or %NULL to draw none
 *
 * Replaces what the chart shows.  The arrays are copied.
 */
void
pw_radar_chart_set_series (PwRadarChart       *self,
                           guint               n_axes,
                           const char * const *labels,
                           const double       *current,
                           const double       *previous)
{
  g_return_if_fail (PW_IS_RADAR_CHART (self));
  g_return_if_fail (n_axes == 0 || labels != NULL);
  g_return_if_fail (n_axes == 0 || current != NULL);

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

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pw_radar_chart_get_n_axes (PwRadarChart *self)
{
  g_return_val_if_fail (PW_IS_RADAR_CHART (self), 0);

  return self->n_axes;
}

/**
 * pw_radar_chart_get_description:
 *
 * Returns: the text alternative of the chart, as given to assistive
 *   technologies
 */
const char *
pw_radar_chart_get_description (PwRadarChart *self)
{
  g_return_val_if_fail (PW_IS_RADAR_CHART (self), NULL);

  return self->description;
}
