/* bench-map.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-map"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bench-utils.h"
#include "phasewise-core.h"
#include "pw-map-painter.h"

/*
 * Measures drawing the organization map of 2,000 teams offscreen, frame by
 * frame, into a 1280×800 ARGB image as the canvas does, against a
 * reference run in the same invocation: the same image cleared and 2,000
 * rectangles filled one by one.  Run it with `meson test -C build
 * --benchmark -v`; the figures go to docs/benchmarks.md.
 *
 * The map: 40 hubs with 49 spokes each, every spoke linked to its hub and
 * the hubs in a chain, each cluster on a grid of its own; the phases
 * cycle, every seventh team is stale, every ninth unassessed, 20 teams
 * are selected.  Views: the whole map fitted into the image (no text),
 * 1:1 in the middle (all text), and the farthest zoom that still shows
 * the names (the most text at once).
 *
 * With PW_BENCH_MAP_DUMP set to a folder, the last frame of each view is
 * written there as a PNG, to look at.
 */

#define N_HUBS      40
#define N_SPOKES    49
#define CLUSTER_COLUMNS 10
#define CLUSTER_ROWS     5
#define CELL_WIDTH     240
#define CELL_HEIGHT    180
#define CLUSTER_GAP    240
#define CLUSTERS_ACROSS  5
#define WIDTH       1280
#define HEIGHT       800
#ifndef N_FRAMES
#define N_FRAMES     100
#endif
#define N_RUNS         5

static PwOrgMap *
build_map (void)
{
  PwOrgMap *map = pw_org_map_new ();

  for (guint h = 0; h < N_HUBS; h++)
    {
      int cluster_x = (int) (h % CLUSTERS_ACROSS) * (CLUSTER_COLUMNS * CELL_WIDTH + CLUSTER_GAP);
      int cluster_y = (int) (h / CLUSTERS_ACROSS) * (CLUSTER_ROWS * CELL_HEIGHT + CLUSTER_GAP);
      g_autofree char *hub_id = g_strdup_printf ("hub-%u", h);

      /* Cell 25 of the cluster's 50 (the middle) is the hub's */
      for (guint k = 0; k <= N_SPOKES; k++)
        {
          gboolean hub = k == 25;
          g_autofree char *id = hub ? g_strdup (hub_id) : g_strdup_printf ("spoke-%u-%u", h, k);
          g_autofree char *name = hub ? g_strdup_printf ("Social Media Hub %u", h + 1)
                                      : g_strdup_printf ("Regional Customer Service %u.%u",
                                                         h + 1, k + 1);
          g_autoptr(PwTeam) team = pw_team_new (id, hub ? PW_TEAM_HUB : PW_TEAM_SPOKE, name);

          pw_team_set_function (team, hub ? "Center of excellence" : "Customer service");
          pw_team_set_x (team, cluster_x + (int) (k % CLUSTER_COLUMNS) * CELL_WIDTH);
          pw_team_set_y (team, cluster_y + (int) (k / CLUSTER_COLUMNS) * CELL_HEIGHT);
          pw_org_map_add_team (map, team);
        }
    }

  for (guint h = 0; h < N_HUBS; h++)
    {
      g_autofree char *hub_id = g_strdup_printf ("hub-%u", h);

      for (guint k = 0; k <= N_SPOKES; k++)
        if (k != 25)
          {
            g_autofree char *id = g_strdup_printf ("spoke-%u-%u", h, k);

            pw_org_map_link_teams (map, hub_id, id);
          }
      if (h > 0)
        {
          g_autofree char *previous = g_strdup_printf ("hub-%u", h - 1);

          pw_org_map_link_teams (map, previous, hub_id);
        }
    }

  return map;
}

static void
set_states (PwMapPainter *painter,
            PwOrgMap     *map,
            GHashTable   *selected)
{
  GListModel *teams = pw_org_map_get_teams (map);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      const char *id = pw_team_get_id (team);

      pw_map_painter_set_team_state (painter, id, i % 9 == 0 ? 0 : (int) (i % 5) + 1,
                                     i % 7 == 0);
      if (i % 100 == 3)
        g_hash_table_add (selected, g_strdup (id));
    }
  pw_map_painter_set_selected (painter, selected);
}

