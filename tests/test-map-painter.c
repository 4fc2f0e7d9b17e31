/* test-map-painter.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-painter"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "pw-map-export.h"
#include "pw-map-painter.h"
#include "pw-test-core.h"

/*
 * The organization map as the core painter draws it, on screen and in
 * exported pictures: teams are hit where their shapes are, a team's colour
 * is the phase of its latest assessment, and drawing holds at every zoom.
 */

typedef struct
{
  PwWorkbook   *workbook;
  PwOrgMap     *map;
  PwMapPainter *painter;
} Fixture;

static PwTeam *
add_team (PwOrgMap   *map,
          const char *id,
          PwTeamKind  kind,
          const char *name,
          int         x,
          int         y)
{
  g_autoptr(PwTeam) team = pw_team_new (id, kind, name);

  pw_team_set_x (team, x);
  pw_team_set_y (team, y);
  pw_org_map_add_team (map, team);

  return team;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);

  g_assert_no_error (error);
  fixture->workbook = pw_workbook_new (framework);
  fixture->map = pw_workbook_get_org_map (fixture->workbook);
  fixture->painter = pw_map_painter_new (fixture->map);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->painter);
  g_assert_finalize_object (fixture->workbook);
}

/* An assessment of @team_id with every question answered at @phase. */
static void
assess (PwWorkbook *workbook,
        const char *team_id,
        int         phase,
        const char *date)
{
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, team_id);

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), phase);
        }
    }
  pw_assessment_set_date (assessment, date);
}

static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");

  pango_context_set_font_description (context, font);

  return context;
}

/* The colour of one pixel, as 0xRRGGBB. */
static guint32
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const guint8 *data;
  guint32 argb;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  argb = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  return argb & 0xffffff;
}

static guint32
to_rgb (const PwMapColor *color)
{
  return ((guint32) (color->red * 255 + 0.5) << 16)
         | ((guint32) (color->green * 255 + 0.5) << 8)
         | (guint32) (color->blue * 255 + 0.5);
}

/* A point in a hub's box but outside its circle is not the hub; the
 * topmost of two overlapping teams is the later one. */
static void
test_pick (Fixture       *fixture,
           gconstpointer  data)
{
  PwTeam *hub = add_team (fixture->map, "hub", PW_TEAM_HUB, "Hub", 0, 0);
  PwTeam *spoke = add_team (fixture->map, "spoke", PW_TEAM_SPOKE, "Spoke", 400, 0);
  PwTeam *over;

  g_assert_true (pw_map_painter_pick (fixture->painter, 0, 0) == hub);
  g_assert_true (pw_map_painter_pick (fixture->painter, 45, 45) == hub);
  g_assert_true (pw_map_painter_pick (fixture->painter, 0, -69) == hub);
  /* In the box's corner: 84.9 from the centre, the radius is 70 */
  g_assert_null (pw_map_painter_pick (fixture->painter, 60, 60));
  g_assert_null (pw_map_painter_pick (fixture->painter, -69, -69));

  g_assert_true (pw_map_painter_pick (fixture->painter, 400 - 89, 0) == spoke);
  g_assert_true (pw_map_painter_pick (fixture->painter, 400 + 80, 30) == spoke);
  /* The very corner of a spoke's box is outside its rounded corner */
  g_assert_null (pw_map_painter_pick (fixture->painter, 400 + 89.5, 35.5));
  g_assert_null (pw_map_painter_pick (fixture->painter, 400, 40));
  g_assert_null (pw_map_painter_pick (fixture->painter, 200, 0));

  /* A team added later on top of the spoke */
  over = add_team (fixture->map, "over", PW_TEAM_HUB, "Over", 480, 0);
  g_assert_true (pw_map_painter_pick (fixture->painter, 460, 0) == over);
  g_assert_true (pw_map_painter_pick (fixture->painter, 340, 0) == spoke);

  /* A team moved on the map is picked where it is now */
  pw_team_set_x (hub, 1000);
  g_assert_null (pw_map_painter_pick (fixture->painter, 0, 0));
  g_assert_true (pw_map_painter_pick (fixture->painter, 1000, 0) == hub);

  pw_org_map_remove_team (fixture->map, over);
  g_assert_true (pw_map_painter_pick (fixture->painter, 460, 0) == spoke);
}

