/* test-widgets.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-widgets"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-dimension-card.h"
#include "pw-dimension-page.h"
#include "pw-profile-page.h"
#include "pw-question-card.h"
#include "pw-radar-chart.h"
#include "pw-result-view.h"
#include "pw-review-page.h"
#include "pw-test-ui.h"
#include "pw-wizard.h"

/*
 * The widgets of the wizard and the result one by one, in a window of their
 * own under Xvfb: what they show follows the model, and looking at an
 * assessment does not change it.
 */

static void
iterate_a_little (void)
{
  for (guint i = 0; i < 30; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static GtkWindow *
show (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1000, 800);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  iterate_a_little ();

  return window;
}

static void
destroy (GtkWindow *window,
         gpointer   widget)
{
  g_object_add_weak_pointer (G_OBJECT (widget), &widget);
  gtk_window_destroy (window);
  iterate_a_little ();
  g_assert_null (widget);
}

/* The first label under @root, shown on screen, that reads @text */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The entry under @root whose placeholder reads @placeholder */
static GtkEditable *
find_entry (GtkWidget  *root,
            const char *placeholder)
{
  if (GTK_IS_ENTRY (root)
      && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (root)), placeholder) == 0)
    return GTK_EDITABLE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_entry (child, placeholder);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
question_activated_cb (GtkWidget   *page,
                       const char  *question_id,
                       char       **activated)
{
  g_free (*activated);
  *activated = g_strdup (question_id);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static guint
find_scope (GListModel *scopes,
            const char *team_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (scopes); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (scopes, i);

      if (g_strcmp0 (pw_team_get_id (team), team_id) == 0)
        return i;
    }

  g_assert_not_reached ();
}

/* The scope list is the map's teams: renames show at once, and nothing but
 * the user's choice changes the assessment's scope. */
static void
test_profile_scope (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  GtkWidget *page = pw_profile_page_new ();
  GtkWindow *window;
  AdwComboRow *row;
  GListModel *scopes;

  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (page), workbook, assessment);
  window = show (page);
  row = ADW_COMBO_ROW (find_widget (page, ADW_TYPE_COMBO_ROW));
  scopes = pw_profile_page_get_scopes (PW_PROFILE_PAGE (page));

  g_assert_cmpuint (g_list_model_get_n_items (scopes), ==,
                    1 + g_list_model_get_n_items (pw_org_map_get_teams (map)));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Whole organization"));

  /* The popover shows a long name whole (ui-walk m1). */
  {
    GtkLabel *label;
    int natural;

    g_signal_emit_by_name (row, "activate");
    iterate_a_little ();
    label = find_label (GTK_WIDGET (row), "Social Media Center of Excellence");
    g_assert_nonnull (label);
    g_assert_nonnull (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_POPOVER));
    g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
    g_assert_true (gtk_label_get_wrap (label));
    gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, &natural, NULL, NULL);
    g_test_message ("The long name: %d pixels wide of %d", gtk_widget_get_width (GTK_WIDGET (label)),
                    natural);
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (label),
                                                               GTK_TYPE_POPOVER)));
    iterate_a_little ();
  }

  /* Choosing a team: the scope, and the label the user did not write */
  adw_combo_row_set_selected (row, find_scope (scopes, "care"));
  g_assert_cmpstr (pw_assessment_get_team_id (assessment), ==, "care");
  g_assert_cmpstr (pw_assessment_get_round (assessment), ==, "Round 1");
  iterate_a_little ();
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Customer Care"));

  /* A rename on the map shows at once. */
  pw_team_set_name (pw_org_map_find_team (map, "care"), "Customer Service");
  iterate_a_little ();
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Customer Service"));
  g_assert_null (find_label (GTK_WIDGET (row), "Customer Care"));

  /* Another team leaves the map: the list follows, the scope stays. */
  pw_org_map_remove_team (map, pw_org_map_find_team (map, "hub"));
  iterate_a_little ();
  g_assert_cmpstr (pw_assessment_get_team_id (assessment), ==, "care");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, find_scope (scopes, "care"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Customer Service"));

  /* A team added does not move it either. */
  {
    g_autoptr(PwTeam) team = pw_team_new ("legal", PW_TEAM_SPOKE, "Legal");

    pw_org_map_add_team (map, team);
    iterate_a_little ();
    g_assert_cmpstr (pw_assessment_get_team_id (assessment), ==, "care");
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, find_scope (scopes, "care"));
  }

  /* A change made elsewhere, an undo say, shows. */
  pw_assessment_set_team_id (assessment, "legal");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, find_scope (scopes, "legal"));
  pw_assessment_set_team_id (assessment, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* A label the user wrote stays when the scope changes. */
  pw_assessment_set_round (assessment, "Kickoff");
  adw_combo_row_set_selected (row, find_scope (scopes, "pr"));
  g_assert_cmpstr (pw_assessment_get_team_id (assessment), ==, "pr");
  g_assert_cmpstr (pw_assessment_get_round (assessment), ==, "Kickoff");

  destroy (window, page);
}

/* A date that is not YYYY-MM-DD of a real day is marked and kept out of the model. */
static void
test_profile_date (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  g_autofree char *today = g_strdup (pw_assessment_get_date (assessment));
  GtkWidget *page = pw_profile_page_new ();
  const char *invalid[] = { "1.12.2026", "2026-02-30", "2026-13-01", "2026-1-1" };
  GtkWindow *window;
  GtkWidget *row;

  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (page), workbook, assessment);
  window = show (page);
  row = pw_test_ui_find_row (page, "Date (YYYY-MM-DD)");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, today);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), invalid[i]);
      g_assert_cmpstr (pw_assessment_get_date (assessment), ==, today);
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       "Date — not valid, use YYYY-MM-DD");
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "2026-12-01");
  g_assert_cmpstr (pw_assessment_get_date (assessment), ==, "2026-12-01");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Date (YYYY-MM-DD)");

  /* The calendar button: it opens on the entry's date, and a day chosen
   * there is the date (ui-walk m20). */
  {
    GtkWidget *button = find_widget (row, GTK_TYPE_MENU_BUTTON);
    GtkCalendar *calendar;
    g_autoptr(GDateTime) shown = NULL;
    g_autoptr(GDateTime) day = g_date_time_new_local (2027, 3, 15, 0, 0, 0);

    g_assert_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    iterate_a_little ();
    calendar = GTK_CALENDAR (find_widget (
      GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), GTK_TYPE_CALENDAR));
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (calendar)));
    shown = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 12);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 1);

    gtk_calendar_select_day (calendar, day);
    iterate_a_little ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2027-03-15");
    g_assert_cmpstr (pw_assessment_get_date (assessment), ==, "2027-03-15");
    g_assert_false (gtk_widget_has_css_class (row, "error"));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    iterate_a_little ();
  }

  destroy (window, page);
}

/* Participants is one Tab stop, its spin button's, which is named for
 * screen readers. */
static void
test_profile_participants (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  GtkWidget *page = pw_profile_page_new ();
  GtkWindow *window;
  GtkWidget *spin;
  GtkWidget *focus;

  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (page), workbook, assessment);
  window = show (page);
  spin = find_widget (page, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);

  gtk_widget_grab_focus (pw_test_ui_find_row (page, "Facilitator"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == spin || gtk_widget_is_ancestor (focus, spin));

  /* Back from it: the facilitator again, not the row between */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, pw_test_ui_find_row (page, "Facilitator")));

  destroy (window, page);
}

static const char *
get_count (GtkWidget  *page,
           const char *caption)
{
  GtkLabel *label = find_label (page, caption);

  g_assert_nonnull (label);

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_prev_sibling (GTK_WIDGET (label))));
}

