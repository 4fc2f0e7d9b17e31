/* test-blind.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-blind"

#include "config.h"

#include "pw-assess-page.h"
#include "pw-profile-page.h"
#include "pw-question-card.h"
#include "pw-test-ui.h"
#include "pw-window.h"
#include "pw-wizard.h"

/*
 * Answering with the phases hidden, in the real window under Xvfb:
 *
 *   /phasewise/blind/answer-by-position  the switch on the profile page (one undo step);
 *                                        the options shuffled and without phases; the key
 *                                        of a position stores the phase of the option
 *                                        shown there; switched off, phase order again
 */

static PwAssessPage *
get_assess_page (PwWindow *window)
{
  GtkWidget *page = pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_ASSESS_PAGE);

  g_assert_nonnull (page);

  return PW_ASSESS_PAGE (page);
}

static PwWizard *
current_wizard (PwWindow *window)
{
  GtkWidget *wizard = pw_assess_page_get_wizard (get_assess_page (window));

  g_assert_true (PW_IS_WIZARD (wizard));

  return PW_WIZARD (wizard);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
hides_phases (gpointer data)
{
  return pw_assessment_get_hide_phases (data);
}

static gboolean
is_card_of (GtkWidget     *widget,
            gconstpointer  question_id)
{
  return PW_IS_QUESTION_CARD (widget)
         && g_strcmp0 (pw_question_card_get_question (PW_QUESTION_CARD (widget))->id,
                       question_id) == 0;
}

/* Presses @keyval as the wizard's answer keys take it */
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
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, wizard,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_assert_not_reached ();
}

/* The option toggles of @card in the order they are on screen */
static void
collect_options (GtkWidget *widget,
                 GPtrArray *options)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "pw-choice"))
    {
      g_ptr_array_add (options, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_options (child, options);
}

static GPtrArray *
get_options (PwQuestionCard *card)
{
  GPtrArray *options = g_ptr_array_new ();

  collect_options (pw_question_card_get_choices (card), options);
  g_assert_cmpuint (options->len, ==, PW_N_PHASES);

  return options;
}

static gboolean
is_option_text (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "pw-choice-text");
}

static const char *
option_text (GtkWidget *option)
{
  GtkWidget *label = pw_test_ui_find (option, is_option_text, NULL);

  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

/* Whether @widget shows, as far as @top: it and every parent up to @top
 * are visible (a popover's content is not mapped while it is closed) */
static gboolean
shows_within (GtkWidget *widget,
              GtkWidget *top)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (widget == top)
        return TRUE;
      if (!gtk_widget_get_visible (widget))
        return FALSE;
    }

  return FALSE;
}

/* Whether a label under @top that reads @text shows, as far as @top */
static gboolean
shows_label (GtkWidget  *top,
             GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && shows_within (widget, top))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (top, child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget *top;
  guint      n_badges;
  guint      n_phase_texts;
} Badges;

static void
count_badges (GtkWidget *widget,
              Badges    *badges)
{
  if (GTK_IS_LABEL (widget) && shows_within (widget, badges->top))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (gtk_widget_has_css_class (widget, "pw-choice-badge"))
        badges->n_badges++;
      if (g_str_has_prefix (text, "Phase ") || g_str_has_prefix (text, "Answered: "))
        badges->n_phase_texts++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_badges (child, badges);
}

/* The phase badges that show in @card, and in its help popover as it would
 * show when opened */
static guint
count_shown_badges (PwQuestionCard *card,
                    guint          *n_phase_texts)
{
  GtkWidget *help = pw_test_ui_find_widget (GTK_WIDGET (card), GTK_TYPE_MENU_BUTTON);
  Badges in_card = { GTK_WIDGET (card), 0, 0 };
  Badges in_help = { NULL, 0, 0 };

  count_badges (GTK_WIDGET (card), &in_card);
  if (help != NULL && gtk_widget_get_visible (help))
    {
      in_help.top = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (help)));
      count_badges (in_help.top, &in_help);
    }

  /* A popover is a child of its button: counted in the card already when
   * it shows, so the help's own count is enough for it */
  *n_phase_texts = in_card.n_phase_texts + in_help.n_phase_texts;

  return in_card.n_badges + in_help.n_badges;
}