static double
median (double *values)
{
  return bench_median (values, N_RUNS);
}

typedef struct
{
  double            scale;
  cairo_rectangle_t visible;  /* map units */
} View;

/* The view of @scale centred on the map point cx, cy. */
static View
make_view (double scale,
           double cx,
           double cy)
{
  View view = { scale, { cx - WIDTH / 2.0 / scale, cy - HEIGHT / 2.0 / scale,
                         WIDTH / scale, HEIGHT / scale } };

  return view;
}

static void
clear (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  cairo_paint (cr);
}

static void
draw_frame (PwMapPainter *painter,
            cairo_t      *cr,
            PangoContext *context,
            const View   *view)
{
  clear (cr);
  cairo_save (cr);
  cairo_scale (cr, view->scale, view->scale);
  cairo_translate (cr, -view->visible.x, -view->visible.y);
  pw_map_painter_draw (painter, cr, context, &view->visible, view->scale);
  cairo_restore (cr);
}

/* The reference: the same image cleared and one rectangle a team filled,
 * each with a call of its own. */
static void
draw_reference (cairo_t *cr,
                guint    n_teams)
{
  clear (cr);
  for (guint i = 0; i < n_teams; i++)
    {
      double x = (i % 50) * (WIDTH / 50.0);
      double y = (i / 50) * (HEIGHT / 40.0);

      cairo_set_source_rgb (cr, (i % 5) / 5.0, 0.5, 0.5);
      cairo_rectangle (cr, x + 2, y + 2, WIDTH / 50.0 - 4, HEIGHT / 40.0 - 4);
      cairo_fill (cr);
    }
}

static double
time_frames (PwMapPainter *painter,
             cairo_t      *cr,
             PangoContext *context,
             const View   *view,
             guint         n_teams)
{
  gint64 start = g_get_monotonic_time ();

  for (guint frame = 0; frame < N_FRAMES; frame++)
    {
      if (view != NULL)
        draw_frame (painter, cr, context, view);
      else
        draw_reference (cr, n_teams);
    }
  cairo_surface_flush (cairo_get_target (cr));

  return (g_get_monotonic_time () - start) / 1000.0 / N_FRAMES;
}

/* A zoom from the names view in to 1:1, each frame at a new scale: the
 * sprites and the glyphs are drawn again every frame. */
static double
time_zoom (PwMapPainter            *painter,
           cairo_t                 *cr,
           PangoContext            *context,
           const View              *from,
           const View              *to)
{
  double cx = from->visible.x + from->visible.width / 2;
  double cy = from->visible.y + from->visible.height / 2;
  gint64 start = g_get_monotonic_time ();

  for (guint frame = 0; frame < N_FRAMES; frame++)
    {
      double scale = from->scale * pow (to->scale / from->scale, frame / (N_FRAMES - 1.0));
      View view = make_view (scale, cx, cy);

      draw_frame (painter, cr, context, &view);
    }
  cairo_surface_flush (cairo_get_target (cr));

  return (g_get_monotonic_time () - start) / 1000.0 / N_FRAMES;
}