/* The review counts as the core counts, and changes in place. */
static void
test_review_in_place (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  const PwQuestion *first = pw_framework_find_question (framework, "strategy-1");
  const PwQuestion *second = pw_framework_find_question (framework, "strategy-2");
  GtkWidget *page = pw_review_page_new ();
  g_autofree char *activated = NULL;
  GtkWindow *window;
  GtkWidget *first_row, *second_row;
  guint notified = 0;
  char total[8];

  g_snprintf (total, sizeof total, "%u", pw_framework_get_n_questions (framework));
  g_signal_connect_swapped (page, "notify::assessment", G_CALLBACK (count_cb), &notified);
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (page), workbook, assessment);
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (page), workbook, assessment);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (pw_assessment_view_get_workbook (PW_ASSESSMENT_VIEW (page)) == workbook);
  g_signal_connect (page, "question-activated", G_CALLBACK (question_activated_cb), &activated);
  window = show (page);

  g_assert_cmpstr (get_count (page, "No answer yet"), ==, total);
  g_assert_cmpstr (get_count (page, "Options chosen"), ==, "0");
  first_row = pw_test_ui_find_row (page, first->text);
  second_row = pw_test_ui_find_row (page, second->text);
  g_assert_true (gtk_widget_get_mapped (first_row));

  /* Answered elsewhere, with the focus on the next question's row */
  gtk_widget_grab_focus (second_row);
  g_object_add_weak_pointer (G_OBJECT (second_row), (gpointer *) &second_row);
  pw_answer_set_kind (pw_assessment_ensure_answer (assessment, first->id),
                      PW_ANSWER_NOT_APPLICABLE);
  iterate_a_little ();
  g_assert_false (gtk_widget_get_visible (first_row));
  g_assert_nonnull (second_row);
  g_assert_true (gtk_widget_has_focus (second_row));
  g_assert_cmpstr (get_count (page, "Not applicable"), ==, "1");

  /* Taken back, as an undo does: the row is back, the focus where it was */
  pw_answer_set_kind (pw_assessment_lookup_answer (assessment, first->id), PW_ANSWER_NONE);
  iterate_a_little ();
  g_assert_true (gtk_widget_get_visible (first_row));
  g_assert_true (gtk_widget_has_focus (second_row));
  g_assert_cmpstr (get_count (page, "Not applicable"), ==, "0");
  g_assert_cmpstr (get_count (page, "No answer yet"), ==, total);

  g_signal_emit_by_name (second_row, "activated");
  g_assert_cmpstr (activated, ==, second->id);

  destroy (window, page);
}

/* Fewer than half of the questions counted: the headline says it is preliminary. */
static void
test_result_preliminary (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  GtkWidget *view = GTK_WIDGET (pw_result_view_new ());
  const char *preliminary = "Preliminary: only 1 of 56 questions counts toward this result";
  GtkWindow *window;
  guint answered = 0;

  g_assert_cmpuint (pw_framework_get_n_questions (framework), ==, 56);
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "strategy-1"), 3);
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (view), workbook, assessment);
  window = show (view);

  g_assert_cmpstr (pw_result_view_get_headline (PW_RESULT_VIEW (view)), ==,
                   "Phase 3 · The Integrators");
  g_assert_nonnull (find_label (view, preliminary));
  g_assert_nonnull (find_label (view, "1 of 56 questions answered, 2 %"));

  /* Half of them: no longer preliminary; one not applicable shows beside */
  pw_answer_set_kind (pw_assessment_ensure_answer (assessment, "strategy-2"),
                      PW_ANSWER_NOT_APPLICABLE);
  for (guint d = 0; answered < 27; d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len && answered < 27; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          if (g_str_equal (question->id, "strategy-1") || g_str_equal (question->id, "strategy-2"))
            continue;
          pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), 3);
          answered++;
        }
    }
  iterate_a_little ();
  g_assert_null (find_label (view, preliminary));
  g_assert_null (find_label (view, "Preliminary: only 28 of 56 questions count toward this "
                                   "result"));
  g_assert_nonnull (find_label (view, "29 of 56 questions answered · 28 count toward the score "
                                      "(50\u00a0%)"));

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, view);
}

/* The example's review: the position within its phase reads as the core
 * words it, and each retired answer has its row. */
static void
test_result_position_and_retired (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook,
                                                                              "assessment-2"));
  g_autoptr(PwScore) score = pw_score_compute (framework, review,
                                               pw_workbook_get_policy (workbook));
  g_autofree char *position = pw_result_text_position (framework, score->score);
  GPtrArray *retired = pw_assessment_get_retired_answers (review);
  GtkWidget *view = GTK_WIDGET (pw_result_view_new ());
  PwAssessment *fresh;
  GtkWidget *group;
  GtkWindow *window;

  g_assert_nonnull (retired);
  g_assert_cmpuint (retired->len, ==, 4);
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (view), workbook, review);
  window = show (view);

  g_assert_cmpstr (pw_result_view_get_position (PW_RESULT_VIEW (view)), ==, position);
  g_assert_nonnull (find_label (view, position));
  g_assert_cmpuint (pw_result_view_get_n_retired (PW_RESULT_VIEW (view)), ==, retired->len);
  group = pw_test_ui_find_widget (view, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  for (guint i = 0; i < retired->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);

      g_assert_nonnull (pw_test_ui_find_row (view, answer->question));
    }

  /* A new round has neither a score nor retired answers */
  fresh = pw_workbook_start_assessment (workbook, NULL);
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (view), workbook, fresh);
  iterate_a_little ();
  g_assert_null (pw_result_view_get_position (PW_RESULT_VIEW (view)));
  g_assert_cmpuint (pw_result_view_get_n_retired (PW_RESULT_VIEW (view)), ==, 0);
  g_assert_false (gtk_widget_get_visible (group));

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, view);
}

/* A card shows what it is given, and says so only when it changed. */
static void
test_dimension_card (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
  g_autoptr(PwScore) score = pw_score_compute (framework, review,
                                               pw_workbook_get_policy (workbook));
  const PwDimensionScore *integration = pw_score_find_dimension (score, "integration");
  GtkWidget *card = GTK_WIDGET (pw_dimension_card_new (framework, integration->dimension));
  GtkWidget *list = gtk_list_box_new ();
  GtkWindow *window;
  guint notified = 0;

  g_assert_cmpuint (integration->answered, ==, 6);
  g_assert_cmpuint (integration->counted, ==, 4);
  g_assert_cmpint (integration->phase, ==, 3);

  gtk_list_box_append (GTK_LIST_BOX (list), card);
  g_signal_connect_swapped (card, "notify::score", G_CALLBACK (count_cb), &notified);
  window = show (list);

  pw_dimension_card_set_result (PW_DIMENSION_CARD (card), integration, NULL, NULL);
  pw_dimension_card_set_result (PW_DIMENSION_CARD (card), integration, NULL, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (pw_dimension_score_equal (pw_dimension_card_get_score (PW_DIMENSION_CARD (card)),
                                           integration));
  iterate_a_little ();
  g_assert_nonnull (find_label (card, "Cross-functional integration"));
  g_assert_nonnull (find_label (card, "Phase 3 · The Integrators"));
  /* 2.8 is 30 % into phase 3 (2.5–3.5) */
  g_assert_nonnull (find_label (card, "Low in phase 3"));
  g_assert_nonnull (find_label (card, "6 of 6 answered · 4 count toward the score"));
  g_assert_nonnull (find_label (card, "Next steps towards Phase 4 · The Relators"));

  /* Each step with the condition that says it is done (framework 2.0),
   * which a screen reader hears as the step's description */
  g_assert_nonnull (integration->dimension->next_steps[2][0]);
  for (guint i = 0; integration->dimension->next_steps[2][i] != NULL; i++)
    {
      GtkLabel *step = find_label (card, integration->dimension->next_steps[2][i]);
      g_autofree char *done = g_strdup_printf ("Done when: %s",
                                               integration->dimension->done_when[2][i]);
      GtkLabel *done_label = find_label (card, done);

      g_assert_cmpstr (integration->dimension->done_when[2][i], !=, "");
      g_assert_nonnull (step);
      g_assert_nonnull (done_label);
      g_assert_true (gtk_label_get_wrap (done_label));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (done_label), "pw-secondary"));
      /* Under its step */
      g_assert_true (gtk_widget_get_prev_sibling (GTK_WIDGET (done_label)) == GTK_WIDGET (step));
      gtk_test_accessible_assert_property (step, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, done);
    }

  destroy (window, list);
}

