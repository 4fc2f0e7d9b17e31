/* test-comparison-view.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-comparison-view"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "pw-comparison-view.h"
#include "pw-radar-chart.h"
#include "pw-test-core.h"
#include "pw-test-ui.h"

/*
 * The comparison view under Xvfb, driven as a user's clicks and keys would:
 *
 *   /phasewise/comparison-view/defaults   the latest round against the one before, both
 *                                         radars, a row per dimension and per question,
 *                                         "Only What Moved" hiding what stayed
 *   /phasewise/comparison-view/migrated   a 2.0 round chosen against a migrated 1.0 one:
 *                                         questions only one was asked listed as such;
 *                                         deleting the chosen one goes back to the defaults
 *   /phasewise/comparison-view/keyboard   the dropdowns, the switch and the questions are
 *                                         reached with Tab
 *   /phasewise/comparison-view/empty      one assessment: nothing to compare, said so
 */

static GtkWindow *
show_view (PwComparisonView *view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1000, 800);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  pw_test_ui_flush ();

  return window;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  pw_test_ui_flush ();
}

static GtkDropDown *
find_dropdown (PwComparisonView *view,
               const char       *row_title)
{
  GtkWidget *row = pw_test_ui_find_row (GTK_WIDGET (view), row_title);

  g_assert_nonnull (row);

  return GTK_DROP_DOWN (pw_test_ui_find_widget (row, GTK_TYPE_DROP_DOWN));
}

static void
choose (GtkDropDown  *dropdown,
        PwAssessment *assessment)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PwAssessment) each = g_list_model_get_item (model, i);

      if (each == assessment)
        {
          gtk_drop_down_set_selected (dropdown, i);
          pw_test_ui_flush ();
          return;
        }
    }

  g_assert_not_reached ();
}

/* The question row titled @question, and the change it shows */
static GtkWidget *
find_question_row (PwComparisonView *view,
                   const char       *question,
                   const char       *tag)
{
  GtkWidget *row = pw_test_ui_find_row (GTK_WIDGET (view), question);

  g_assert_nonnull (row);
  if (tag != NULL)
    g_assert_nonnull (pw_test_ui_find_label (row, tag));

  return row;
}

static void
test_defaults (void)
{
  g_autoptr(PwMigration) migration = pw_test_migrate_fixture ("larkspur-1.0.phasewise");
  PwWorkbook *workbook = pw_migration_get_result (migration);
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *latest = pw_workbook_find_assessment (workbook, "assessment-2");
  PwAssessment *previous = pw_workbook_get_previous_round (workbook, latest);
  PwComparisonView *view = PW_COMPARISON_VIEW (pw_comparison_view_new ());
  GtkWindow *window;
  PwComparison *comparison;
  GtkSwitch *only_moved;
  PwRadarChart *chart;
  guint n_rows, n_same;

  g_assert_nonnull (previous);
  g_object_set (view, "workbook", workbook, NULL);
  window = show_view (view);

  /* The latest round, and the round of its scope before it */
  g_assert_true (pw_comparison_view_get_second (view) == latest);
  g_assert_true (pw_comparison_view_get_first (view) == previous);
  g_assert_true (gtk_drop_down_get_selected_item (find_dropdown (view, "_After")) == latest);
  g_assert_true (gtk_drop_down_get_selected_item (find_dropdown (view, "_Before")) == previous);

  comparison = pw_comparison_view_get_comparison (view);
  g_assert_nonnull (comparison);
  g_assert_true (pw_comparison_get_first (comparison) == previous);
  n_rows = pw_comparison_get_n_rows (comparison);
  n_same = pw_comparison_count (comparison, PW_COMPARISON_SAME);
  g_assert_cmpuint (n_same, <, n_rows);

  /* Both radars, one axis per dimension, and a row per dimension */
  chart = PW_RADAR_CHART (pw_test_ui_find_widget (GTK_WIDGET (view), PW_TYPE_RADAR_CHART));
  g_assert_cmpuint (pw_radar_chart_get_n_axes (chart), ==,
                    pw_framework_get_n_dimensions (framework));
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    g_assert_nonnull (pw_test_ui_find_row (GTK_WIDGET (view),
                                           pw_framework_get_dimension (framework, d)->name));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (view), "Overall score "));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (view), "Up: "));

  /* Every question, then only those that moved */
  g_assert_cmpuint (pw_comparison_view_get_n_shown_rows (view), ==, n_rows);
  only_moved = GTK_SWITCH (pw_test_ui_find_widget (GTK_WIDGET (view), GTK_TYPE_SWITCH));
  gtk_switch_set_active (only_moved, TRUE);
  pw_test_ui_flush ();
  g_assert_true (pw_comparison_view_get_only_moved (view));
  g_assert_cmpuint (pw_comparison_view_get_n_shown_rows (view), ==, n_rows - n_same);
  for (guint i = 0; i < n_rows; i++)
    {
      const PwComparisonRow *row = pw_comparison_get_row (comparison, i);
      GtkWidget *widget = pw_test_ui_find_row (GTK_WIDGET (view), row->question);

      g_assert_nonnull (widget);
      g_assert_cmpint (gtk_widget_get_child_visible (widget), ==,
                       row->change != PW_COMPARISON_SAME);
    }

  gtk_switch_set_active (only_moved, FALSE);
  pw_test_ui_flush ();
  g_assert_cmpuint (pw_comparison_view_get_n_shown_rows (view), ==, n_rows);

  /* Closed, the view goes with its window, and lets the workbook go */
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  close_window (window);
  g_assert_null (view);
}

