/* test-map-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-map-page"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-map-page.h"
#include "pw-org-canvas.h"
#include "pw-org-model-card.h"
#include "pw-team-list.h"
#include "pw-team-panel.h"
#include "pw-teams-overview.h"
#include "pw-test-core.h"
#include "pw-test-ui.h"
#include "pw-window-private.h"
#include "pw-wizard.h"

/*
 * The Organization Map area of the real window under Xvfb, driven through
 * its actions as a user's clicks and keys would:
 *
 *   /phasewise/map-page/draw-assess-reopen  two hubs and five spokes drawn in the list, linked,
 *                                           moved, undone; one spoke assessed: its phase on the
 *                                           map and in the overview, also after save and reopen
 *   /phasewise/map-page/example            the example's teams, phases, stale round and model
 *   /phasewise/map-page/shared-selection   the canvas, the list and the panel show one selection;
 *                                           delete says what went, and its Undo brings it back
 *   /phasewise/map-page/export             the map as SVG and PNG through the window, and a
 *                                           folder that is not there named in an error
 */

static PwWorkbook *
get_workbook (PwWindow *window)
{
  PwDocument *document = pw_window_get_document (window);

  return document ? pw_document_get_workbook (document) : NULL;
}

static PwMapPage *
get_map_page (PwWindow *window)
{
  GtkWidget *page = pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_MAP_PAGE);

  g_assert_nonnull (page);

  return PW_MAP_PAGE (page);
}

/* The Organization Map area, shown as a user's click on its tab shows it */
static PwMapPage *
show_map_area (PwWindow   *window,
               const char *view)
{
  PwMapPage *page = get_map_page (window);

  adw_view_stack_set_visible_child_name (window->view_stack, "map");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "map.view", "s", view));
  pw_test_ui_flush ();
  g_assert_cmpstr (pw_map_page_get_view (page), ==, view);

  return page;
}

static void
run_page_action (PwMapPage  *page,
                 const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  pw_test_ui_flush ();
}

static guint
count_teams (PwWorkbook *workbook)
{
  return g_list_model_get_n_items (pw_org_map_get_teams (pw_workbook_get_org_map (workbook)));
}

static guint
count_links (PwWorkbook *workbook)
{
  return g_list_model_get_n_items (pw_org_map_get_links (pw_workbook_get_org_map (workbook)));
}

static PwTeam *
team_at (PwWorkbook *workbook,
         guint       i)
{
  g_autoptr(PwTeam) team = g_list_model_get_item (pw_org_map_get_teams (pw_workbook_get_org_map (workbook)), i);

  return team;
}

static void
select_two (PwMapPage *page,
            PwTeam    *a,
            PwTeam    *b)
{
  PwTeam *pair[] = { a, b };

  pw_map_page_select_teams (page, pair, 2);
  pw_test_ui_flush ();
}

static gboolean
document_saved (gpointer data)
{
  PwDocument *document = pw_window_get_document (data);

  return document != NULL && !pw_document_get_busy (document)
         && !pw_document_get_modified (document);
}

/* The overview's overall phase of @team_id is @phase */
static gboolean
overview_shows (gpointer data)
{
  gpointer *args = data;

  pw_test_ui_flush ();
  return pw_teams_overview_get_phase (args[0], args[1], -1) == GPOINTER_TO_INT (args[2]);
}

static void
wait_for_overview (PwMapPage  *page,
                   const char *team_id,
                   int         phase)
{
  gpointer args[] = { pw_map_page_get_overview (page), (gpointer) team_id, GINT_TO_POINTER (phase) };

  pw_test_ui_wait (overview_shows, args, "the overview to show the new phase");
}