/* The governance card of the example's review names the three core items that
 * hold it at phase 3, offers them in the checklist, and puts them first
 * among the steps; once they are in place, all of that goes. */
static void
test_dimension_card_cap (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
  g_autoptr(PwScore) score = pw_score_compute (framework, review, policy);
  g_autoptr(PwScore) lifted = NULL;
  const PwDimensionScore *governance = pw_score_find_dimension (score, PW_GOVERNANCE_DIMENSION);
  GtkWidget *card = GTK_WIDGET (pw_dimension_card_new (framework, governance->dimension));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *button;
  g_autoptr(GVariant) target = NULL;
  g_autofree const char **ids = NULL;
  GtkWindow *window;

  g_assert_true (governance->capped);
  gtk_list_box_append (GTK_LIST_BOX (list), card);
  window = show (list);
  pw_dimension_card_set_result (PW_DIMENSION_CARD (card), governance, NULL, NULL);
  iterate_a_little ();

  g_assert_nonnull (pw_test_ui_find_label (card, "Held at phase 3: 3 core policy items are not in "
                                                 "place (Employment disclosed in endorsements, "
                                                 "Account access and security, Social media "
                                                 "crisis plan)"));
  g_assert_nonnull (find_label (card, "Put the 3 core policy items that phase 4 requires in place: "
                                      "Employment disclosed in endorsements, Account access and "
                                      "security, Social media crisis plan."));
  button = pw_test_ui_find_button (card, "win.show-policy-items");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_variant_ref (target);
  ids = g_variant_get_strv (target, NULL);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  g_assert_cmpstr (ids[0], ==, "identity-endorsement");
  g_assert_cmpstr (ids[1], ==, "accounts-security");
  g_assert_cmpstr (ids[2], ==, "crisis-plan");

  /* In place on the review's day (before it): the cap and its step go */
  pw_test_set_status (pw_policy_find_item (policy, "identity-endorsement"), PW_POLICY_IN_PLACE);
  pw_test_set_status (pw_policy_find_item (policy, "accounts-security"), PW_POLICY_IN_PLACE);
  pw_test_set_status (pw_policy_find_item (policy, "crisis-plan"), PW_POLICY_IN_PLACE);
  lifted = pw_score_compute (framework, review, policy);
  governance = pw_score_find_dimension (lifted, PW_GOVERNANCE_DIMENSION);
  g_assert_false (governance->capped);
  pw_dimension_card_set_result (PW_DIMENSION_CARD (card), governance, NULL, NULL);
  iterate_a_little ();
  g_assert_null (pw_test_ui_find_label (card, "Put the 3 core policy items"));
  g_assert_null (pw_test_ui_find_label (card, "Held at phase 3"));
  g_assert_false (gtk_widget_get_visible (button));

  destroy (window, list);
}

static gboolean
card_stacked_cb (gpointer card)
{
  return pw_dimension_card_get_stacked (card);
}

static gboolean
card_side_by_side_cb (gpointer card)
{
  return !pw_dimension_card_get_stacked (card);
}

/* The width of @label, shown under @card, once it is laid out, inside the
 * card */
static double
label_width (GtkWidget  *card,
             const char *text)
{
  GtkLabel *label = find_label (card, text);
  graphene_rect_t bounds;


  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), card, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (card));

  return bounds.size.width;
}

/* Every label shown under @root lies inside @card, whole */
static void
assert_labels_inside (GtkWidget *card,
                      GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (root, card, &bounds));
      if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (card)
          || bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (card))
        g_error ("“%s” at %.0f, %.0f, %.0f×%.0f, runs off its %d×%d card",
                 gtk_label_get_label (GTK_LABEL (root)), bounds.origin.x, bounds.origin.y,
                 bounds.size.width, bounds.size.height,
                 gtk_widget_get_width (card), gtk_widget_get_height (card));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_inside (card, child);
}

/* The card's parts lie inside it: its name, phase and bar, and the steps */
static void
assert_card_parts_inside (GtkWidget *card)
{
  GtkWidget *bar = find_widget (card, GTK_TYPE_LEVEL_BAR);
  graphene_rect_t bounds;

  assert_labels_inside (card, card);
  g_assert_cmpfloat (label_width (card, "Cross-functional integration"), >, 50);
  g_assert_cmpfloat (label_width (card, "Phase 3 · The Integrators"), >, 50);
  g_assert_true (gtk_widget_compute_bounds (bar, card, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 100);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (card));
}

/* A narrow card puts the next steps below the result, in the card's whole
 * width, instead of in a strip beside it; a wide one side by side. */
static void
test_dimension_card_stacks (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
  g_autoptr(PwScore) score = pw_score_compute (framework, review,
                                               pw_workbook_get_policy (workbook));
  const PwDimensionScore *integration = pw_score_find_dimension (score, "integration");
  GtkWidget *card = GTK_WIDGET (pw_dimension_card_new (framework, integration->dimension));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller;
  const char *title = "Next steps towards Phase 4 · The Relators";
  GtkWindow *window;

  pw_dimension_card_set_result (PW_DIMENSION_CARD (card), integration, NULL, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), card);
  gtk_widget_set_halign (list, GTK_ALIGN_START);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), list);

  /* What a card gets in the 800×600 window; scrolled, as in the result
   * view, since a stacked card with its steps is taller than the screen */
  gtk_widget_set_size_request (list, 480, -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  window = show (scroller);
  pw_test_ui_wait (card_stacked_cb, card, "the card to stack");
  pw_test_ui_flush ();
  g_assert_cmpfloat (label_width (card, title), >, 380);
  assert_card_parts_inside (card);

  /* At 1280×800 */
  gtk_widget_set_size_request (list, 960, -1);
  pw_test_ui_wait (card_side_by_side_cb, card, "the card to go side by side");
  pw_test_ui_flush ();
  g_assert_cmpfloat (label_width (card, title), >, 500);
  assert_card_parts_inside (card);

  gtk_widget_set_size_request (list, 600, -1);
  pw_test_ui_wait (card_stacked_cb, card, "the card to stack again");

  destroy (window, box);
}

/* A dimension counted from fewer than half of its questions says
 * "Preliminary" on its card, as the whole result does, by the same rule. */