static void
dump (cairo_surface_t *surface,
      const char      *name)
{
  const char *folder = g_getenv ("PW_BENCH_MAP_DUMP");
  g_autofree char *path = NULL;

  if (folder == NULL)
    return;
  path = g_build_filename (folder, name, NULL);
  cairo_surface_write_to_png (surface, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PwOrgMap) map = build_map ();
  g_autoptr(PwMapPainter) painter = pw_map_painter_new (map);
  g_autoptr(GHashTable) selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint n_teams = g_list_model_get_n_items (pw_org_map_get_teams (map));
  double reference[N_RUNS], fit[N_RUNS], middle[N_RUNS], names[N_RUNS], zoom[N_RUNS];
  double all_selected[N_RUNS];
  double first_frame, first_names_frame;
  cairo_rectangle_t bounds;
  PwMapColors colors;
  View views[3];
  gint64 start;

  /* The table's “×” in the terminal's charset */
  setlocale (LC_ALL, "");
  pango_context_set_font_description (context, font);
  pw_map_colors_init_default (&colors, TRUE);
  pw_map_painter_set_colors (painter, &colors);
  set_states (painter, map, selected);
  pw_map_painter_get_bounds (painter, &bounds);

  /* Fitted: the whole map with a margin of 5 % */
  views[0] = make_view (0.95 * MIN (WIDTH / bounds.width, HEIGHT / bounds.height),
                        bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
  views[1] = make_view (1.0, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
  /* The names are drawn from 5 pixels (15 map units) on */
  views[2] = make_view (5.0 / 15.0 + 0.001, bounds.x + bounds.width / 2,
                        bounds.y + bounds.height / 2);

  /* The first frame lays the text of every team in view out */
  start = g_get_monotonic_time ();
  draw_frame (painter, cr, context, &views[1]);
  cairo_surface_flush (surface);
  first_frame = (g_get_monotonic_time () - start) / 1000.0;
  /* Zoomed out from there: the text of the teams that come into view */
  start = g_get_monotonic_time ();
  draw_frame (painter, cr, context, &views[2]);
  cairo_surface_flush (surface);
  first_names_frame = (g_get_monotonic_time () - start) / 1000.0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      reference[run] = time_frames (painter, cr, context, NULL, n_teams);
      fit[run] = time_frames (painter, cr, context, &views[0], n_teams);
      middle[run] = time_frames (painter, cr, context, &views[1], n_teams);
      names[run] = time_frames (painter, cr, context, &views[2], n_teams);
      zoom[run] = time_zoom (painter, cr, context, &views[2], &views[1]);
    }

  draw_frame (painter, cr, context, &views[0]);
  dump (surface, "map-fit.png");

  /* Everything selected (Ctrl+A), fitted */
  {
    GListModel *teams = pw_org_map_get_teams (map);

    for (guint i = 0; i < n_teams; i++)
      {
        g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);

        g_hash_table_add (selected, g_strdup (pw_team_get_id (team)));
      }
    for (guint run = 0; run < N_RUNS; run++)
      all_selected[run] = time_frames (painter, cr, context, &views[0], n_teams);
    dump (surface, "map-fit-selected.png");
  }
  draw_frame (painter, cr, context, &views[1]);
  dump (surface, "map-1-1.png");
  draw_frame (painter, cr, context, &views[2]);
  dump (surface, "map-names.png");

  {
    double r = median (reference);
    double f = median (fit), m = median (middle), n = median (names), z = median (zoom);

    g_print ("map: %u teams, %u links, %d×%d ARGB; %d frames a run, median of %d runs\n",
             n_teams, g_list_model_get_n_items (pw_org_map_get_links (map)), WIDTH, HEIGHT,
             N_FRAMES, N_RUNS);
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        g_autoptr(GPtrArray) in_view = pw_map_painter_pick_rect (painter, &views[i].visible);

        g_print ("view %u: scale %.3f, %u teams in view\n", i + 1, views[i].scale, in_view->len);
      }
    g_print ("| view | reference | Phasewise | ratio | bar |\n");
    g_print ("|---|---|---|---|---|\n");
    g_print ("| fit to view (scale %.3f) | %u rectangles %.2f ms | %.2f ms | %.2f× | < 8 ms |\n",
             views[0].scale, n_teams, r, f, f / r);
    g_print ("| fit to view, every team selected | %u rectangles %.2f ms | %.2f ms | %.2f× "
             "| < 8 ms |\n", n_teams, r, median (all_selected), median (all_selected) / r);
    g_print ("| 1:1, the middle | %u rectangles %.2f ms | %.2f ms | %.2f× | < 8 ms |\n",
             n_teams, r, m, m / r);
    g_print ("| names still shown (scale %.3f) | %u rectangles %.2f ms | %.2f ms | %.2f× "
             "| < 8 ms |\n", views[2].scale, n_teams, r, n, n / r);
    g_print ("| zooming from there to 1:1, a new scale each frame | %u rectangles %.2f ms "
             "| %.2f ms | %.2f× | < 8 ms |\n", n_teams, r, z, z / r);
    g_print ("| first frame at 1:1 (fonts loaded, text laid out) | | %.2f ms | | |\n",
             first_frame);
    g_print ("| first frame zoomed out to the names (their text laid out) | | %.2f ms | | |\n",
             first_names_frame);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (context);

  return 0;
}