static void
test_draw_assess_reopen (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "drawn", NULL);
  g_autofree char *path = g_build_filename (dir, "drawn.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) reopened = NULL;
  g_autoptr(GBytes) before_move = NULL;
  g_autoptr(PwScore) score = NULL;
  g_autoptr(GPtrArray) hubs = g_ptr_array_new ();
  g_autoptr(GPtrArray) spokes = g_ptr_array_new ();
  g_autofree char *spoke_id = NULL;
  PwWindow *window = pw_test_ui_new_window ();
  PwWindow *second;
  PwWorkbook *workbook;
  PwFramework *framework;
  PwAssessment *assessment;
  PwMapPage *page;
  GtkWidget *wizard;
  int phase;

  g_mkdir_with_parents (dir, 0700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  g_assert_nonnull (workbook);
  framework = pw_workbook_get_framework (workbook);
  g_assert_cmpuint (count_teams (workbook), ==, 0);

  /* In the list, as the keyboard alone does it: two hubs, five spokes */
  page = show_map_area (window, "list");
  run_page_action (page, "map.add-hub");
  run_page_action (page, "map.add-hub");
  for (guint i = 0; i < 5; i++)
    run_page_action (page, "map.add-spoke");
  g_assert_cmpuint (count_teams (workbook), ==, 7);
  for (guint i = 0; i < 7; i++)
    g_ptr_array_add (pw_team_get_kind (team_at (workbook, i)) == PW_TEAM_HUB ? hubs : spokes,
                     team_at (workbook, i));
  g_assert_cmpuint (hubs->len, ==, 2);
  g_assert_cmpuint (spokes->len, ==, 5);

  /* Each new team is selected, and the panel shows it */
  {
    g_autoptr(GPtrArray) selected = pw_map_page_get_selected (page);

    g_assert_cmpuint (selected->len, ==, 1);
    g_assert_true (g_ptr_array_index (selected, 0) == g_ptr_array_index (spokes, 4));
    g_assert_true (pw_team_panel_get_team (PW_TEAM_PANEL (pw_map_page_get_panel (page)))
                   == g_ptr_array_index (spokes, 4));
  }

  /* No two teams on one place */
  {
    PwTeam *a = NULL, *b = NULL;

    g_assert_false (pw_org_layout_find_overlap (pw_workbook_get_org_map (workbook), &a, &b));
  }

  /* Three spokes to the first hub, two to the second */
  for (guint i = 0; i < 5; i++)
    {
      select_two (page, g_ptr_array_index (hubs, i < 3 ? 0 : 1), g_ptr_array_index (spokes, i));
      run_page_action (page, "map.connect");
    }
  g_assert_cmpuint (count_links (workbook), ==, 5);
  g_assert_true (pw_org_map_get_hub_of (pw_workbook_get_org_map (workbook),
                                        g_ptr_array_index (spokes, 4))
                 == g_ptr_array_index (hubs, 1));
  g_assert_cmpint (pw_org_model_card_get_model (
                     PW_ORG_MODEL_CARD (pw_test_ui_find_widget (GTK_WIDGET (page),
                                                                PW_TYPE_ORG_MODEL_CARD))),
                   ==, PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE);

  /* On the map: a spoke moved with the arrow keys' action, then undone */
  show_map_area (window, "map");
  before_move = pw_workbook_serialize (workbook);
  {
    PwTeam *spoke = g_ptr_array_index (spokes, 0);
    int x = pw_team_get_x (spoke);
    GtkWidget *canvas = pw_map_page_get_canvas (page);

    pw_map_page_select_teams (page, &spoke, 1);
    g_assert_true (gtk_widget_activate_action (canvas, "canvas.move", "(ii)", 1, 0));
    g_assert_true (gtk_widget_activate_action (canvas, "canvas.move", "(ii)", 1, 0));
    pw_test_ui_flush ();
    g_assert_cmpint (pw_team_get_x (spoke), >, x);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    pw_test_ui_flush ();
    g_assert_cmpint (pw_team_get_x (spoke), ==, x);
  }
  {
    g_autoptr(GBytes) undone = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (before_move, undone));
  }

  /* The last link undone and redone */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (count_links (workbook), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (count_links (workbook), ==, 5);

  /* The third spoke assessed, from its panel's "Assess This Team" */
  pw_team_set_name (g_ptr_array_index (spokes, 2), "Retail Stores");
  spoke_id = g_strdup (pw_team_get_id (g_ptr_array_index (spokes, 2)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.assess-team", "s",
                                             spoke_id));
  pw_test_ui_flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "assess");
  assessment = pw_assess_page_get_selected (window->assess_page);
  g_assert_nonnull (assessment);
  g_assert_cmpstr (pw_assessment_get_team_id (assessment), ==, spoke_id);
  wizard = pw_assess_page_get_wizard (window->assess_page);
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          g_assert_true (gtk_widget_activate_action (wizard, "wizard.answer", "(ss)",
                                                     question->id, q % 2 ? "3" : "4"));
        }
    }
  score = pw_score_compute (framework, assessment, pw_workbook_get_policy (workbook));
  g_assert_true (score->has_score);
  phase = score->phase;
  g_assert_cmpint (phase, >=, 3);

  /* Its phase in the teams overview; the other spokes unassessed */
  show_map_area (window, "overview");
  wait_for_overview (page, spoke_id, phase);
  g_assert_cmpint (pw_teams_overview_get_phase (PW_TEAMS_OVERVIEW (pw_map_page_get_overview (page)),
                                                pw_team_get_id (g_ptr_array_index (spokes, 0)), -1),
                   ==, 0);
  g_assert_cmpuint (pw_teams_overview_get_n_rows (PW_TEAMS_OVERVIEW (pw_map_page_get_overview (page))),
                    ==, 8);

  /* Saved, and opened again in another window: the same workbook */
  pw_document_save_async (pw_window_get_document (window), file, PW_SAVE_NONE, NULL, NULL, NULL);
  pw_test_ui_wait (document_saved, window, "the save");
  saved = pw_workbook_serialize (workbook);
  pw_test_ui_destroy_window (window);

  second = pw_test_ui_new_window ();
  pw_test_ui_open_file (second, file);
  reopened = pw_workbook_serialize (get_workbook (second));
  g_assert_true (g_bytes_equal (saved, reopened));
  g_assert_cmpuint (count_teams (get_workbook (second)), ==, 7);
  g_assert_cmpuint (count_links (get_workbook (second)), ==, 5);
  page = show_map_area (second, "overview");
  wait_for_overview (page, spoke_id, phase);
  pw_test_ui_destroy_window (second);
}