static void
test_dimension_card_preliminary (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  const PwDimension *strategy = pw_framework_get_dimension (framework, 0);
  GtkWidget *card = GTK_WIDGET (pw_dimension_card_new (framework, strategy));
  GtkWidget *list = gtk_list_box_new ();
  guint n = strategy->questions->len;
  GtkWindow *window;

  g_assert_cmpuint (n, >=, 3);
  gtk_list_box_append (GTK_LIST_BOX (list), card);
  window = show (list);

  for (guint answered = 1; answered <= n; answered++)
    {
      const PwQuestion *question = g_ptr_array_index (strategy->questions, answered - 1);
      g_autoptr(PwScore) score = NULL;
      gboolean preliminary = answered * 2 < n;

      pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), 2);
      score = pw_score_compute (framework, assessment, pw_workbook_get_policy (workbook));
      pw_dimension_card_set_result (PW_DIMENSION_CARD (card), &score->dimensions[0], NULL, NULL);
      iterate_a_little ();

      g_assert_cmpint (pw_result_text_is_preliminary (score->dimensions[0].counted, n), ==,
                       preliminary);
      if (preliminary)
        g_assert_nonnull (find_label (card, "Preliminary"));
      else
        g_assert_null (find_label (card, "Preliminary"));
    }

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, list);
}

/* One count of answered questions everywhere: the wizard's header and the
 * result say the same number, "not applicable" and "don't know" included,
 * and the result adds how many count (ui-walk M3). */
static void
test_answered_counts_agree (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
  PwWizard *wizard = pw_wizard_new (workbook, review);
  GtkWidget *widget = GTK_WIDGET (wizard);
  PwAnswerCounts counts;
  g_autofree char *header = NULL;
  g_autofree char *result = NULL;
  GtkWindow *window;

  pw_assessment_count_answers (review, framework, &counts);
  g_assert_cmpuint (counts.answered, >, counts.options);
  header = g_strdup_printf ("%u of %u questions answered", counts.answered, counts.total);
  result = g_strdup_printf ("%u of %u questions answered · %u count toward the score",
                            counts.answered, counts.total, counts.options);

  window = show (widget);
  pw_wizard_set_page (wizard, pw_wizard_get_n_pages (wizard) - 1);
  iterate_a_little ();
  g_assert_nonnull (find_label (widget, header));
  g_assert_nonnull (pw_test_ui_find_label (widget, result));

  destroy (window, wizard);
}

static guint
count_suggested (GtkWidget *root)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (gtk_widget_has_css_class (root, "suggested-action"))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_suggested (child);

  return n;
}

/* One suggested action per view (the HIG): on every page of the wizard, the
 * result included, at most one button is the suggested action. */
static void
test_one_suggested_action (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
  PwWizard *wizard = pw_wizard_new (workbook, review);
  GtkWindow *window = show (GTK_WIDGET (wizard));

  for (guint page = 0; page < pw_wizard_get_n_pages (wizard); page++)
    {
      pw_wizard_set_page (wizard, page);
      iterate_a_little ();
      g_assert_cmpuint (count_suggested (GTK_WIDGET (wizard)), <=, 1);
    }

  destroy (window, wizard);
}

/* The weakest-link row brings its dimension's card to the top of the
 * result, focused, not just into view at the bottom edge. */
static void
test_weakest_link_scrolls (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
  GtkWidget *view = GTK_WIDGET (pw_result_view_new ());
  GtkWidget *row, *focus, *card, *scroller;
  graphene_rect_t bounds;
  GtkWindow *window;

  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (view), workbook, review);
  window = show (view);
  row = GTK_WIDGET (pw_test_ui_find_label (view, "Weakest link:"));
  g_assert_nonnull (row);
  row = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX_ROW);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  iterate_a_little ();

  focus = gtk_root_get_focus (gtk_widget_get_root (view));
  g_assert_nonnull (focus);
  card = PW_IS_DIMENSION_CARD (focus) ? focus
                                      : gtk_widget_get_ancestor (focus, PW_TYPE_DIMENSION_CARD);
  g_assert_nonnull (card);
  scroller = gtk_widget_get_first_child (view);
  g_assert_true (gtk_widget_compute_bounds (card, scroller, &bounds));
  g_test_message ("The weakest card at %.0f", bounds.origin.y);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, <=, 24);

  destroy (window, view);
}

/* Presses @keyval as the wizard's keys take it: the shortcut of its
 * "pw-wizard-keys" controller (whose triggers hold lower-case keys, as
 * GtkKeyvalTrigger does).  Returns whether it was handled. */
static gboolean
press_key (GtkWidget *wizard,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (wizard);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "pw-wizard-keys") != 0)
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))
                 == gdk_keyval_to_lower (keyval))
            {
              gboolean handled;

              handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                      GTK_SHORTCUT_ACTION_EXCLUSIVE, wizard,
                                                      gtk_shortcut_get_arguments (shortcut));
              iterate_a_little ();
              return handled;
            }
        }
    }

  g_assert_not_reached ();
}

/* The card that has the keyboard focus, or NULL */
static PwQuestionCard *
get_focused_card (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL
    ? (PwQuestionCard *) gtk_widget_get_ancestor (focus, PW_TYPE_QUESTION_CARD)
    : NULL;
}

static PwAnswerKind
get_kind (PwQuestionCard *card)
{
  PwAnswer *answer = pw_question_card_get_answer (card);

  return answer != NULL ? pw_answer_get_kind (answer) : PW_ANSWER_NONE;
}

/* The keys answer the focused question and only it, say what they chose in
 * the card, move on after a new answer and stay after a change; D and N are
 * "don't know" and "not applicable"; arriving on a page focuses its first
 * unanswered question; the result opens at its headline. */