static void
test_migrated (void)
{
  g_autoptr(PwMigration) migration = pw_test_migrate_fixture ("larkspur-1.0.phasewise");
  PwWorkbook *workbook = pw_migration_get_result (migration);
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *migrated = pw_workbook_find_assessment (workbook, "assessment-2");
  PwAssessment *default_first;
  PwComparisonView *view = PW_COMPARISON_VIEW (pw_comparison_view_new ());
  const PwQuestion *added = pw_framework_find_question (framework, "listening-5");
  const PwQuestion *strategy_1 = pw_framework_find_question (framework, "strategy-1");
  g_autoptr(PwAssessment) current = NULL;
  const PwRetiredAnswer *retired;
  GtkWindow *window;
  PwComparison *comparison;
  GtkWidget *row;
  g_autofree char *subtitle = NULL;

  pw_comparison_view_set_workbook (view, workbook);
  window = show_view (view);
  default_first = pw_comparison_view_get_first (view);

  /* A round under 2.0, added while the view shows: the choices stay */
  current = g_object_ref (pw_workbook_start_assessment (workbook,
                                                        pw_assessment_get_team_id (migrated)));
  pw_assessment_set_date (current, "2026-11-30");
  pw_answer_choose (pw_assessment_ensure_answer (current, strategy_1->id), 1);
  pw_answer_choose (pw_assessment_ensure_answer (current, added->id), 3);
  pw_test_ui_flush ();
  g_assert_true (pw_comparison_view_get_second (view) == migrated);

  /* Chosen as a user does: Before the migrated round, After the new one */
  choose (find_dropdown (view, "_After"), current);
  choose (find_dropdown (view, "_Before"), migrated);
  g_assert_true (pw_comparison_view_get_first (view) == migrated);
  g_assert_true (pw_comparison_view_get_second (view) == current);

  comparison = pw_comparison_view_get_comparison (view);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_ONLY_FIRST), >, 0);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_ONLY_SECOND), >, 0);

  find_question_row (view, strategy_1->text, "Down");
  row = find_question_row (view, added->text, "Only after");
  subtitle = g_strdup_printf ("Before: Not asked\nAfter: Phase 3: %s", added->options[2]);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);

  retired = g_ptr_array_index (pw_assessment_get_retired_answers (migrated), 0);
  row = find_question_row (view, retired->question, "Only before");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "\nAfter: Not asked"));

  /* What only one was asked counts as moved */
  gtk_switch_set_active (GTK_SWITCH (pw_test_ui_find_widget (GTK_WIDGET (view),
                                                             GTK_TYPE_SWITCH)), TRUE);
  pw_test_ui_flush ();
  row = find_question_row (view, added->text, NULL);
  g_assert_true (gtk_widget_get_child_visible (row));

  /* The compared round deleted: back to the latest and the one before */
  pw_workbook_remove_assessment (workbook, current);
  pw_test_ui_flush ();
  g_assert_true (pw_comparison_view_get_second (view) == migrated);
  g_assert_true (pw_comparison_view_get_first (view) == default_first);
  g_assert_nonnull (pw_comparison_view_get_comparison (view));

  close_window (window);
}

