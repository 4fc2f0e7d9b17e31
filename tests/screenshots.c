/* screenshots.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "screenshots"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "pw-application.h"
#include "pw-assess-page.h"
#include "pw-policy-page.h"
#include "pw-dimension-card.h"
#include "pw-radar-chart.h"
#include "pw-report-page.h"
#include "pw-map-page.h"
#include "pw-result-view.h"
#include "pw-test-ui.h"
#include "pw-window.h"
#include "pw-wizard.h"

/*
 * Renders the real window in the states a user sees to PNG files: the
 * welcome page, a new workbook, the example's result (its headline, its
 * chart and its dimension cards), a wizard page, the review, the profile,
 * the organization map, the report, and a wizard page in projector mode
 * (no sidebar, text at 110 %).  Run by
 * tools/screenshots.sh under Xvfb:
 *
 *   phasewise-screenshots OUTDIR WIDTH HEIGHT light|dark [policy]
 *
 * The policy checklist is shot too ("policy", one of its items open,
 * "policy-item", as it stood on a past day, "policy-past", and its
 * overdue reviews, "policy-overdue"); with "policy", only it is.
 */

static void shoot (GtkWidget  *window,
                   const char *dir,
                   const char *name,
                   const char *suffix);
static void settle (void);

/* The example's policy checklist, then one of its custom items open */
static void
shoot_policy (PwWindow   *window,
              const char *dir,
              const char *suffix)
{
  GtkWidget *page = pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_POLICY_PAGE);
  PwWorkbook *workbook = pw_document_get_workbook (pw_window_get_document (window));
  GListModel *items = pw_policy_get_items (pw_workbook_get_policy (workbook));
  GtkWidget *row = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-policy", NULL);
  shoot (GTK_WIDGET (window), dir, "policy", suffix);

  for (guint i = 0; i < g_list_model_get_n_items (items) && row == NULL; i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      if (pw_policy_item_get_custom (item))
        row = pw_policy_page_get_row (PW_POLICY_PAGE (page), pw_policy_item_get_id (item));
    }
  if (row == NULL)
    g_error ("The example has no custom policy item");

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  settle ();
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t point;

    if (gtk_widget_compute_point (row, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
      {
        GtkAdjustment *adjustment =
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adjustment,
                                  gtk_adjustment_get_value (adjustment) + point.y - 60);
      }
  }
  shoot (GTK_WIDGET (window), dir, "policy-item", suffix);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);

  /* The day the history begins, read-only */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                              gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW))), 0);
  gtk_widget_activate_action (page, "policy.view-as-of", "s",
                              pw_policy_get_history_since (pw_workbook_get_policy (workbook)));
  shoot (GTK_WIDGET (window), dir, "policy-past", suffix);
  gtk_widget_activate_action (page, "policy.view-as-of", "s", "");

  /* The reviews that are overdue, by the filter */
  gtk_widget_activate_action (page, "policy.filter-overdue", NULL);
  shoot (GTK_WIDGET (window), dir, "policy-overdue", suffix);
  gtk_widget_activate_action (page, "policy.clear-filters", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-policy", NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                              gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW))), 0);
}

static void
settle (void)
{
  for (guint i = 0; i < 120; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static void
shoot (GtkWidget  *window,
       const char *dir,
       const char *name,
       const char *suffix)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, suffix);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  settle ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
}