static void
test_wizard_keys (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  PwWizard *wizard = pw_wizard_new (workbook, assessment);
  GtkWidget *widget = GTK_WIDGET (wizard);
  const PwDimension *dimension = pw_framework_get_dimension (framework, 0);
  g_autofree char *answered_3 = g_strdup_printf ("Answered: 3 · %s",
                                                 pw_framework_get_phase (framework, 3)->name);
  g_autofree char *answered_2 = g_strdup_printf ("Answered: 2 · %s",
                                                 pw_framework_get_phase (framework, 2)->name);
  PwQuestionCard *cards[5];
  PwDimensionPage *page;
  GtkAdjustment *adjustment;
  GtkWidget *result;
  GtkWindow *window;

  g_assert_cmpuint (dimension->questions->len, >=, 5);
  window = show (widget);
  pw_wizard_set_page (wizard, 1);
  iterate_a_little ();
  page = PW_DIMENSION_PAGE (find_widget (widget, PW_TYPE_DIMENSION_PAGE));
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      const PwQuestion *question = g_ptr_array_index (dimension->questions, i);

      cards[i] = pw_dimension_page_find_card (page, question->id, NULL);
      g_assert_nonnull (cards[i]);
    }

  /* Arriving on the page, from nowhere: its first question */
  g_assert_true (get_focused_card (widget) == cards[0]);

  /* Without the focus in a question, a key answers none. */
  gtk_widget_grab_focus (pw_test_ui_find_button (widget, "wizard.previous"));
  g_assert_null (get_focused_card (widget));
  g_assert_false (press_key (widget, GDK_KEY_3));
  g_assert_cmpuint (pw_assessment_get_n_answers (assessment), ==, 0);

  pw_dimension_page_focus (page);
  iterate_a_little ();
  g_assert_true (get_focused_card (widget) == cards[0]);

  /* A new answer: said in the card, and on to the next question */
  g_assert_true (press_key (widget, GDK_KEY_3));
  g_assert_cmpint (pw_answer_get_phase (pw_question_card_get_answer (cards[0])), ==, 3);
  g_assert_nonnull (find_label (GTK_WIDGET (cards[0]), answered_3));
  g_assert_true (get_focused_card (widget) == cards[1]);

  /* Arriving on the page again, with Back from the next: its first
   * unanswered question */
  pw_wizard_set_page (wizard, 2);
  iterate_a_little ();
  gtk_widget_grab_focus (pw_test_ui_find_button (widget, "wizard.previous"));
  gtk_widget_activate_action (widget, "wizard.previous", NULL);
  iterate_a_little ();
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, 1);
  g_assert_true (get_focused_card (widget) == cards[1]);

  /* Clicked 4, then the key 2: the question clicked changes to 2, shows
   * it, and keeps the focus; 2 again confirms it and moves on. */
  pw_question_card_choose (cards[1], PW_ANSWER_OPTION, 4);
  pw_question_card_focus_choices (cards[1]);
  g_assert_true (press_key (widget, GDK_KEY_2));
  g_assert_cmpint (pw_answer_get_phase (pw_question_card_get_answer (cards[1])), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (cards[1]), answered_2));
  g_assert_true (get_focused_card (widget) == cards[1]);
  g_assert_true (press_key (widget, GDK_KEY_KP_2));
  g_assert_true (get_focused_card (widget) == cards[2]);

  /* D and N */
  g_assert_true (press_key (widget, GDK_KEY_d));
  g_assert_cmpint (get_kind (cards[2]), ==, PW_ANSWER_DONT_KNOW);
  g_assert_nonnull (find_label (GTK_WIDGET (cards[2]), "Answered: Don’t know"));
  g_assert_true (get_focused_card (widget) == cards[3]);
  g_assert_true (press_key (widget, GDK_KEY_N));
  g_assert_cmpint (get_kind (cards[3]), ==, PW_ANSWER_NOT_APPLICABLE);
  g_assert_nonnull (find_label (GTK_WIDGET (cards[3]), "Answered: Not applicable"));
  g_assert_true (get_focused_card (widget) == cards[4]);

  /* In a note a key is a letter or a digit. */
  gtk_widget_grab_focus (GTK_WIDGET (find_entry (GTK_WIDGET (cards[4]),
                                                 "What the room said, in a few words")));
  g_assert_false (press_key (widget, GDK_KEY_1));
  g_assert_false (press_key (widget, GDK_KEY_n));
  g_assert_cmpint (get_kind (cards[4]), ==, PW_ANSWER_NONE);

  /* The result opens at its headline, however far down it was left. */
  pw_wizard_set_page (wizard, pw_wizard_get_n_pages (wizard) - 1);
  iterate_a_little ();
  result = find_widget (widget, PW_TYPE_RESULT_VIEW);
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (find_widget (result, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment) + 200);
  gtk_adjustment_set_value (adjustment, 200);
  pw_wizard_set_page (wizard, pw_wizard_get_n_pages (wizard) - 2);
  iterate_a_little ();
  pw_wizard_set_page (wizard, pw_wizard_get_n_pages (wizard) - 1);
  iterate_a_little ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, wizard);
}

/* The wizard's page of @dimension, shown */
static PwDimensionPage *
find_dimension_page (GtkWidget         *root,
                     const PwDimension *dimension)
{
  if (PW_IS_DIMENSION_PAGE (root) && gtk_widget_get_mapped (root)
      && pw_dimension_page_get_dimension (PW_DIMENSION_PAGE (root)) == dimension)
    return PW_DIMENSION_PAGE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PwDimensionPage *found = find_dimension_page (child, dimension);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the window gives the wizard at 800×600, beside the sidebar and
 * below the header bar (measured on tools/screenshots.sh's images: the
 * sidebar is about 320 pixels wide now, in English and German alike). */
#define WIZARD_WIDTH_800  462
#define WIZARD_HEIGHT_600 540

/* At 800×600 every question of the framework, once it has the focus,
 * shows without scrolling: the question, its five options and "don't
 * know" / "not applicable" (the note and evidence may run below), in the
 * language the test runs in. */
static void
check_questions_fit_800x600 (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  PwWizard *wizard = pw_wizard_new (workbook, assessment);
  GtkWidget *widget = GTK_WIDGET (wizard);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  guint checked = 0;
  guint failed = 0;

  gtk_window_set_default_size (window, WIZARD_WIDTH_800, WIZARD_HEIGHT_600);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  iterate_a_little ();

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);
      PwDimensionPage *page;

      pw_wizard_set_page (wizard, d + 1);
      iterate_a_little ();
      page = find_dimension_page (widget, dimension);
      g_assert_nonnull (page);

      for (guint q = 0; q < pw_dimension_page_get_n_cards (page); q++)
        {
          GtkWidget *card = GTK_WIDGET (pw_dimension_page_get_card (page, q));
          GtkWidget *scroller = gtk_widget_get_ancestor (card, GTK_TYPE_SCROLLED_WINDOW);
          GtkWidget *last = GTK_WIDGET (find_label (card, g_dgettext (GETTEXT_PACKAGE,
                                                                      "Don’t know")));
          graphene_rect_t bounds, last_bounds;

          g_assert_nonnull (last);
          pw_dimension_page_focus_card (page, PW_QUESTION_CARD (card));
          iterate_a_little ();
          g_assert_true (gtk_widget_compute_bounds (card, scroller, &bounds));
          g_assert_true (gtk_widget_compute_bounds (last, scroller, &last_bounds));
          g_test_message ("Question %u of “%s”: %.0f pixels to its last choice, %.0f in all, "
                          "in %d", q + 1, dimension->name,
                          last_bounds.origin.y + last_bounds.size.height - bounds.origin.y,
                          bounds.size.height, gtk_widget_get_height (scroller));
          if (bounds.origin.y < 0
              || last_bounds.origin.y + last_bounds.size.height > gtk_widget_get_height (scroller))
            {
              g_test_message ("Question %u of “%s” does not fit: its choices end at %.0f "
                              "in %d", q + 1, dimension->name,
                              last_bounds.origin.y + last_bounds.size.height,
                              gtk_widget_get_height (scroller));
              failed++;
            }
          checked++;
        }
    }

  g_assert_cmpuint (checked, >, 0);
  g_assert_cmpuint (failed, ==, 0);
  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, wizard);
}

static void
test_question_fits_800x600 (void)
{
  check_questions_fit_800x600 ();
}

/* The same in German, whose texts run longer: in a child process started
 * with LANGUAGE=de, reading the build's translations (main() binds the
 * text domain to build/po, as tools/screenshots.sh does). */