static void
test_answer_by_position (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  g_autoptr(GPtrArray) options = NULL;
  const PwDimension *dimension;
  const PwQuestion *question;
  PwFramework *framework;
  PwAssessment *assessment;
  PwQuestionCard *card;
  PwWizard *wizard;
  GtkWidget *profile;
  GtkWidget *row;
  GtkWidget *help;
  GtkWidget *popover;
  int order[PW_N_PHASES];
  int position = 0;
  guint n_phase_texts = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  gtk_widget_activate_action (GTK_WIDGET (get_assess_page (window)), "assess.new", NULL);
  pw_test_ui_flush ();
  assessment = pw_assess_page_get_selected (get_assess_page (window));
  wizard = current_wizard (window);
  pw_test_ui_wait (is_mapped, wizard, "the wizard");
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, 0);
  g_assert_false (pw_assessment_get_hide_phases (assessment));

  /* The switch on the profile page, as a click on its row: one step to undo */
  profile = pw_test_ui_find_widget (GTK_WIDGET (wizard), PW_TYPE_PROFILE_PAGE);
  g_assert_nonnull (profile);
  row = pw_test_ui_find_row (profile, "Hide the Phases While Answering");
  g_assert_nonnull (row);
  g_assert_true (GTK_IS_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  /* The switch flips at the end of its animation */
  pw_test_ui_wait (hides_phases, assessment, "the phases to be hidden");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (pw_assessment_get_hide_phases (assessment));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
                                                       ADW_ACTION_ROW (row)))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (pw_assessment_get_hide_phases (assessment));

  /* The first question: an option is shown at a position that is not its phase */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  pw_test_ui_flush ();
  framework = pw_workbook_get_framework (pw_wizard_get_workbook (wizard));
  dimension = pw_framework_get_dimension (framework, 0);
  question = g_ptr_array_index (dimension->questions, 0);
  card = PW_QUESTION_CARD (pw_test_ui_find (GTK_WIDGET (wizard), is_card_of, question->id));
  g_assert_nonnull (card);
  pw_test_ui_wait (is_mapped, card, "the question card");

  pw_assessment_get_option_order (assessment, question->id, order);
  for (int k = 1; k <= PW_N_PHASES && position == 0; k++)
    if (order[k - 1] != k)
      position = k;
  g_assert_cmpint (position, !=, 0);

  /* On screen, in the shuffled order, and no phase in sight */
  options = get_options (card);
  for (int k = 1; k <= PW_N_PHASES; k++)
    {
      GtkWidget *option = g_ptr_array_index (options, k - 1);
      g_autofree char *press = g_strdup_printf ("Press %d", k);

      g_assert_cmpstr (option_text (option), ==, question->options[order[k - 1] - 1]);
      g_assert_cmpint (pw_question_card_get_phase_at (card, k), ==, order[k - 1]);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (option), ==, press);
    }
  g_clear_pointer (&options, g_ptr_array_unref);
  g_assert_cmpuint (count_shown_badges (card, &n_phase_texts), ==, 0);
  g_assert_cmpuint (n_phase_texts, ==, 0);

  /* The help says when "Not applicable" is right, but not what proves the
   * highest option: that would point to it */
  g_assert_nonnull (question->not_applicable);
  g_assert_nonnull (question->evidence);
  help = pw_test_ui_find_widget (GTK_WIDGET (card), GTK_TYPE_MENU_BUTTON);
  g_assert_true (gtk_widget_get_visible (help));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (help)));
  g_assert_true (shows_label (popover, popover, "When Not Applicable Is Right"));
  g_assert_true (shows_label (popover, popover, question->not_applicable));
  g_assert_false (shows_label (popover, popover, "Evidence for the Highest Option"));
  g_assert_false (shows_label (popover, popover, question->evidence));

  /* The key of the position chooses the option shown there: its phase is stored */
  pw_question_card_focus_choices (card);
  g_assert_true (press_key (GTK_WIDGET (wizard), GDK_KEY_0 + position));
  g_assert_cmpint (pw_answer_get_kind (pw_question_card_get_answer (card)), ==,
                   PW_ANSWER_OPTION);
  g_assert_cmpint (pw_answer_get_phase (pw_question_card_get_answer (card)), ==,
                   order[position - 1]);
  g_assert_cmpint (pw_answer_get_phase (pw_question_card_get_answer (card)), !=, position);
  options = get_options (card);
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (options, position - 1)));
  g_clear_pointer (&options, g_ptr_array_unref);

  /* Answered, and still no phase: the line above says only that */
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (card), "Answered"));
  g_assert_cmpuint (count_shown_badges (card, &n_phase_texts), ==, 0);
  g_assert_cmpuint (n_phase_texts, ==, 0);
  help = pw_test_ui_find_widget (GTK_WIDGET (card), GTK_TYPE_MENU_BUTTON);
  if (gtk_widget_get_visible (help))
    g_assert_cmpstr (gtk_widget_get_tooltip_text (help), ==, "About This Question");

  /* Switched off while the card shows: phase order, with the phases */
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                         FALSE);
  g_assert_false (pw_assessment_get_hide_phases (assessment));
  pw_test_ui_flush ();
  options = get_options (card);
  for (int k = 1; k <= PW_N_PHASES; k++)
    {
      GtkWidget *option = g_ptr_array_index (options, k - 1);

      g_assert_cmpstr (option_text (option), ==, question->options[k - 1]);
      g_assert_cmpint (pw_question_card_get_phase_at (card, k), ==, k);
      g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (option), "Phase "));
    }
  /* The answer is the same phase, now at its own position */
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (options,
                                                                  order[position - 1] - 1)));
  g_assert_cmpuint (count_shown_badges (card, &n_phase_texts), >=, PW_N_PHASES);
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (card), "Answered: "));
  help = pw_test_ui_find_widget (GTK_WIDGET (card), GTK_TYPE_MENU_BUTTON);
  g_assert_true (gtk_widget_get_visible (help));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (help), ==, "What Each Phase Looks Like");
  /* …and the evidence of the highest option with them */
  g_assert_true (shows_label (popover, popover, "Evidence for the Highest Option"));
  g_assert_true (shows_label (popover, popover, question->evidence));

  pw_workbook_set_modified (pw_wizard_get_workbook (wizard), FALSE);
  pw_test_ui_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Private data, config and cache folders, but the system's data folders:
   * GTK needs the MIME database to load icons. */
  pw_test_ui_isolate_home ("phasewise-test-blind");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phasewise/blind/answer-by-position", test_answer_by_position);

  return g_test_run ();
}
