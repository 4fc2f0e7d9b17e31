/* test-radar-painter.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-radar-painter"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "pw-test-core.h"

/*
 * The radar chart, drawn by the core painter into an image as the window
 * and exported documents draw it: the polygon where the values say, the
 * previous round dashed, nothing outside the area given, and labels that
 * stay inside it without covering each other.
 */

/* Outside the chart's area, in every direction, to see what leaks out. */
#define MARGIN 40

/* Distinct colours, so that a pixel tells what was drawn there. */
static const PwRadarColors colors = {
  .foreground = { 0.0, 0.0, 0.0, 1.0 },
  .accent = { 1.0, 0.0, 0.0, 1.0 },
  .accent_bg = { 0.0, 0.0, 1.0, 1.0 },
  .background = { 1.0, 1.0, 1.0, 1.0 },
};

typedef struct
{
  PwRadarPainter  *painter;
  cairo_surface_t *surface;
  int              width;
  int              height;
} Chart;

static void
chart_clear (Chart *chart)
{
  g_clear_object (&chart->painter);
  g_clear_pointer (&chart->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chart, chart_clear)

/* The font of the window without a desktop's settings (Sans 10), at the
 * 0.9em the chart's style gives it. */
static PangoContext *
create_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");

  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_font_description (context, font);

  return context;
}

/* The dimensions of the example's latest round, in the bundled framework's order. */
static PwScore *
score_example (PwWorkbook    **workbook_out,
               PwAssessment  **previous_out,
               guint           round)
{
  PwWorkbook *workbook = pw_test_load_example ();
  g_autofree char *id = g_strdup_printf ("assessment-%u", round + 1);
  PwAssessment *assessment = pw_workbook_find_assessment (workbook, id);

  *workbook_out = workbook;
  if (previous_out != NULL)
    *previous_out = pw_workbook_get_previous_round (workbook, assessment);

  return pw_score_compute (pw_workbook_get_framework (workbook), assessment,
                           pw_workbook_get_policy (workbook));
}

static void
draw_chart (Chart              *chart,
            guint               n_axes,
            const char * const *labels,
            const double       *current,
            const double       *previous,
            int                 width,
            int                 height)
{
  PangoContext *context = create_context ();
  cairo_t *cr;

  chart->width = width;
  chart->height = height;
  chart->painter = pw_radar_painter_new ();
  pw_radar_painter_set_series (chart->painter, n_axes, labels, current, previous);
  pw_radar_painter_set_colors (chart->painter, &colors);
  pw_radar_painter_layout (chart->painter, context, width, height);
  g_object_unref (context);

  chart->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                               width + 2 * MARGIN, height + 2 * MARGIN);
  cr = cairo_create (chart->surface);
  cairo_translate (cr, MARGIN, MARGIN);
  pw_radar_painter_draw (chart->painter, cr);
  cairo_destroy (cr);
  cairo_surface_flush (chart->surface);

  /* To look at: PW_TEST_CHART_DIR=/tmp meson test … */
  if (g_getenv ("PW_TEST_CHART_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("chart-%s-%dx%d.png", labels[0], width, height);
      g_autofree char *path = NULL;

      g_strdelimit (name, " &,", '_');
      path = g_build_filename (g_getenv ("PW_TEST_CHART_DIR"), name, NULL);
      cairo_surface_write_to_png (chart->surface, path);
    }
}

/* The pixel at @x, @y of the chart's area, as premultiplied channels 0 to 255. */
static void
get_pixel (Chart *chart,
           int    x,
           int    y,
           guint *red,
           guint *green,
           guint *blue,
           guint *alpha)
{
  const guchar *data = cairo_image_surface_get_data (chart->surface);
  int stride = cairo_image_surface_get_stride (chart->surface);
  guint32 pixel;

  x += MARGIN;
  y += MARGIN;
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (chart->surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (chart->surface));

  pixel = *(const guint32 *) (const void *) (data + y * stride + x * 4);
  *alpha = (pixel >> 24) & 0xff;
  *red = (pixel >> 16) & 0xff;
  *green = (pixel >> 8) & 0xff;
  *blue = pixel & 0xff;
}