static void
test_question_fits_800x600_de (void)
{
  if (g_test_subprocess ())
    {
      /* The framework's texts in German, or the test would test English */
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Don’t know"), ==, "Weiß nicht");
      check_questions_fit_800x600 ();
      return;
    }

  {
    g_autofree char *mo = g_test_build_filename (G_TEST_BUILT, "..", "po", "de",
                                                 "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
    g_autofree char *old = g_strdup (g_getenv ("LANGUAGE"));

    if (!g_file_test (mo, G_FILE_TEST_EXISTS))
      {
        g_test_skip ("No German translation built");
        return;
      }

    g_setenv ("LANGUAGE", "de", TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT
                                     | G_TEST_SUBPROCESS_INHERIT_STDERR);
    if (old != NULL)
      g_setenv ("LANGUAGE", old, TRUE);
    else
      g_unsetenv ("LANGUAGE");
    g_test_trap_assert_passed ();
  }
}

/* Arriving on a dimension page, with Next from the profile, shows the
 * page's heading, and the first question's choices below it when they fit
 * (ui-walk m3), even where the note below them would not (640 pixels
 * high); at 800×600, where they do not fit, the question from its top. */
static void
test_wizard_arrival_heading (void)
{
  const int heights[] = { 640, WIZARD_HEIGHT_600 };

  for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
    {
      g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
      PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
      PwWizard *wizard = pw_wizard_new (workbook, assessment);
      GtkWidget *widget = GTK_WIDGET (wizard);
      GtkWindow *window = GTK_WINDOW (gtk_window_new ());
      PwFramework *framework = pw_workbook_get_framework (workbook);
      const PwDimension *dimension = pw_framework_get_dimension (framework, 0);
      PwDimensionPage *page;
      PwQuestionCard *card;
      GtkWidget *scroller, *title;
      graphene_rect_t title_bounds, choices_bounds, card_bounds;
      gboolean fits;

      gtk_window_set_default_size (window, WIZARD_WIDTH_800, heights[h]);
      gtk_window_set_child (window, widget);
      gtk_window_present (window);
      iterate_a_little ();

      gtk_widget_activate_action (widget, "wizard.next", NULL);
      iterate_a_little ();
      g_assert_cmpuint (pw_wizard_get_page (wizard), ==, 1);
      page = find_dimension_page (widget, dimension);
      g_assert_nonnull (page);
      card = pw_dimension_page_get_card (page, 0);
      g_assert_true (get_focused_card (widget) == card);

      title = GTK_WIDGET (find_label (GTK_WIDGET (page), dimension->name));
      g_assert_nonnull (title);
      scroller = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW);
      g_assert_true (gtk_widget_compute_bounds (title, scroller, &title_bounds));
      g_assert_true (gtk_widget_compute_bounds (pw_question_card_get_choices (card), scroller,
                                                &choices_bounds));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), scroller, &card_bounds));
      fits = choices_bounds.origin.y + choices_bounds.size.height
             <= gtk_widget_get_height (scroller);
      g_test_message ("At %d: the heading at %.0f, the choices end at %.0f in %d", heights[h],
                      title_bounds.origin.y,
                      choices_bounds.origin.y + choices_bounds.size.height,
                      gtk_widget_get_height (scroller));

      if (h == 0)
        {
          /* Room for both: the heading from its top, the choices whole */
          g_assert_cmpfloat (title_bounds.origin.y, >=, 0);
          g_assert_true (fits);
        }
      else
        {
          /* No room: the question from its top, its choices whole */
          g_assert_cmpfloat (card_bounds.origin.y, >=, 0);
          g_assert_true (fits);
        }

      pw_workbook_set_modified (workbook, FALSE);
      destroy (window, wizard);
    }
}

/* The help of a question ("What Each Phase Looks Like") is no taller than
 * the room below its button at 800×600: it scrolls (ui-walk m2). */
static void
test_question_help_fits (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  PwWizard *wizard = pw_wizard_new (workbook, assessment);
  GtkWidget *widget = GTK_WIDGET (wizard);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  PwDimensionPage *page;
  GtkWidget *card, *button, *popover, *scroller;
  graphene_rect_t bounds;
  double room;

  gtk_window_set_default_size (window, WIZARD_WIDTH_800, WIZARD_HEIGHT_600);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  iterate_a_little ();
  pw_wizard_set_page (wizard, 1);
  iterate_a_little ();
  page = find_dimension_page (widget, pw_framework_get_dimension (
                                        pw_workbook_get_framework (workbook), 0));
  card = GTK_WIDGET (pw_dimension_page_get_card (page, 0));
  button = find_widget (card, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate_a_little ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_mapped (popover));
  scroller = find_widget (popover, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
  room = gtk_widget_get_height (GTK_WIDGET (window)) - (bounds.origin.y + bounds.size.height);
  g_test_message ("The help: %d pixels high, %.0f below its button", gtk_widget_get_height (scroller),
                  room);
  g_assert_cmpfloat (gtk_widget_get_height (scroller), <=, room);
  /* …and it scrolls: the framework's five phases do not fit in that */
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (
                       GTK_SCROLLED_WINDOW (scroller))), >, gtk_widget_get_height (scroller));
  gtk_popover_popdown (GTK_POPOVER (popover));
  iterate_a_little ();

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, wizard);
}

/* The help of a question says when "Not applicable" is right and what
 * proves its highest option; while the phases are hidden, only the first:
 * the evidence of the highest option would point to it. */
static void
test_question_help_texts (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  const PwQuestion *question = pw_framework_find_question (framework, "strategy-1");
  GtkWidget *card = GTK_WIDGET (pw_question_card_new (framework, question, assessment));
  GtkWidget *button, *popover;
  GtkWindow *window;
  GtkLabel *label;

  g_assert_nonnull (question->not_applicable);
  g_assert_nonnull (question->evidence);
  window = show (card);
  button = find_widget (card, GTK_TYPE_MENU_BUTTON);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate_a_little ();
  g_assert_true (gtk_widget_get_mapped (popover));
  label = find_label (popover, "When Not Applicable Is Right");
  g_assert_nonnull (label);
  gtk_test_accessible_assert_role (label, GTK_ACCESSIBLE_ROLE_HEADING);
  label = find_label (popover, question->not_applicable);
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_nonnull (find_label (popover, "Evidence for the Highest Option"));
  g_assert_nonnull (find_label (popover, question->evidence));
  gtk_popover_popdown (GTK_POPOVER (popover));
  iterate_a_little ();

  /* Blind: the help has the question's own texts only */
  pw_assessment_set_hide_phases (assessment, TRUE);
  iterate_a_little ();
  g_assert_true (gtk_widget_get_visible (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate_a_little ();
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_nonnull (find_label (popover, "When Not Applicable Is Right"));
  g_assert_nonnull (find_label (popover, question->not_applicable));
  g_assert_null (find_label (popover, "Evidence for the Highest Option"));
  g_assert_null (find_label (popover, question->evidence));
  gtk_popover_popdown (GTK_POPOVER (popover));
  iterate_a_little ();

  /* …and back */
  pw_assessment_set_hide_phases (assessment, FALSE);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate_a_little ();
  g_assert_nonnull (find_label (popover, question->evidence));
  gtk_popover_popdown (GTK_POPOVER (popover));
  iterate_a_little ();

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, card);
}

/* The example's own assessment at @index (0 is the Baseline, 1 the later
 * Review of the same scope) */
static PwAssessment *
get_example_assessment (PwWorkbook *workbook,
                        guint       index)
{
  g_autofree char *id = g_strdup_printf ("assessment-%u", index + 1);

  /* The two rounds of the whole organization; the example's team rounds
   * come before them in the list */
  return pw_workbook_find_assessment (workbook, id);
}

/* On a round that a later round of its scope follows, the wizard says so,
 * and arrival on a page focuses its heading, not a question: a stray key
 * changes nothing of the record (ui-walk m18).  The latest round is as
 * before. */
static void
test_wizard_earlier_round (void)
{
  for (guint index = 0; index < 2; index++)
    {
      g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
      PwAssessment *assessment = get_example_assessment (workbook, index);
      g_autoptr(PwAssessment) later = NULL;
      PwWizard *wizard = pw_wizard_new (workbook, assessment);
      GtkWidget *widget = GTK_WIDGET (wizard);
      const PwDimension *dimension =
        pw_framework_get_dimension (pw_workbook_get_framework (workbook), 0);
      const PwQuestion *question = g_ptr_array_index (dimension->questions, 0);
      GtkLabel *notice;
      GtkWindow *window;
      PwAnswer *answer;
      int phase;

      g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (workbook)), ==, 5);
      later = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
      g_assert_true (pw_workbook_get_previous_round (workbook, later)
                     == get_example_assessment (workbook, 0));

      window = show (widget);
      pw_wizard_set_page (wizard, 1);
      iterate_a_little ();
      notice = find_label (widget, "An earlier round: changes alter its recorded result");
      answer = pw_assessment_lookup_answer (assessment, question->id);
      phase = answer != NULL ? pw_answer_get_phase (answer) : 0;

      if (index == 0)
        {
          g_assert_nonnull (notice);
          g_assert_null (get_focused_card (widget));
          g_assert_false (press_key (widget, phase == 1 ? GDK_KEY_2 : GDK_KEY_1));
          answer = pw_assessment_lookup_answer (assessment, question->id);
          g_assert_cmpint (answer != NULL ? pw_answer_get_phase (answer) : 0, ==, phase);
        }
      else
        {
          g_assert_null (notice);
          g_assert_nonnull (get_focused_card (widget));

          /* Dated before the Baseline, it is the earlier round: it says so
           * at once. */
          pw_assessment_set_date (assessment, "2025-01-01");
          iterate_a_little ();
          g_assert_nonnull (find_label (widget,
                                        "An earlier round: changes alter its recorded result"));
        }

      pw_workbook_set_modified (workbook, FALSE);
      destroy (window, wizard);
    }
}