static gboolean
picked (GPtrArray  *teams,
        const char *id)
{
  for (guint i = 0; i < teams->len; i++)
    if (g_str_equal (pw_team_get_id (g_ptr_array_index (teams, i)), id))
      return TRUE;
  return FALSE;
}

/* A rectangle picks the teams whose shapes it meets, not their boxes. */
static void
test_pick_rect (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) corner = NULL;
  g_autoptr(GPtrArray) edge = NULL;
  g_autoptr(GPtrArray) inside = NULL;
  g_autoptr(GPtrArray) spoke = NULL;
  g_autoptr(GPtrArray) none = NULL;

  add_team (fixture->map, "hub", PW_TEAM_HUB, "Hub", 0, 0);
  add_team (fixture->map, "spoke", PW_TEAM_SPOKE, "Spoke", 400, 0);
  add_team (fixture->map, "far", PW_TEAM_SPOKE, "Far", 400, 400);

  all = pw_map_painter_pick_rect (fixture->painter,
                                  &(cairo_rectangle_t) { -100, -100, 600, 200 });
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (pw_team_get_id (g_ptr_array_index (all, 0)), ==, "hub");
  g_assert_cmpstr (pw_team_get_id (g_ptr_array_index (all, 1)), ==, "spoke");

  /* In the hub's box corner, clear of its circle */
  corner = pw_map_painter_pick_rect (fixture->painter,
                                     &(cairo_rectangle_t) { 55, 55, 30, 30 });
  g_assert_cmpuint (corner->len, ==, 0);

  /* Touching the circle's right edge */
  edge = pw_map_painter_pick_rect (fixture->painter, &(cairo_rectangle_t) { 65, -5, 10, 10 });
  g_assert_true (picked (edge, "hub"));

  /* Wholly inside the hub */
  inside = pw_map_painter_pick_rect (fixture->painter, &(cairo_rectangle_t) { -5, -5, 10, 10 });
  g_assert_cmpuint (inside->len, ==, 1);
  g_assert_true (picked (inside, "hub"));

  spoke = pw_map_painter_pick_rect (fixture->painter,
                                    &(cairo_rectangle_t) { 300, 30, 20, 100 });
  g_assert_cmpuint (spoke->len, ==, 1);
  g_assert_true (picked (spoke, "spoke"));

  none = pw_map_painter_pick_rect (fixture->painter, &(cairo_rectangle_t) { 100, 100, 50, 50 });
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_bounds (Fixture       *fixture,
             gconstpointer  data)
{
  cairo_rectangle_t rect;
  PwTeam *spoke;

  g_assert_false (pw_map_painter_get_bounds (fixture->painter, &rect));
  g_assert_cmpfloat (rect.width, ==, 0);

  add_team (fixture->map, "hub", PW_TEAM_HUB, "Hub", 0, 0);
  g_assert_true (pw_map_painter_get_bounds (fixture->painter, &rect));
  g_assert_cmpfloat (rect.x, ==, -70);
  g_assert_cmpfloat (rect.y, ==, -70);
  g_assert_cmpfloat (rect.width, ==, 140);
  g_assert_cmpfloat (rect.height, ==, 140);

  spoke = add_team (fixture->map, "spoke", PW_TEAM_SPOKE, "Spoke", 300, 100);
  pw_map_painter_get_team_rect (fixture->painter, spoke, &rect);
  g_assert_cmpfloat (rect.x, ==, 210);
  g_assert_cmpfloat (rect.y, ==, 64);
  g_assert_cmpfloat (rect.width, ==, 180);
  g_assert_cmpfloat (rect.height, ==, 72);

  g_assert_true (pw_map_painter_get_bounds (fixture->painter, &rect));
  g_assert_cmpfloat (rect.x, ==, -70);
  g_assert_cmpfloat (rect.y, ==, -70);
  g_assert_cmpfloat (rect.x + rect.width, ==, 390);
  g_assert_cmpfloat (rect.y + rect.height, ==, 136);

  pw_org_map_remove_team (fixture->map, spoke);
  g_assert_true (pw_map_painter_get_bounds (fixture->painter, &rect));
  g_assert_cmpfloat (rect.width, ==, 140);
}