static gboolean
is_accent (Chart  *chart,
           double  x,
           double  y)
{
  guint red, green, blue, alpha;

  get_pixel (chart, (int) floor (x), (int) floor (y), &red, &green, &blue, &alpha);

  return alpha == 255 && red == 255 && green == 0 && blue == 0;
}

static void
assert_nothing_outside (Chart *chart)
{
  int surface_width = cairo_image_surface_get_width (chart->surface);
  int surface_height = cairo_image_surface_get_height (chart->surface);
  guint drawn_inside = 0;

  for (int y = -MARGIN; y < surface_height - MARGIN; y++)
    for (int x = -MARGIN; x < surface_width - MARGIN; x++)
      {
        guint red, green, blue, alpha;
        gboolean inside = x >= 0 && y >= 0 && x < chart->width && y < chart->height;

        get_pixel (chart, x, y, &red, &green, &blue, &alpha);
        if (!inside && alpha != 0)
          g_error ("Drawn outside the chart's %d×%d area at %d, %d",
                   chart->width, chart->height, x, y);
        if (inside && alpha != 0)
          drawn_inside++;
      }

  g_assert_cmpuint (drawn_inside, >, 0);
}

static gboolean
rects_intersect (const cairo_rectangle_t *a,
                 const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Every label inside the area, and no two labels over each other. Returns
 * the number of pairs that overlap. */
static guint
check_labels (Chart *chart)
{
  guint n = pw_radar_painter_get_n_axes (chart->painter);
  guint overlaps = 0;

  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t rect;

      g_assert_true (pw_radar_painter_get_label_rect (chart->painter, i, &rect));
      g_assert_cmpfloat (rect.width, >, 0);
      g_assert_cmpfloat (rect.height, >, 0);
      g_assert_cmpfloat (rect.x, >=, 0);
      g_assert_cmpfloat (rect.y, >=, 0);
      g_assert_cmpfloat (rect.x + rect.width, <=, chart->width);
      g_assert_cmpfloat (rect.y + rect.height, <=, chart->height);

      for (guint j = 0; j < i; j++)
        {
          cairo_rectangle_t other;

          pw_radar_painter_get_label_rect (chart->painter, j, &other);
          if (rects_intersect (&rect, &other))
            {
              const char *label, *other_label;

              pw_radar_painter_get_axis (chart->painter, i, &label, NULL, NULL);
              pw_radar_painter_get_axis (chart->painter, j, &other_label, NULL, NULL);
              g_test_message ("At %d×%d, the labels of “%s” and “%s” overlap",
                              chart->width, chart->height, label, other_label);
              overlaps++;
            }
        }
    }

  return overlaps;
}

typedef struct
{
  guint   n;
  char  **labels;
  double *current;
  double *previous;
} Series;

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->labels, g_strfreev);
  g_clear_pointer (&series->current, g_free);
  g_clear_pointer (&series->previous, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Series, series_clear)

/* As the result view passes them: the current round, and the previous one. */
static void
example_series (Series *series)
{
  g_autoptr(PwWorkbook) workbook = NULL;
  PwAssessment *previous = NULL;
  g_autoptr(PwScore) score = score_example (&workbook, &previous, 1);
  g_autoptr(PwScore) before = pw_score_compute (pw_workbook_get_framework (workbook), previous,
                                                pw_workbook_get_policy (workbook));

  series->n = score->n_dimensions;
  series->labels = g_new0 (char *, series->n + 1);
  series->current = g_new (double, series->n);
  series->previous = g_new (double, series->n);
  for (guint i = 0; i < series->n; i++)
    {
      series->labels[i] = g_strdup (score->dimensions[i].dimension->name);
      series->current[i] = score->dimensions[i].score;
      series->previous[i] = before->dimensions[i].score;
    }
}