static gboolean
is_inside (GtkWidget *focus,
           GtkWidget *widget)
{
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_keyboard (void)
{
  g_autoptr(PwMigration) migration = pw_test_migrate_fixture ("larkspur-1.0.phasewise");
  PwWorkbook *workbook = pw_migration_get_result (migration);
  PwComparisonView *view = PW_COMPARISON_VIEW (pw_comparison_view_new ());
  GtkWindow *window;
  GtkWidget *first, *second, *toggle, *question;
  gboolean reached_first = FALSE, reached_second = FALSE;
  gboolean reached_switch = FALSE, reached_question = FALSE;
  const PwComparisonRow *row;

  pw_comparison_view_set_workbook (view, workbook);
  window = show_view (view);
  first = GTK_WIDGET (find_dropdown (view, "_Before"));
  second = GTK_WIDGET (find_dropdown (view, "_After"));
  toggle = pw_test_ui_find_widget (GTK_WIDGET (view), GTK_TYPE_SWITCH);
  row = pw_comparison_get_row (pw_comparison_view_get_comparison (view), 0);
  question = pw_test_ui_find_row (GTK_WIDGET (view), row->question);

  for (guint i = 0; i < 40 && !(reached_first && reached_second && reached_switch
                                && reached_question); i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      pw_test_ui_flush ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      reached_first |= is_inside (focus, first);
      reached_second |= is_inside (focus, second);
      reached_switch |= is_inside (focus, toggle);
      reached_question |= is_inside (focus, question);
    }

  g_assert_true (reached_first);
  g_assert_true (reached_second);
  g_assert_true (reached_switch);
  g_assert_true (reached_question);

  close_window (window);
}

static void
test_empty (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_new_workbook ();
  PwComparisonView *view = PW_COMPARISON_VIEW (pw_comparison_view_new ());
  GtkWindow *window;
  GtkWidget *status;

  pw_workbook_start_assessment (workbook, NULL);

  pw_comparison_view_set_workbook (view, workbook);
  window = show_view (view);

  g_assert_null (pw_comparison_view_get_comparison (view));
  g_assert_null (pw_comparison_view_get_first (view));
  status = pw_test_ui_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                                   "A comparison needs two assessments"));

  /* A second round: compared at once */
  pw_workbook_start_assessment (workbook, NULL);
  pw_test_ui_flush ();
  g_assert_nonnull (pw_comparison_view_get_first (view));
  g_assert_nonnull (pw_comparison_view_get_comparison (view));
  g_assert_false (gtk_widget_get_mapped (status));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-comparison-view");
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  pw_test_ui_load_style ();

  g_test_add_func ("/phasewise/comparison-view/defaults", test_defaults);
  g_test_add_func ("/phasewise/comparison-view/migrated", test_migrated);
  g_test_add_func ("/phasewise/comparison-view/keyboard", test_keyboard);
  g_test_add_func ("/phasewise/comparison-view/empty", test_empty);

  return g_test_run ();
}