static void
test_example (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  PwTeamsOverview *overview;
  PwMapPage *page;
  PwOrgModel model;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  g_assert_nonnull (workbook);

  page = show_map_area (window, "overview");
  overview = PW_TEAMS_OVERVIEW (pw_map_page_get_overview (page));
  g_assert_cmpuint (pw_teams_overview_get_n_rows (overview), ==, count_teams (workbook) + 1);
  g_assert_cmpint (pw_teams_overview_get_phase (overview, "talent", -1), ==, 3);
  g_assert_cmpint (pw_teams_overview_get_phase (overview, "product", -1), ==, 3);
  g_assert_cmpint (pw_teams_overview_get_phase (overview, "sales-eu", -1), ==, 2);
  g_assert_cmpint (pw_teams_overview_get_phase (overview, NULL, -1), >, 0);

  /* The model is named beside the map, from the map */
  show_map_area (window, "map");
  model = pw_org_model_card_get_model (PW_ORG_MODEL_CARD (pw_test_ui_find_widget (GTK_WIDGET (page),
                                                                              PW_TYPE_ORG_MODEL_CARD)));
  g_assert_cmpint (model, ==, pw_org_map_detect_model (pw_workbook_get_org_map (workbook)));
  g_assert_cmpint (model, !=, PW_ORG_MODEL_NONE);

  /* The legend can go, for a small screen or a projector */
  g_assert_true (pw_org_canvas_get_show_legend (PW_ORG_CANVAS (pw_map_page_get_canvas (page))));
  run_page_action (page, "map.show-legend");
  g_assert_false (pw_org_canvas_get_show_legend (PW_ORG_CANVAS (pw_map_page_get_canvas (page))));
  run_page_action (page, "map.show-legend");
  g_assert_true (pw_org_canvas_get_show_legend (PW_ORG_CANVAS (pw_map_page_get_canvas (page))));

  /* The overview's row of a team selects it on the map */
  g_signal_emit_by_name (overview, "team-activated", "talent");
  pw_test_ui_flush ();
  g_assert_cmpstr (pw_map_page_get_view (page), ==, "map");
  {
    g_autoptr(GPtrArray) selected = pw_map_page_get_selected (page);

    g_assert_cmpuint (selected->len, ==, 1);
    g_assert_cmpstr (pw_team_get_id (g_ptr_array_index (selected, 0)), ==, "talent");
  }

  pw_test_ui_destroy_window (window);
}

