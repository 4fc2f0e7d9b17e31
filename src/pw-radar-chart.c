/* pw-radar-chart.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-radar-chart"

#include "config.h"


#include <glib/gi18n.h>

#include "phasewise-core.h"
#include "pw-radar-chart.h"

/**
 * PwRadarChart:
 *
 * A radar ("spider") chart of the dimensions of an assessment: one axis per
 * dimension, concentric rings for the phases 1 to 5, the current round as a
 * filled polygon in the accent color and, when given, the previous round as
 * a dashed outline.  #PwRadarPainter draws it, in the colours and the font
 * of the widget's style, so that exported documents show the same chart;
 * the widget measures itself, explains each axis in a tooltip and describes
 * the chart to assistive technologies.
 *
 * A value below 1 (NAN by convention) means "no score": see
 * #PwRadarPainter.
 *
 * The chart is an image for assistive technologies; its description lists
 * every axis with its values, so nothing is only visible.
 */

#define MIN_SIZE     240
#define NATURAL_SIZE 420

struct _PwRadarChart
{
  GtkWidget       parent_instance;

  /* Laid out at each snapshot; the last layout answers tooltips. */
  PwRadarPainter *painter;
  char           *description;
};

G_DEFINE_FINAL_TYPE (PwRadarChart, pw_radar_chart, GTK_TYPE_WIDGET)

static char *
format_axis (PwRadarChart *self,
             guint         axis)
{
  const char *label;
  double current, previous;
  gboolean with_previous, has_current;
  g_autofree char *now = NULL;

  with_previous = pw_radar_painter_get_axis (self->painter, axis, &label, &current, &previous);
  has_current = pw_radar_painter_has_value (current);
  now = pw_result_text_dimension_value (has_current, current);

  if (with_previous && pw_radar_painter_has_value (previous))
    {
      g_autofree char *before = pw_result_text_dimension_value (TRUE, previous);

      /* Translators: one axis of the radar chart for screen readers: the dimension, its score
       * or "no score", and its score in the previous round, "Strategy: 3.4 (previous round 2.8)" */
      return g_strdup_printf (_("%s: %s (previous round %s)"), label, now, before);
    }

  if (with_previous && has_current)
    /* Translators: one axis of the radar chart for screen readers: the dimension and its score,
     * which it did not have in the previous round */
    return g_strdup_printf (_("%s: %s (no score in the previous round)"), label, now);

  /* Translators: one axis of the radar chart for screen readers: the dimension and its score
   * or "no score", "Strategy: 3.4" */
  return g_strdup_printf (C_("radar axis", "%s: %s"), label, now);
}

static void
update_description (PwRadarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < pw_radar_painter_get_n_axes (self->painter); i++)
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

/* Whether two values read the same: the same score, or both none */
static gboolean
same_value (double a,
            double b)
{
  if (!pw_radar_painter_has_value (a) || !pw_radar_painter_has_value (b))
    return pw_radar_painter_has_value (a) == pw_radar_painter_has_value (b);

  return a == b;
}

/* Whether the chart shows these series already */
static gboolean
shows_series (PwRadarChart       *self,
              guint               n_axes,
              const char * const *labels,
              const double       *current,
              const double       *previous)
{
  if (pw_radar_painter_get_n_axes (self->painter) != n_axes)
    return FALSE;

  for (guint i = 0; i < n_axes; i++)
    {
      const char *label;
      double now, before;

      if (pw_radar_painter_get_axis (self->painter, i, &label, &now, &before) != (previous != NULL)
          || g_strcmp0 (label, labels[i] != NULL ? labels[i] : "") != 0
          || !same_value (now, current[i])
          || (previous != NULL && !same_value (before, previous[i])))
        return FALSE;
    }

  return TRUE;
}

/* Drawing */

static void
set_color (PwRadarColor  *color,
           const GdkRGBA *rgba)
{
  *color = (PwRadarColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* The painter draws in the colours of the style. */
static void
get_colors (PwRadarChart  *self,
            PwRadarColors *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA foreground, accent, accent_bg, background;

  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent_bg))
    accent_bg = accent;
  /* The chart is meant to sit on a card. */
  if (!gtk_style_context_lookup_color (context, "card_bg_color", &background))
    background = (GdkRGBA) { 0, 0, 0, 0 };

  set_color (&colors->foreground, &foreground);
  set_color (&colors->accent, &accent);
  set_color (&colors->accent_bg, &accent_bg);
  set_color (&colors->background, &background);
}

static void
pw_radar_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PwRadarChart *self = PW_RADAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PwRadarColors colors;
  cairo_t *cr;

  if (pw_radar_painter_get_n_axes (self->painter) == 0 || width <= 0 || height <= 0)
    return;

  get_colors (self, &colors);
  pw_radar_painter_set_colors (self->painter, &colors);
  /* The widget's context carries the font of the style. */
  pw_radar_painter_layout (self->painter, gtk_widget_get_pango_context (widget), width, height);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pw_radar_painter_draw (self->painter, cr);
  cairo_destroy (cr);
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
  guint axis;

  if (keyboard_tooltip || !pw_radar_painter_find_axis (self->painter, x, y, &axis))
    return FALSE;

  text = format_axis (self, axis);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
pw_radar_chart_finalize (GObject *object)
{
  PwRadarChart *self = (PwRadarChart *)object;

  g_clear_object (&self->painter);
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
  self->painter = pw_radar_painter_new ();

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
 * Replaces what the chart shows, unless it shows these already.  The
 * arrays are copied.
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

  if (shows_series (self, n_axes, labels, current, previous))
    return;

  pw_radar_painter_set_series (self->painter, n_axes, labels, current, previous);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pw_radar_chart_get_n_axes (PwRadarChart *self)
{
  g_return_val_if_fail (PW_IS_RADAR_CHART (self), 0);

  return pw_radar_painter_get_n_axes (self->painter);
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