/* Scrolls @widget's scrolled window so that @widget is at its top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  if (scrolled == NULL)
    g_error ("Nothing scrolls the %s", G_OBJECT_TYPE_NAME (widget));

  settle ();
  if (!gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
    g_error ("The %s is not in its scrolled window", G_OBJECT_TYPE_NAME (widget));

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
}

static gboolean
is_governance_card (GtkWidget     *widget,
                    gconstpointer  data)
{
  return PW_IS_DIMENSION_CARD (widget)
         && g_strcmp0 (pw_dimension_card_get_dimension (PW_DIMENSION_CARD (widget))->id,
                       PW_GOVERNANCE_DIMENSION) == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PwApplication) app = NULL;
  g_autofree char *suffix = NULL;
  PwWindow *window;
  PwWizard *wizard;
  GtkWidget *page;
  const char *dir;
  int width, height;
  gboolean dark;

  if (argc != 5 && !(argc == 6 && g_str_equal (argv[5], "policy")))
    {
      g_printerr ("Usage: %s OUTDIR WIDTH HEIGHT light|dark [policy]\n", argv[0]);
      return 2;
    }

  dir = argv[1];
  width = atoi (argv[2]);
  height = atoi (argv[3]);
  dark = g_str_equal (argv[4], "dark");
  suffix = g_strdup_printf ("%dx%d-%s", width, height, argv[4]);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PHASEWISE_LOCALEDIR") ? g_getenv ("PHASEWISE_LOCALEDIR")
                                                                  : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);

  app = pw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = pw_window_new (ADW_APPLICATION (app), pw_application_get_session (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  if (argc == 6)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
      settle ();
      shoot_policy (window, dir, suffix);
      gtk_window_destroy (GTK_WINDOW (window));
      settle ();
      return 0;
    }
  shoot (GTK_WIDGET (window), dir, "welcome", suffix);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  settle ();
  shoot (GTK_WIDGET (window), dir, "new-workbook", suffix);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  settle ();
  page = pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_ASSESS_PAGE);
  wizard = PW_WIZARD (pw_assess_page_get_wizard (PW_ASSESS_PAGE (page)));
  shoot (GTK_WIDGET (window), dir, "result", suffix);

  scroll_to (pw_test_ui_find_widget (GTK_WIDGET (wizard), PW_TYPE_RADAR_CHART));
  shoot (GTK_WIDGET (window), dir, "result-chart", suffix);

  scroll_to (pw_test_ui_find_widget (GTK_WIDGET (wizard), PW_TYPE_DIMENSION_CARD));
  shoot (GTK_WIDGET (window), dir, "result-cards", suffix);

  /* The governance card: the cap, the core items behind it, the way to them */
  scroll_to (pw_test_ui_find (GTK_WIDGET (wizard), is_governance_card, NULL));
  shoot (GTK_WIDGET (window), dir, "result-governance", suffix);

  /* The answers to questions that framework 2.0.0 retired */
  scroll_to (pw_test_ui_find_widget (pw_test_ui_find_widget (GTK_WIDGET (wizard),
                                                             PW_TYPE_RESULT_VIEW),
                                     ADW_TYPE_PREFERENCES_GROUP));
  shoot (GTK_WIDGET (window), dir, "result-retired", suffix);

  pw_wizard_set_page (wizard, 2);
  shoot (GTK_WIDGET (window), dir, "wizard", suffix);

  pw_wizard_set_page (wizard, pw_wizard_get_n_pages (wizard) - 2);
  shoot (GTK_WIDGET (window), dir, "review", suffix);

  pw_wizard_set_page (wizard, 0);
  shoot (GTK_WIDGET (window), dir, "profile", suffix);

  shoot_policy (window, dir, suffix);

  /* The organization map with a spoke selected, the list, the overview */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (
    pw_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "map");
  {
    PwMapPage *map_page = PW_MAP_PAGE (pw_test_ui_find_widget (GTK_WIDGET (window),
                                                               PW_TYPE_MAP_PAGE));
    PwDocument *document = pw_window_get_document (window);
    PwTeam *talent = pw_org_map_find_team (pw_workbook_get_org_map (pw_document_get_workbook (document)),
                                           "talent");

    settle ();
    pw_map_page_select_teams (map_page, &talent, 1);
    shoot (GTK_WIDGET (window), dir, "map", suffix);
    pw_map_page_set_view (map_page, "list");
    shoot (GTK_WIDGET (window), dir, "teams-list", suffix);
    pw_map_page_set_view (map_page, "overview");
    shoot (GTK_WIDGET (window), dir, "teams-overview", suffix);
    pw_map_page_set_view (map_page, "map");
  }

  /* The report of the latest round: its texts beside the preview of its pages */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-report", NULL);
  shoot (GTK_WIDGET (window), dir, "report", suffix);
  /* …and further down, the preview of its pages */
  scroll_to (pw_test_ui_find_widget (pw_test_ui_find_widget (GTK_WIDGET (window),
                                                             PW_TYPE_REPORT_PAGE),
                                     GTK_TYPE_DRAWING_AREA));
  shoot (GTK_WIDGET (window), dir, "report-pages", suffix);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (
    pw_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "assess");

  /* Projector mode: the sidebar hidden (F9), the text at 110 % (Ctrl+plus) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  pw_wizard_set_page (wizard, 2);
  shoot (GTK_WIDGET (window), dir, "projector", suffix);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();

  return 0;
}