/* A team's state is the phase of its latest assessment, stale after 12
 * months; without an assessment it is 0. */
static void
test_states (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new_dmy (1, 6, 2026);
  int phase = -1;
  gboolean stale = TRUE;

  add_team (fixture->map, "recent", PW_TEAM_SPOKE, "Recent", 0, 0);
  add_team (fixture->map, "old", PW_TEAM_SPOKE, "Old", 300, 0);
  add_team (fixture->map, "none", PW_TEAM_HUB, "None", 600, 0);
  assess (fixture->workbook, "recent", 1, "2026-01-01");
  assess (fixture->workbook, "recent", 3, "2026-05-01");
  assess (fixture->workbook, "old", 2, "2024-01-01");
  /* The whole organization's is nobody's team's */
  assess (fixture->workbook, NULL, 5, "2026-05-01");

  pw_map_painter_set_team_state (fixture->painter, "none", 4, TRUE);
  pw_map_painter_update_states (fixture->painter, fixture->workbook, today);

  g_assert_true (pw_map_painter_get_team_state (fixture->painter, "recent", &phase, &stale));
  g_assert_cmpint (phase, ==, 3);
  g_assert_false (stale);
  g_assert_true (pw_map_painter_get_team_state (fixture->painter, "old", &phase, &stale));
  g_assert_cmpint (phase, ==, 2);
  g_assert_true (stale);
  pw_map_painter_get_team_state (fixture->painter, "none", &phase, &stale);
  g_assert_cmpint (phase, ==, 0);
  g_assert_false (stale);

  /* A year on, the recent one is stale too */
  g_date_add_years (today, 1);
  pw_map_painter_update_states (fixture->painter, fixture->workbook, today);
  pw_map_painter_get_team_state (fixture->painter, "recent", &phase, &stale);
  g_assert_cmpint (phase, ==, 3);
  g_assert_true (stale);

  pw_map_painter_clear_team_states (fixture->painter);
  g_assert_false (pw_map_painter_get_team_state (fixture->painter, "recent", &phase, &stale));
  g_assert_cmpint (phase, ==, 0);
  g_assert_false (stale);
}

/* Inside a phase-3 team the picture has the phase-3 colour; inside an
 * unassessed one, the background. */
static void
test_draw_colors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GObject) context = G_OBJECT (create_context ());
  g_autoptr(GDate) today = g_date_new_dmy (1, 6, 2026);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cairo_t *cr = cairo_create (surface);
  PwMapColors colors;
  PwMapColor phase3;
  PwMapColor phase1;

  pw_map_colors_init_default (&colors, TRUE);
  pw_map_painter_set_colors (fixture->painter, &colors);
  pw_map_phase_color (3, &phase3, NULL);
  pw_map_phase_color (1, &phase1, NULL);

  /* Centres at (150, 200) and (450, 200) in the picture, scale 1 */
  add_team (fixture->map, "hub", PW_TEAM_HUB, "Central Social Media Team", 0, 0);
  add_team (fixture->map, "spoke", PW_TEAM_SPOKE, "Customer Service", 300, 0);
  add_team (fixture->map, "red", PW_TEAM_SPOKE, "Sales", 550, 0);
  pw_org_map_link_teams (fixture->map, "hub", "spoke");
  assess (fixture->workbook, "hub", 3, "2026-05-01");
  assess (fixture->workbook, "red", 1, "2024-05-01");
  pw_map_painter_update_states (fixture->painter, fixture->workbook, today);

  cairo_set_source_rgb (cr, colors.background.red, colors.background.green,
                        colors.background.blue);
  cairo_paint (cr);
  cairo_translate (cr, 150, 200);
  pw_map_painter_draw (fixture->painter, cr, PANGO_CONTEXT (context), NULL, 1.0);

  /* Left of the hub's text, inside its circle */
  g_assert_cmphex (get_pixel (surface, 150 - 60, 200 + 10), ==, to_rgb (&phase3));
  /* Below the spoke's text, inside its rectangle */
  g_assert_cmphex (get_pixel (surface, 450 + 60, 200 + 30), ==, to_rgb (&colors.background));
  g_assert_cmphex (get_pixel (surface, 700 + 80, 200 + 30), ==, to_rgb (&phase1));
  /* On the link between the hub and the spoke, half way */
  g_assert_cmphex (get_pixel (surface, 300, 200), ==, to_rgb (&colors.line));
  /* Outside every team */
  g_assert_cmphex (get_pixel (surface, 300, 350), ==, to_rgb (&colors.background));

  /* Culled: with only the spoke's part visible, the hub is not drawn */
  cairo_set_source_rgb (cr, colors.background.red, colors.background.green,
                        colors.background.blue);
  cairo_paint (cr);
  pw_map_painter_draw (fixture->painter, cr, PANGO_CONTEXT (context),
                       &(cairo_rectangle_t) { 250, -50, 100, 100 }, 1.0);
  g_assert_cmphex (get_pixel (surface, 150 - 60, 200 + 10), ==, to_rgb (&colors.background));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Selection, drag, rubber band and connect preview: drawn where the
 * contract says, without changing the map. */