/* Typing a note or evidence creates the answer, emptying an entry clears its
 * text, and an entry of a question without an answer creates none. */
static void
test_question_card_entries (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  const PwQuestion *question = pw_framework_find_question (framework, "strategy-1");
  GtkWidget *card = GTK_WIDGET (pw_question_card_new (framework, question, assessment));
  GtkEditable *note, *evidence;
  GtkWindow *window;
  PwAnswer *answer;

  window = show (card);
  note = find_entry (card, "What the room said, in a few words");
  evidence = find_entry (card, "Document, link or observation");
  g_assert_nonnull (note);
  g_assert_nonnull (evidence);

  /* Nothing typed creates nothing. */
  gtk_editable_set_text (evidence, "");
  g_assert_null (pw_assessment_lookup_answer (assessment, question->id));

  gtk_editable_set_text (note, "Asked twice");
  answer = pw_assessment_lookup_answer (assessment, question->id);
  g_assert_nonnull (answer);
  g_assert_true (pw_question_card_get_answer (PW_QUESTION_CARD (card)) == answer);
  g_assert_cmpstr (pw_answer_get_note (answer), ==, "Asked twice");
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "Asked twice");
  g_assert_null (pw_answer_get_evidence (answer));
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_NONE);

  gtk_editable_set_text (evidence, "Minutes of May");
  g_assert_cmpstr (pw_answer_get_evidence (answer), ==, "Minutes of May");
  g_assert_cmpstr (pw_answer_get_note (answer), ==, "Asked twice");

  gtk_editable_set_text (note, "");
  g_assert_null (pw_answer_get_note (answer));
  g_assert_cmpstr (pw_answer_get_evidence (answer), ==, "Minutes of May");

  /* Changed elsewhere, as an undo does: the entries follow. */
  pw_answer_set_note (answer, "Back again");
  pw_answer_set_evidence (answer, NULL);
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "Back again");
  g_assert_cmpstr (gtk_editable_get_text (evidence), ==, "");

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, card);
}

/* Looking at an assessment does not change it; the answer action names its choices. */
static void
test_wizard_answers (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  PwWizard *wizard = pw_wizard_new (workbook, assessment);
  GtkWindow *window;
  PwAnswer *answer;

  window = show (GTK_WIDGET (wizard));
  for (guint page = 0; page < pw_wizard_get_n_pages (wizard); page++)
    {
      pw_wizard_set_page (wizard, page);
      iterate_a_little ();
    }
  g_assert_cmpuint (pw_assessment_get_n_answers (assessment), ==, 0);
  g_assert_false (pw_assessment_has_answers (assessment, pw_workbook_get_framework (workbook)));

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)",
                              "strategy-1", "dont-know");
  answer = pw_assessment_lookup_answer (assessment, "strategy-1");
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_DONT_KNOW);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)",
                              "strategy-1", "not-applicable");
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_NOT_APPLICABLE);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)", "strategy-1", "4");
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_OPTION);
  g_assert_cmpint (pw_answer_get_phase (answer), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)",
                              "strategy-1", "clear");
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_NONE);

  /* Clearing a question without an answer creates none; nonsense is ignored. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)",
                              "strategy-2", "clear");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)", "strategy-2", "6");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)", "strategy-2", "0");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)", "strategy-2", "-1");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)", "nope", "3");
  g_assert_null (pw_assessment_lookup_answer (assessment, "strategy-2"));
  g_assert_null (pw_assessment_lookup_answer (assessment, "nope"));
  g_assert_cmpuint (pw_assessment_get_n_answers (assessment), ==, 1);

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, wizard);
}

/* Without an assessment, the review reviews nothing: it does not say that
 * every question has an answer, nor asks an assessment it does not have. */
static void
test_review_without_assessment (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  GtkWidget *page = pw_review_page_new ();
  GtkWindow *window;

  window = show (page);
  g_assert_null (pw_test_ui_find_label (page, "Every question has an answer"));
  g_assert_null (pw_test_ui_find_label (page, "No answer yet"));

  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (page), workbook, assessment);
  g_assert_nonnull (pw_test_ui_find_label (page, "56 Questions Without an Answer"));
  g_assert_nonnull (pw_test_ui_find_label (page, "No answer yet"));

  /* The same workbook, and no assessment: its questions are built, not asked */
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (page), workbook, NULL);
  pw_test_ui_flush ();
  g_assert_null (pw_test_ui_find_label (page, "Every question has an answer"));
  g_assert_null (pw_test_ui_find_label (page, "56 Questions Without an Answer"));
  g_assert_null (pw_test_ui_find_label (page, "No answer yet"));

  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (page), workbook, assessment);
  g_assert_nonnull (pw_test_ui_find_label (page, "56 Questions Without an Answer"));

  destroy (window, page);
}

/* The review and the result do not follow edits while they do not show;
 * they show them once they do, and a result read meanwhile is up to date. */
static void
test_hidden_pages (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *front = gtk_label_new ("In front");
  GtkWidget *review = pw_review_page_new ();
  GtkWidget *result = GTK_WIDGET (pw_result_view_new ());
  GtkWindow *window;
  PwAnswer *answer;

  gtk_stack_add_child (GTK_STACK (stack), front);
  gtk_stack_add_child (GTK_STACK (stack), review);
  gtk_stack_add_child (GTK_STACK (stack), result);
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (review), workbook, assessment);
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (result), workbook, assessment);
  window = show (stack);
  g_assert_false (gtk_widget_get_mapped (review));
  g_assert_false (gtk_widget_get_mapped (result));

  /* Answered and typed while neither shows */
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "strategy-1"), 3);
  answer = pw_assessment_ensure_answer (assessment, "strategy-2");
  pw_answer_set_kind (answer, PW_ANSWER_DONT_KNOW);
  pw_answer_set_note (answer, "A");
  pw_answer_set_note (answer, "As");
  pw_answer_set_note (answer, "Ask");
  g_assert_cmpstr (pw_result_view_get_headline (PW_RESULT_VIEW (result)), ==,
                   "Phase 3 · The Integrators");
  pw_test_ui_flush ();

  gtk_stack_set_visible_child (GTK_STACK (stack), review);
  g_assert_cmpstr (get_count (review, "Options chosen"), ==, "1");
  g_assert_cmpstr (get_count (review, "Don’t know"), ==, "1");
  g_assert_cmpstr (get_count (review, "No answer yet"), ==, "54");
  g_assert_nonnull (pw_test_ui_find_label (review, "54 Questions Without an Answer"));

  gtk_stack_set_visible_child (GTK_STACK (stack), result);
  g_assert_nonnull (pw_test_ui_find_label (result, "Phase 3 · The Integrators"));
  g_assert_nonnull (pw_test_ui_find_label (result, "2 of 56 questions answered · 1 counts"));

  /* Taken back while hidden: both say so when they show again */
  gtk_stack_set_visible_child (GTK_STACK (stack), front);
  pw_answer_set_kind (pw_assessment_lookup_answer (assessment, "strategy-1"), PW_ANSWER_NONE);
  pw_test_ui_flush ();
  gtk_stack_set_visible_child (GTK_STACK (stack), result);
  g_assert_nonnull (pw_test_ui_find_label (result, "No score yet"));
  gtk_stack_set_visible_child (GTK_STACK (stack), review);
  g_assert_cmpstr (get_count (review, "Options chosen"), ==, "0");
  g_assert_cmpstr (get_count (review, "No answer yet"), ==, "55");

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, stack);
}