static void
test_shared_selection (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  PwMapPage *page;
  PwTeam *talent;
  guint n_teams, n_assessments;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  page = show_map_area (window, "map");
  talent = pw_org_map_find_team (pw_workbook_get_org_map (workbook), "talent");
  g_assert_nonnull (talent);

  /* Selected on the canvas: the list and the panel follow */
  pw_org_canvas_select_teams (PW_ORG_CANVAS (pw_map_page_get_canvas (page)), &talent, 1);
  g_signal_emit_by_name (pw_map_page_get_canvas (page), "selection-changed");
  pw_test_ui_flush ();
  {
    g_autoptr(GPtrArray) in_list = pw_team_list_get_selected (PW_TEAM_LIST (pw_map_page_get_team_list (page)));

    g_assert_cmpuint (in_list->len, ==, 1);
    g_assert_true (g_ptr_array_index (in_list, 0) == talent);
  }
  g_assert_true (pw_team_panel_get_team (PW_TEAM_PANEL (pw_map_page_get_panel (page))) == talent);

  /* Deleted with its assessment: the toast says so, its Undo brings both back */
  n_teams = count_teams (workbook);
  n_assessments = g_list_model_get_n_items (pw_workbook_get_assessments (workbook));
  g_assert_cmpuint (pw_workbook_count_team_assessments (workbook, "talent"), ==, 1);
  run_page_action (page, "map.delete");
  g_assert_cmpuint (count_teams (workbook), ==, n_teams - 1);
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (workbook)), ==,
                    n_assessments - 1);
  g_assert_null (pw_team_panel_get_team (PW_TEAM_PANEL (pw_map_page_get_panel (page))));
  pw_test_ui_wait_for_toast (window, "Deleted “Talent");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-toast", NULL);
  pw_test_ui_flush ();
  g_assert_cmpuint (count_teams (workbook), ==, n_teams);
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (workbook)), ==,
                    n_assessments);

  pw_test_ui_destroy_window (window);
}

static gboolean
dialog_present (gpointer data)
{
  return pw_test_ui_find_dialog (data) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "exports", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *png_path = g_build_filename (dir, "map.png", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "not-there", "map.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  PwWindow *window = pw_test_ui_new_window ();
  gsize length = 0;

  g_mkdir_with_parents (dir, 0700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();

  _pw_window_write_map (window, svg_file, PW_MAP_EXPORT_SVG);
  pw_test_ui_wait (file_exists, svg_path, "the SVG");
  _pw_window_write_map (window, png_file, PW_MAP_EXPORT_PNG);
  pw_test_ui_wait (file_exists, png_path, "the PNG");
  pw_test_ui_wait_for_toast (window, "Exported “map.png”");

  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "Talent"));
  g_assert_true (g_file_get_contents (png_path, &png, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  /* A folder that is not there: said in a dialog, and no file */
  _pw_window_write_map (window, bad_file, PW_MAP_EXPORT_SVG);
  pw_test_ui_wait (dialog_present, (gpointer) "Could Not Export “map.svg”", "the error");
  pw_test_ui_respond ("Could Not Export “map.svg”", "close");
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  pw_test_ui_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-map-page");
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phasewise/map-page/draw-assess-reopen", test_draw_assess_reopen);
  g_test_add_func ("/phasewise/map-page/example", test_example);
  g_test_add_func ("/phasewise/map-page/shared-selection", test_shared_selection);
  g_test_add_func ("/phasewise/map-page/export", test_export);

  return g_test_run ();
}