/* Each value is drawn where it says, in the accent colour; nowhere else on its axis. */
static void
test_polygon (void)
{
  g_auto(Series) series = { 0 };
  g_auto(Chart) chart = { 0 };
  double cx, cy, radius;

  example_series (&series);
  draw_chart (&chart, series.n, (const char * const *) series.labels, series.current, NULL,
              420, 420);

  radius = pw_radar_painter_get_geometry (chart.painter, &cx, &cy);
  g_assert_cmpfloat (cx, ==, 210);
  g_assert_cmpfloat (cy, ==, 210);
  g_assert_cmpfloat (radius, >, 100);

  for (guint i = 0; i < series.n; i++)
    {
      double x, y, other_x, other_y, other;

      pw_radar_painter_get_point (chart.painter, i, series.current[i], &x, &y);
      g_assert_cmpfloat_with_epsilon (hypot (x - cx, y - cy),
                                      radius * series.current[i] / 5.0, 1e-9);
      /* Clockwise from the top, evenly */
      g_assert_cmpfloat_with_epsilon (atan2 (y - cy, x - cx),
                                      remainder (-G_PI / 2 + 2 * G_PI * i / series.n, 2 * G_PI),
                                      1e-9);
      g_assert_true (is_accent (&chart, x, y));

      /* A phase away on the same axis, there is no point. */
      other = series.current[i] >= 3 ? series.current[i] - 1 : series.current[i] + 1;
      pw_radar_painter_get_point (chart.painter, i, other, &other_x, &other_y);
      g_assert_false (is_accent (&chart, other_x, other_y));
    }

  /* The first axis points up. */
  {
    double x, y;

    pw_radar_painter_get_point (chart.painter, 0, 5.0, &x, &y);
    g_assert_cmpfloat_with_epsilon (x, cx, 1e-9);
    g_assert_cmpfloat_with_epsilon (y, cy - radius, 1e-9);
  }

  assert_nothing_outside (&chart);
}

/* An axis without a score has no point: never drawn as 0 or 1. */
static void
test_no_score (void)
{
  const char *labels[] = { "One", "Two", "Three", "Four", "Five" };
  double current[] = { 3.0, NAN, 2.0, 4.0, 0.0 };
  g_auto(Chart) chart = { 0 };
  double cx, cy, radius;

  draw_chart (&chart, G_N_ELEMENTS (labels), labels, current, NULL, 300, 300);
  radius = pw_radar_painter_get_geometry (chart.painter, &cx, &cy);

  g_assert_true (is_accent (&chart, cx, cy - radius * 0.6));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double x, y;

      if (pw_radar_painter_has_value (current[i]))
        continue;

      for (double value = 0.0; value <= 1.0; value += 0.5)
        {
          pw_radar_painter_get_point (chart.painter, i, value, &x, &y);
          g_assert_false (is_accent (&chart, x, y));
        }
    }

  assert_nothing_outside (&chart);
}

/* The previous round: a dashed outline, drawn and left out in turn. */
static void
test_previous_dashed (void)
{
  const char *labels[] = { "One", "Two", "Three", "Four", "Five", "Six" };
  double current[] = { 2.0, 2.0, 2.0, 2.0, 2.0, 2.0 };
  double previous[] = { 4.5, 4.5, 4.5, 4.5, 4.5, 4.5 };
  g_auto(Chart) chart = { 0 };
  double x0, y0, x1, y1;
  guint drawn = 0, samples = 0;

  draw_chart (&chart, G_N_ELEMENTS (labels), labels, current, previous, 400, 400);

  /* Along the segment from the second axis to the third, away from the points */
  pw_radar_painter_get_point (chart.painter, 1, previous[1], &x0, &y0);
  pw_radar_painter_get_point (chart.painter, 2, previous[2], &x1, &y1);
  for (double t = 0.15; t <= 0.85; t += 0.01)
    {
      guint red, green, blue, alpha;

      get_pixel (&chart, (int) floor (x0 + t * (x1 - x0)), (int) floor (y0 + t * (y1 - y0)),
                 &red, &green, &blue, &alpha);
      g_assert_cmpuint (red, ==, 0);
      samples++;
      if (alpha > 90)
        drawn++;
    }

  g_test_message ("%u of %u samples drawn", drawn, samples);
  g_assert_cmpuint (drawn, >=, samples / 4);
  g_assert_cmpuint (drawn, <=, samples * 3 / 4);

  assert_nothing_outside (&chart);
}