/* A dimension answered only "don't know" and "not applicable" has no score,
 * and its card asks for one of the five options, not for an answer. */
static void
test_dimension_card_no_score (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  const PwDimension *strategy = pw_framework_get_dimension (framework, 0);
  GtkWidget *card = GTK_WIDGET (pw_dimension_card_new (framework, strategy));
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(PwScore) score = NULL;
  g_autofree char *coverage = NULL;
  GtkWindow *window;

  for (guint q = 0; q < strategy->questions->len; q++)
    {
      const PwQuestion *question = g_ptr_array_index (strategy->questions, q);

      pw_answer_set_kind (pw_assessment_ensure_answer (assessment, question->id),
                          q % 2 == 0 ? PW_ANSWER_DONT_KNOW : PW_ANSWER_NOT_APPLICABLE);
    }
  score = pw_score_compute (framework, assessment, pw_workbook_get_policy (workbook));
  g_assert_false (score->dimensions[0].has_score);

  gtk_list_box_append (GTK_LIST_BOX (list), card);
  window = show (list);
  pw_dimension_card_set_result (PW_DIMENSION_CARD (card), &score->dimensions[0], NULL, NULL);
  pw_test_ui_flush ();

  coverage = g_strdup_printf ("%u of %u answered · 0 count toward the score",
                              strategy->questions->len, strategy->questions->len);
  g_assert_nonnull (pw_test_ui_find_label (card, "No score"));
  g_assert_nonnull (pw_test_ui_find_label (card, coverage));
  g_assert_nonnull (pw_test_ui_find_label (card, "Choose one of the five options for one of its "
                                                 "questions to score it"));
  g_assert_null (pw_test_ui_find_label (card, "Answer one of its questions"));

  pw_workbook_set_modified (workbook, FALSE);
  destroy (window, list);
}

/* The chart says each axis as the result says it, and being given what it
 * shows already redoes nothing. */
static void
test_radar_chart_series (void)
{
  PwRadarChart *chart = PW_RADAR_CHART (g_object_ref_sink (pw_radar_chart_new ()));
  const char *labels[] = { "Strategy", "Listening", "Measurement" };
  g_autofree char *listening = g_strdup ("Listening");
  const char *same_labels[] = { "Strategy", listening, "Measurement" };
  double current[] = { 3.44, NAN, 2.0 };
  double previous[] = { 2.8, 4.0, NAN };
  double same_current[] = { 3.44, 0.0, 2.0 };
  double same_previous[] = { 2.8, 4.0, NAN };
  const char *description;

  pw_radar_chart_set_series (chart, 3, labels, current, NULL);
  g_assert_cmpstr (pw_radar_chart_get_description (chart), ==,
                   "Strategy: 3.4; Listening: no score; Measurement: 2.0");

  pw_radar_chart_set_series (chart, 3, labels, current, previous);
  description = pw_radar_chart_get_description (chart);
  g_assert_cmpstr (description, ==,
                   "Strategy: 3.4 (previous round 2.8); "
                   "Listening: no score (previous round 4.0); "
                   "Measurement: 2.0 (no score in the previous round)");

  /* The same, in other arrays, with another value for no score */
  pw_radar_chart_set_series (chart, 3, same_labels, same_current, same_previous);
  g_assert_true (pw_radar_chart_get_description (chart) == description);

  /* A value that changed shows. */
  same_current[1] = 1.0;
  pw_radar_chart_set_series (chart, 3, same_labels, same_current, same_previous);
  g_assert_cmpstr (pw_radar_chart_get_description (chart), ==,
                   "Strategy: 3.4 (previous round 2.8); "
                   "Listening: 1.0 (previous round 4.0); "
                   "Measurement: 2.0 (no score in the previous round)");

  /* Without the previous round again */
  pw_radar_chart_set_series (chart, 3, same_labels, same_current, NULL);
  g_assert_cmpstr (pw_radar_chart_get_description (chart), ==,
                   "Strategy: 3.4; Listening: 1.0; Measurement: 2.0");

  g_assert_finalize_object (chart);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-widgets");

  g_test_init (&argc, &argv, NULL);
  /* The build's translations, for the tests in other languages (LANGUAGE
   * chooses one; the test environment's LC_ALL=C.UTF-8 lets it) */
  {
    g_autofree char *locales = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

    setlocale (LC_ALL, "");
    bindtextdomain (GETTEXT_PACKAGE, locales);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
  }
  gtk_init ();
  adw_init ();
  /* The application's style sheet, which AdwApplication would load: sizes
   * depend on it */
  pw_test_ui_load_style ();

  g_test_add_func ("/phasewise/widgets/profile-scope", test_profile_scope);
  g_test_add_func ("/phasewise/widgets/profile-date", test_profile_date);
  g_test_add_func ("/phasewise/widgets/profile-participants", test_profile_participants);
  g_test_add_func ("/phasewise/widgets/review-in-place", test_review_in_place);
  g_test_add_func ("/phasewise/widgets/result-preliminary", test_result_preliminary);
  g_test_add_func ("/phasewise/widgets/result-position-and-retired",
                   test_result_position_and_retired);
  g_test_add_func ("/phasewise/widgets/dimension-card", test_dimension_card);
  g_test_add_func ("/phasewise/widgets/dimension-card-stacks", test_dimension_card_stacks);
  g_test_add_func ("/phasewise/widgets/dimension-card-cap", test_dimension_card_cap);
  g_test_add_func ("/phasewise/widgets/dimension-card-preliminary",
                   test_dimension_card_preliminary);
  g_test_add_func ("/phasewise/widgets/question-card-entries", test_question_card_entries);
  g_test_add_func ("/phasewise/widgets/wizard-answers", test_wizard_answers);
  g_test_add_func ("/phasewise/widgets/wizard-keys", test_wizard_keys);
  g_test_add_func ("/phasewise/widgets/wizard-earlier-round", test_wizard_earlier_round);
  g_test_add_func ("/phasewise/widgets/question-help-fits", test_question_help_fits);
  g_test_add_func ("/phasewise/widgets/question-help-texts", test_question_help_texts);
  g_test_add_func ("/phasewise/widgets/wizard-arrival-heading", test_wizard_arrival_heading);
  g_test_add_func ("/phasewise/widgets/weakest-link-scrolls", test_weakest_link_scrolls);
  g_test_add_func ("/phasewise/widgets/one-suggested-action", test_one_suggested_action);
  g_test_add_func ("/phasewise/widgets/answered-counts-agree", test_answered_counts_agree);
  g_test_add_func ("/phasewise/widgets/question-fits-800x600", test_question_fits_800x600);
  g_test_add_func ("/phasewise/widgets/question-fits-800x600-de",
                   test_question_fits_800x600_de);
  g_test_add_func ("/phasewise/widgets/review-without-assessment",
                   test_review_without_assessment);
  g_test_add_func ("/phasewise/widgets/hidden-pages", test_hidden_pages);
  g_test_add_func ("/phasewise/widgets/dimension-card-no-score", test_dimension_card_no_score);
  g_test_add_func ("/phasewise/widgets/radar-chart-series", test_radar_chart_series);

  return g_test_run ();
}