static void
test_draw_interaction (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GObject) context = G_OBJECT (create_context ());
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cairo_t *cr = cairo_create (surface);
  PwMapColors colors;
  PwMapColor phase2;
  PwTeam *spoke;
  guint32 pixel;

  pw_map_colors_init_default (&colors, FALSE);
  pw_map_painter_set_colors (fixture->painter, &colors);
  pw_map_phase_color (2, &phase2, NULL);
  add_team (fixture->map, "hub", PW_TEAM_HUB, "Hub", 0, 0);
  spoke = add_team (fixture->map, "spoke", PW_TEAM_SPOKE, "Spoke", 300, 0);
  pw_map_painter_set_team_state (fixture->painter, "spoke", 2, FALSE);

  g_hash_table_add (selected, (gpointer) "spoke");
  pw_map_painter_set_selected (fixture->painter, selected);
  pw_map_painter_set_drag_offset (fixture->painter, 0, 150);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, 150, 100);
  pw_map_painter_draw (fixture->painter, cr, PANGO_CONTEXT (context), NULL, 1.0);

  /* The spoke is drawn 150 lower; the map still has it where it was */
  g_assert_cmphex (get_pixel (surface, 450 + 60, 100 + 150 + 30), ==, to_rgb (&phase2));
  g_assert_cmphex (get_pixel (surface, 450 + 60, 100 + 30), ==, 0xffffff);
  g_assert_cmpint (pw_team_get_y (spoke), ==, 0);
  /* The selection outline lies just outside the shape */
  g_assert_cmphex (get_pixel (surface, 450 + 94, 100 + 150), ==, to_rgb (&colors.selection));

  pw_map_painter_set_drag_offset (fixture->painter, 0, 0);
  pw_map_painter_set_selected (fixture->painter, NULL);
  pw_map_painter_set_rubber_band (fixture->painter, &(cairo_rectangle_t) { -140, 100, 100, 60 });
  pw_map_painter_set_connect_preview (fixture->painter, "hub", 0, 250);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pw_map_painter_draw (fixture->painter, cr, PANGO_CONTEXT (context), NULL, 1.0);
  /* The rubber band's tint (a blue on white), and the preview's line below
   * the hub */
  pixel = get_pixel (surface, 150 - 90, 100 + 130);
  g_assert_cmphex (pixel, !=, 0xffffff);
  g_assert_cmpuint (pixel & 0xff, >, pixel >> 16);
  g_assert_cmphex (get_pixel (surface, 150, 100 + 73), ==, to_rgb (&colors.selection));

  /* Gone again; an unknown team draws no preview */
  pw_map_painter_set_rubber_band (fixture->painter, NULL);
  pw_map_painter_set_connect_preview (fixture->painter, "nobody", 0, 0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pw_map_painter_draw (fixture->painter, cr, PANGO_CONTEXT (context), NULL, 1.0);
  g_assert_cmphex (get_pixel (surface, 150 - 90, 100 + 130), ==, 0xffffff);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* From far out (no text) to very close (huge text), with every decoration
 * and a team renamed in between: nothing breaks. */
static void
test_level_of_detail (Fixture       *fixture,
                      gconstpointer  data)
{
  static const double scales[] = { 1e-4, 0.01, 0.1, 0.3, 0.5, 1.0, 4.0, 50.0, 1000.0 };
  g_autoptr(GObject) context = G_OBJECT (create_context ());
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_t *cr = cairo_create (surface);
  PwTeam *hub;

  hub = add_team (fixture->map, "hub", PW_TEAM_HUB,
                  "A hub with a name much too long to fit in its circle on two lines", 0, 0);
  pw_team_set_function (hub, "Center of excellence for everything social");
  add_team (fixture->map, "spoke", PW_TEAM_SPOKE, "Spoke", 250, 0);
  add_team (fixture->map, "empty", PW_TEAM_SPOKE, "", 250, 200);
  pw_org_map_link_teams (fixture->map, "hub", "spoke");
  pw_map_painter_set_team_state (fixture->painter, "hub", 5, TRUE);
  pw_map_painter_set_team_state (fixture->painter, "empty", 0, TRUE);
  g_hash_table_add (selected, (gpointer) "hub");
  pw_map_painter_set_selected (fixture->painter, selected);
  pw_map_painter_set_drag_offset (fixture->painter, 10, 10);
  pw_map_painter_set_rubber_band (fixture->painter, &(cairo_rectangle_t) { 0, 0, 10, 10 });
  pw_map_painter_set_connect_preview (fixture->painter, "spoke", 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      cairo_rectangle_t visible = { -100 / scales[i], -100 / scales[i],
                                    200 / scales[i], 200 / scales[i] };

      cairo_save (cr);
      cairo_translate (cr, 100, 100);
      cairo_scale (cr, scales[i], scales[i]);
      pw_map_painter_draw (fixture->painter, cr, PANGO_CONTEXT (context), &visible, scales[i]);
      pw_map_painter_draw (fixture->painter, cr, PANGO_CONTEXT (context), NULL, scales[i]);
      pw_team_set_name (hub, i % 2 ? "Renamed" : "Renamed again, with a longer name");
      cairo_restore (cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The legend has a row for each phase and for the marks. */
static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GObject) context = G_OBJECT (create_context ());
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
  cairo_t *cr = cairo_create (surface);
  PwMapColor phase1;
  double width = 0;
  double height = 0;

  pw_map_phase_color (1, &phase1, NULL);
  pw_map_painter_draw_legend (fixture->painter, cr, PANGO_CONTEXT (context), 10, 10, &width, &height);
  g_assert_cmpfloat (width, >, 60);
  g_assert_cmpfloat (width, <, 390);
  /* Nine rows of at least 18 */
  g_assert_cmpfloat (height, >=, 9 * 18);
  g_assert_cmpfloat (height, <, 390);
  /* The first swatch, phase 1, next to the corner its number leaves */
  g_assert_cmphex (get_pixel (surface, 12, 12), ==, to_rgb (&phase1));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Export */

/* A map of a hub and two spokes, one with a name that XML must escape */
static void
add_small_map (Fixture *fixture)
{
  add_team (fixture->map, "hub", PW_TEAM_HUB, "Central Team", 0, 0);
  add_team (fixture->map, "a", PW_TEAM_SPOKE, "R&D <Labs> \"West\"", 300, -100);
  add_team (fixture->map, "b", PW_TEAM_SPOKE, "Customer Care", 300, 100);
  pw_org_map_link_teams (fixture->map, "hub", "a");
  pw_org_map_link_teams (fixture->map, "hub", "b");
  pw_workbook_set_name (fixture->workbook, "Larkspur & Co.");
  assess (fixture->workbook, "b", 3, "2026-05-01");
}

typedef struct
{
  GString *title;
  GString *desc;
  GString *in;    /* where text goes now, or NULL */
  double   width;
  double   height;
  guint    n_elements;
} SvgReading;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              data,
              GError              **error)
{
  SvgReading *reading = data;

  reading->n_elements++;
  if (g_str_equal (element, "title"))
    reading->in = reading->title;
  else if (g_str_equal (element, "desc"))
    reading->in = reading->desc;
  else if (g_str_equal (element, "svg"))
    for (guint i = 0; names[i] != NULL; i++)
      {
        if (g_str_equal (names[i], "width"))
          reading->width = g_ascii_strtod (values[i], NULL);
        else if (g_str_equal (names[i], "height"))
          reading->height = g_ascii_strtod (values[i], NULL);
      }
}

static void
svg_end_cb (GMarkupParseContext  *context,
            const char           *element,
            gpointer              data,
            GError              **error)
{
  ((SvgReading *) data)->in = NULL;
}

static void
svg_text_cb (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              data,
             GError              **error)
{
  SvgReading *reading = data;

  if (reading->in != NULL)
    g_string_append_len (reading->in, text, (gssize) length);
}

/* Reads an SVG as XML: it must parse whole. */
static void
read_svg (const char *path,
          SvgReading *reading)
{
  static const GMarkupParser parser = { svg_start_cb, svg_end_cb, svg_text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &svg, &length, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, reading, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, (gssize) length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
svg_reading_clear (SvgReading *reading)
{
  g_string_free (reading->title, TRUE);
  g_string_free (reading->desc, TRUE);
}

/* The width and height in a PNG's header */
static void
read_png_size (const char *path,
               guint32    *width,
               guint32    *height)
{
  g_autofree char *png = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &png, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (png + 12, 4, "IHDR", 4);
  *width = GUINT32_FROM_BE (*(guint32 *) (png + 16));
  *height = GUINT32_FROM_BE (*(guint32 *) (png + 20));
}

/* The SVG is XML whose title is the organization and whose description
 * names every team with its phase; cairo draws the text as outlines. */
static void
test_export_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-map-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(GDate) today = g_date_new_dmy (1, 6, 2026);
  g_autoptr(GError) error = NULL;
  SvgReading reading = { g_string_new (NULL), g_string_new (NULL), NULL, 0, 0, 0 };
  cairo_rectangle_t bounds;

  add_small_map (fixture);
  g_assert_true (pw_map_export (fixture->workbook, PW_MAP_EXPORT_SVG, FALSE, today, path,
                                &error));
  g_assert_no_error (error);

  read_svg (path, &reading);
  g_assert_cmpstr (reading.title->str, ==, "Larkspur & Co.");
  g_assert_nonnull (strstr (reading.desc->str, "Hub and spoke"));
  g_assert_nonnull (strstr (reading.desc->str, "Central Team (Hub): not assessed"));
  g_assert_nonnull (strstr (reading.desc->str, "R&D <Labs> \"West\" (Spoke): not assessed"));
  g_assert_nonnull (strstr (reading.desc->str, "Customer Care (Spoke): phase 3"));
  /* Vector shapes and glyphs, not one picture */
  g_assert_cmpuint (reading.n_elements, >, 20);

  /* The page holds the map and a margin */
  pw_map_painter_get_bounds (fixture->painter, &bounds);
  g_assert_cmpfloat (reading.width, >=, bounds.width + 80);
  g_assert_cmpfloat (reading.height, >=, bounds.height + 80);
  g_assert_cmpfloat (reading.width, <, bounds.width + 800);

  svg_reading_clear (&reading);
  pw_test_remove_tree (dir);
}

/* The map exported as both, the SVG read and the PNG's size */
static void
export_both (Fixture    *fixture,
             const char *svg,
             const char *png,
             SvgReading *reading,
             guint32    *width,
             guint32    *height)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pw_map_export (fixture->workbook, PW_MAP_EXPORT_SVG, TRUE, NULL, svg, &error));
  g_assert_true (pw_map_export (fixture->workbook, PW_MAP_EXPORT_PNG, TRUE, NULL, png, &error));
  g_assert_no_error (error);
  g_string_truncate (reading->title, 0);
  g_string_truncate (reading->desc, 0);
  read_svg (svg, reading);
  read_png_size (png, width, height);
}

/* The PNG has two pixels a map unit, as many as the SVG's units twice,
 * until a side would pass 8,000 pixels. */
static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-map-XXXXXX");
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  SvgReading reading = { g_string_new (NULL), g_string_new (NULL), NULL, 0, 0, 0 };
  guint32 width;
  guint32 height;

  add_small_map (fixture);
  export_both (fixture, svg, png, &reading, &width, &height);
  g_assert_cmpuint (width, ==, (guint32) (2 * reading.width));
  g_assert_cmpuint (height, ==, (guint32) (2 * reading.height));

  /* A map 20,000 units wide is scaled down to 8,000 pixels */
  add_team (fixture->map, "far", PW_TEAM_SPOKE, "Far Away", 20000, 0);
  export_both (fixture, svg, png, &reading, &width, &height);
  g_assert_cmpuint (width, ==, PW_MAP_EXPORT_MAX_PIXELS);
  g_assert_cmpfloat (fabs (height - reading.height * PW_MAP_EXPORT_MAX_PIXELS / reading.width),
                     <=, 1);

  svg_reading_clear (&reading);
  pw_test_remove_tree (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

/* What cannot be written fails with a message naming the file, and leaves
 * no file (nor a temporary one) behind; a file that was there stays. */
static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-map-XXXXXX");
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "map.svg", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (plain, "map.png", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.svg", NULL);
  g_autoptr(GError) error = NULL;

  /* No teams: nothing to draw, and the file that was there stays */
  pw_test_write_text (existing, "before");
  g_assert_false (pw_map_export (fixture->workbook, PW_MAP_EXPORT_SVG, FALSE, NULL, existing,
                                 &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "existing.svg"));
  g_assert_nonnull (strstr (error->message, "no teams"));
  {
    g_autoptr(GBytes) before = g_bytes_new_static ("before", 6);

    pw_test_assert_file_bytes (existing, before);
  }
  g_clear_error (&error);

  add_small_map (fixture);

  /* Under a file, not a folder */
  pw_test_write_text (plain, "a file");
  g_assert_false (pw_map_export (fixture->workbook, PW_MAP_EXPORT_PNG, FALSE, NULL, under_file,
                                 &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "map.png"));
  g_clear_error (&error);

  /* A read-only folder (which does not stop root) */
  g_assert_no_errno (g_mkdir (locked, 0555));
  if (access (locked, W_OK) == 0)
    {
      g_test_message ("Not run as a user who may write into a read-only folder");
    }
  else
    {
      g_assert_false (pw_map_export (fixture->workbook, PW_MAP_EXPORT_SVG, FALSE, NULL,
                                     in_locked, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "map.svg"));
      g_clear_error (&error);
      g_assert_cmpuint (count_files (locked), ==, 0);
    }
  g_assert_no_errno (g_chmod (locked, 0755));

  /* An empty name */
  g_assert_false (pw_map_export (fixture->workbook, PW_MAP_EXPORT_SVG, FALSE, NULL, "", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);

  /* Only what was put there */
  g_assert_cmpuint (count_files (dir), ==, 3);
  pw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/phasewise/map-painter/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("pick", test_pick);
  ADD ("pick-rect", test_pick_rect);
  ADD ("bounds", test_bounds);
  ADD ("states", test_states);
  ADD ("draw-colors", test_draw_colors);
  ADD ("draw-interaction", test_draw_interaction);
  ADD ("level-of-detail", test_level_of_detail);
  ADD ("legend", test_legend);
  ADD ("export-svg", test_export_svg);
  ADD ("export-png", test_export_png);
  ADD ("export-errors", test_export_errors);

#undef ADD

  return g_test_run ();
}