/* The framework's dimension names in German, as po/de.po has them. */
static const char * const german_names[] = {
  "Strategie & geschäftliche Ausrichtung",
  "Social Listening & Monitoring",
  "Messung & Analytics",
  "Engagement & Dialog",
  "Content & Kanäle",
  "Beteiligung von SMEs & Mitarbeitenden",
  "Organisation & Ressourcen",
  "Funktionsübergreifende Integration",
  "Governance, Richtlinie & Risiko",
  "Tools & Technologie",
  "Advocacy & Influencer",
};

/* The ring numbers inside the area, off every label. */
static void
check_ring_labels (Chart *chart)
{
  guint n = pw_radar_painter_get_n_axes (chart->painter);

  for (guint ring = 1; ring <= 5; ring++)
    {
      cairo_rectangle_t rect;

      g_assert_true (pw_radar_painter_get_ring_label_rect (chart->painter, ring, &rect));
      g_assert_cmpfloat (rect.x, >=, 0);
      g_assert_cmpfloat (rect.y, >=, 0);
      g_assert_cmpfloat (rect.x + rect.width, <=, chart->width);
      g_assert_cmpfloat (rect.y + rect.height, <=, chart->height);
      for (guint i = 0; i < n; i++)
        {
          cairo_rectangle_t label;

          pw_radar_painter_get_label_rect (chart->painter, i, &label);
          if (rects_intersect (&rect, &label))
            g_error ("At %d×%d, ring number %u lies over label %u",
                     chart->width, chart->height, ring, i);
        }
    }
}

/* Every label off the chart: not over the outer ring. */
static void
check_labels_off_chart (Chart *chart)
{
  double cx, cy;
  double radius = pw_radar_painter_get_geometry (chart->painter, &cx, &cy);

  for (guint i = 0; i < pw_radar_painter_get_n_axes (chart->painter); i++)
    {
      cairo_rectangle_t rect;
      double nx, ny;

      pw_radar_painter_get_label_rect (chart->painter, i, &rect);
      nx = CLAMP (cx, rect.x, rect.x + rect.width);
      ny = CLAMP (cy, rect.y, rect.y + rect.height);
      if (hypot (nx - cx, ny - cy) < radius)
        g_error ("At %d×%d, label %u lies over the chart", chart->width, chart->height, i);
    }
}

/* The example's labels, in English or German, at @width × @height: inside
 * the area, off the chart and the ring numbers; returns the number of pairs
 * over each other. */
static guint
count_label_overlaps (int      width,
                      int      height,
                      gboolean german)
{
  g_auto(Series) series = { 0 };
  g_auto(Chart) chart = { 0 };
  guint overlaps;

  example_series (&series);
  if (german)
    {
      g_assert_cmpuint (series.n, ==, G_N_ELEMENTS (german_names));
      for (guint i = 0; i < series.n; i++)
        {
          g_free (series.labels[i]);
          series.labels[i] = g_strdup (german_names[i]);
        }
    }
  draw_chart (&chart, series.n, (const char * const *) series.labels, series.current,
              series.previous, width, height);
  overlaps = check_labels (&chart);
  check_labels_off_chart (&chart);
  check_ring_labels (&chart);
  assert_nothing_outside (&chart);

  return overlaps;
}

/* What the window gives the chart at 1280×800 (712×420) and at 800×600
 * (469×420, and 420×420 is its natural size), wider, and narrower down to
 * a phone's width and the widget's minimum: in English and German, labels
 * inside the area, off the chart and not over each other, the chart still
 * of a size to read. */
static void
test_labels (void)
{
  const int sizes[][2] = {
    { 712, 420 }, { 900, 420 }, { 600, 420 }, { 540, 420 }, { 500, 420 },
    { 469, 420 }, { 420, 420 }, { 380, 420 }, { 360, 360 }, { 320, 320 },
    { 1100, 600 }, { 469, 300 },
  };

  for (guint german = 0; german <= 1; german++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_assert_cmpuint (count_label_overlaps (sizes[i][0], sizes[i][1], german), ==, 0);
      }
}

/* At the sizes of the windows the chart keeps a useful radius. */
static void
test_labels_radius (void)
{
  const int sizes[][2] = { { 712, 420 }, { 469, 420 } };

  for (guint german = 0; german <= 1; german++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_auto(Series) series = { 0 };
        g_auto(Chart) chart = { 0 };
        double radius;

        example_series (&series);
        if (german)
          for (guint k = 0; k < series.n; k++)
            {
              g_free (series.labels[k]);
              series.labels[k] = g_strdup (german_names[k]);
            }
        draw_chart (&chart, series.n, (const char * const *) series.labels, series.current,
                    series.previous, sizes[i][0], sizes[i][1]);
        radius = pw_radar_painter_get_geometry (chart.painter, NULL, NULL);
        g_test_message ("%s at %d×%d: radius %.0f", german ? "German" : "English",
                        sizes[i][0], sizes[i][1], radius);
        g_assert_cmpfloat (radius, >=, 90);
      }
}

/* Before a layout, and without axes, nothing to draw and nothing to find. */
static void
test_empty (void)
{
  g_autoptr(PwRadarPainter) painter = pw_radar_painter_new ();
  PangoContext *context = create_context ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 50, 50);
  cairo_t *cr = cairo_create (surface);
  guint axis = 0;

  pw_radar_painter_draw (painter, cr);
  pw_radar_painter_layout (painter, context, 50, 50);
  pw_radar_painter_draw (painter, cr);
  g_assert_false (pw_radar_painter_find_axis (painter, 10, 10, &axis));
  g_assert_cmpuint (pw_radar_painter_get_n_axes (painter), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (context);
}

/* The axis under the pointer, for tooltips */
static void
test_find_axis (void)
{
  const char *labels[] = { "North", "East", "South", "West" };
  double current[] = { 3.0, 3.0, 3.0, 3.0 };
  g_auto(Chart) chart = { 0 };
  double cx, cy, radius;
  guint axis = G_MAXUINT;

  draw_chart (&chart, G_N_ELEMENTS (labels), labels, current, NULL, 300, 300);
  radius = pw_radar_painter_get_geometry (chart.painter, &cx, &cy);

  g_assert_true (pw_radar_painter_find_axis (chart.painter, cx + 5, cy - radius / 2, &axis));
  g_assert_cmpuint (axis, ==, 0);
  g_assert_true (pw_radar_painter_find_axis (chart.painter, cx + radius / 2, cy + 5, &axis));
  g_assert_cmpuint (axis, ==, 1);
  g_assert_true (pw_radar_painter_find_axis (chart.painter, cx - radius / 2, cy, &axis));
  g_assert_cmpuint (axis, ==, 3);
  g_assert_false (pw_radar_painter_find_axis (chart.painter, cx, cy, &axis));
  g_assert_false (pw_radar_painter_find_axis (chart.painter, cx + radius + 20, cy, &axis));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/radar-painter/polygon", test_polygon);
  g_test_add_func ("/phasewise/radar-painter/no-score", test_no_score);
  g_test_add_func ("/phasewise/radar-painter/previous-dashed", test_previous_dashed);
  g_test_add_func ("/phasewise/radar-painter/labels", test_labels);
  g_test_add_func ("/phasewise/radar-painter/labels-radius", test_labels_radius);
  g_test_add_func ("/phasewise/radar-painter/empty", test_empty);
  g_test_add_func ("/phasewise/radar-painter/find-axis", test_find_axis);

  return g_test_run ();
}
