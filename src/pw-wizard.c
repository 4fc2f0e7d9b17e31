/* pw-wizard.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-dimension-page.h"
#include "pw-profile-page.h"
#include "pw-question-card.h"
#include "pw-result-view.h"
#include "pw-review-page.h"
#include "pw-step-row.h"
#include "pw-widget-utils.h"
#include "pw-wizard.h"

/**
 * PwWizard:
 *
 * The guided assessment: a #PwProfilePage for the profile and scope, a
 * #PwDimensionPage per dimension with a #PwQuestionCard per question, a
 * #PwReviewPage of what is left, and the #PwResultView.  Progress, Back and
 * Next stay visible, and a popover lists every step (#PwStepRow) with its
 * answered questions, counted by pw_assessment_count_answers().
 *
 * The actions of the "wizard" group drive it: `wizard.next`,
 * `wizard.previous`, `wizard.go-to` (a page index) and `wizard.answer` (a
 * question id and a choice: "1" to "5" for an option, "dont-know",
 * "not-applicable" or "clear").  On a dimension page the keys 1 to 5 choose
 * an option, D "don't know" and N "not applicable", of the question that
 * has the focus and of no other; arriving on a page focuses its first
 * unanswered question, or, on a round that a later round of its scope
 * follows, the page's heading (the wizard then says that changes alter a
 * recorded result).  A key that answers a question moves on to the next
 * one; a key that changes an answer stays, the card showing the new one.
 * They are shortcuts of the window while the focus is in the wizard (a
 * managed #GtkShortcutController).
 */
struct _PwWizard
{
  AdwBin              parent_instance;

  GtkWidget          *steps_button;
  GtkLabel           *step_label;
  GtkPopover         *steps_popover;
  GtkListBox         *steps_list;
  GtkLabel           *answered_label;
  GtkProgressBar     *progress_bar;
  GtkStack           *stack;
  PwProfilePage      *profile_page;
  PwReviewPage       *review_page;
  AdwBin             *result_page;
  GtkButton          *next_button;
  GtkWidget          *hint_label;
  GtkWidget          *earlier_box;

  PwWorkbook         *workbook;
  PwAssessment       *assessment;
  PwFramework        *framework;

  GPtrArray          *pages;            /* GtkWidget, by page index */
  GPtrArray          *step_rows;        /* PwStepRow, by page index */
  GPtrArray          *dimension_pages;  /* PwDimensionPage, by dimension */

  guint               page;
  guint               n_pages;
};

G_DEFINE_FINAL_TYPE (PwWizard, pw_wizard, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Pages: the profile, one per dimension, the review, the result. */
#define PAGE_PROFILE 0

static guint
get_n_dimensions (PwWizard *self)
{
  return self->dimension_pages->len;
}

static guint
get_review_page (PwWizard *self)
{
  return get_n_dimensions (self) + 1;
}

static guint
get_result_page (PwWizard *self)
{
  return get_n_dimensions (self) + 2;
}

static gboolean
is_dimension_page (PwWizard *self,
                   guint     page)
{
  return page >= 1 && page <= get_n_dimensions (self);
}

static PwDimensionPage *
get_dimension_page (PwWizard *self,
                    guint     page)
{
  g_assert (is_dimension_page (self, page));

  return g_ptr_array_index (self->dimension_pages, page - 1);
}

static const char *
get_page_title (PwWizard *self,
                guint     page)
{
  if (page == PAGE_PROFILE)
    return _("Profile and Scope");
  else if (is_dimension_page (self, page))
    return pw_framework_get_dimension (self->framework, page - 1)->name;
  else if (page == get_review_page (self))
    return _("Review");
  else
    return _("Result");
}

/* Focus */

static void
focus_card (PwWizard       *self,
            PwQuestionCard *card)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (card), PW_TYPE_DIMENSION_PAGE);

  pw_dimension_page_focus_card (PW_DIMENSION_PAGE (page), card);
}

/* Whether a later round of the same scope follows the wizard's: its result
 * is then on record as "the previous round" of another, and changing it
 * changes that history. */
static gboolean
is_earlier_round (PwWizard *self)
{
  GListModel *assessments = pw_workbook_get_assessments (self->workbook);
  guint n = g_list_model_get_n_items (assessments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwAssessment) other = g_list_model_get_item (assessments, i);

      if (other == self->assessment || !pw_assessment_same_scope (other, self->assessment))
        continue;

      /* The rounds before @other, back to the first */
      for (PwAssessment *round = pw_workbook_get_previous_round (self->workbook, other);
           round != NULL; round = pw_workbook_get_previous_round (self->workbook, round))
        if (round == self->assessment)
          return TRUE;
    }

  return FALSE;
}

static void
update_earlier_round (PwWizard *self)
{
  gtk_widget_set_visible (self->earlier_box, is_earlier_round (self));
}

/* Arriving on a page focuses its first unanswered question, so that the
 * keys answer it at once; on an earlier round, the page's heading, so that
 * a stray key changes nothing of the record. */
static void
focus_page (PwWizard *self)
{
  if (is_dimension_page (self, self->page) && is_earlier_round (self))
    pw_dimension_page_focus_heading (get_dimension_page (self, self->page));
  else if (is_dimension_page (self, self->page))
    pw_dimension_page_focus (get_dimension_page (self, self->page));
  else
    gtk_widget_child_focus (g_ptr_array_index (self->pages, self->page), GTK_DIR_TAB_FORWARD);
}

/* Progress */

static void
update_step_rows (PwWizard *self)
{
  for (guint page = 0; page < self->n_pages; page++)
    {
      PwAnswerCounts counts = { 0 };

      if (is_dimension_page (self, page))
        pw_assessment_count_dimension_answers (self->assessment,
                                               pw_framework_get_dimension (self->framework,
                                                                           page - 1),
                                               &counts);
      pw_step_row_set_counts (g_ptr_array_index (self->step_rows, page),
                              counts.answered, counts.total);
    }
}

static void
update_answered (PwWizard *self)
{
  g_autofree char *text = NULL;

  if (is_dimension_page (self, self->page))
    {
      PwStepRow *row = g_ptr_array_index (self->step_rows, self->page);
      guint total = pw_step_row_get_total (row);

      /* Translators: the questions answered on the current page */
      text = g_strdup_printf (ngettext ("%u of %u answered", "%u of %u answered", total),
                              pw_step_row_get_answered (row), total);
    }
  else
    {
      PwAnswerCounts counts;

      pw_assessment_count_answers (self->assessment, self->framework, &counts);
      /* Translators: the questions answered in the whole assessment */
      text = g_strdup_printf (ngettext ("%u of %u question answered",
                                        "%u of %u questions answered", counts.total),
                              counts.answered, counts.total);
    }

  gtk_label_set_label (self->answered_label, text);
}

/* The step menu's button is read by the step it shows.  A GtkMenuButton of
 * GTK 4.8 gives neither its labelled-by relation nor its tooltip to the
 * button inside it, which the focus reaches, and which would be read
 * "GtkMenuButton". */
static void
name_steps_button (PwWizard   *self,
                   const char *step)
{
  GtkWidget *button = gtk_widget_get_first_child (self->steps_button);

  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, step,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Go to Step"),
                                  -1);
}

static void
update_page_ui (PwWizard *self)
{
  g_autofree char *step = NULL;
  const char *next_label;
  gboolean is_dimension = is_dimension_page (self, self->page);

  /* Translators: the current step, e.g. "Step 3 of 14 · Listening & monitoring" */
  step = g_strdup_printf (_("Step %u of %u · %s"), self->page + 1, self->n_pages,
                          get_page_title (self, self->page));
  gtk_label_set_label (self->step_label, step);
  name_steps_button (self, step);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) (self->page + 1) / (double) self->n_pages);

  if (self->page + 1 == get_review_page (self))
    /* Translators: the Next button before the review page */
    next_label = _("_Review");
  else if (self->page == get_review_page (self))
    next_label = _("See _Result");
  else
    next_label = _("_Next");
  gtk_button_set_label (self->next_button, next_label);
  /* GTK 4.8 sets a mnemonic label, raw, as the button's accessible label:
   * without it the button is named by its text alone, not "_Review Review". */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->next_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->page != get_result_page (self));
  gtk_widget_set_visible (self->hint_label, is_dimension);
  update_earlier_round (self);

  gtk_list_box_select_row (self->steps_list,
                           g_ptr_array_index (self->step_rows, self->page));

  update_answered (self);
}

static void
assessment_changed_cb (PwWizard     *self,
                       PwAnswer     *answer,
                       PwAssessment *assessment)
{
  if (answer == NULL)
    return;

  update_step_rows (self);
  update_answered (self);
}

/* Review */

static PwQuestionCard *
find_card (PwWizard   *self,
           const char *question_id,
           guint      *page)
{
  const PwQuestion *question = pw_framework_find_question (self->framework, question_id);
  guint dimension;

  if (question == NULL || question->dimension == NULL)
    return NULL;

  dimension = question->dimension->index;
  if (page != NULL)
    *page = dimension + 1;

  return pw_dimension_page_find_card (g_ptr_array_index (self->dimension_pages, dimension),
                                      question_id, NULL);
}

static void
review_question_activated_cb (PwWizard     *self,
                              const char   *question_id,
                              PwReviewPage *review)
{
  PwQuestionCard *card;
  guint page;

  card = find_card (self, question_id, &page);
  if (card == NULL)
    return;

  pw_wizard_set_page (self, page);
  focus_card (self, card);
}

/* Steps */

static void
step_activated_cb (PwWizard      *self,
                   GtkListBoxRow *row,
                   GtkListBox    *list)
{
  gtk_popover_popdown (self->steps_popover);
  pw_wizard_set_page (self, pw_step_row_get_page (PW_STEP_ROW (row)));
  focus_page (self);
}

static void
steps_popover_map_cb (PwWizard   *self,
                      GtkPopover *popover)
{
  /* Open on the current step. */
  pw_step_row_reveal (g_ptr_array_index (self->step_rows, self->page));
}

/* Keys */

static gboolean
choose_with_key (PwWizard     *self,
                 PwAnswerKind  kind,
                 int           phase)
{
  gboolean last = FALSE;

  if (!is_dimension_page (self, self->page)
      || !pw_dimension_page_choose_answer (get_dimension_page (self, self->page), kind, phase,
                                           &last))
    return FALSE;

  if (last)
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));

  return TRUE;
}

/* The keys are the wizard's while the focus is in it; they answer the
 * question that has the focus. */
static gboolean
answer_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  PwWizard *self = PW_WIZARD (widget);
  GtkWidget *focus = _pw_widget_get_focus (widget);
  int kind, phase;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    return FALSE;

  g_variant_get (args, "(ii)", &kind, &phase);

  return choose_with_key (self, (PwAnswerKind) kind, phase);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              PwAnswerKind           kind,
              int                    phase)
{
  GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keyval, 0);
  GtkShortcutAction *action = gtk_callback_action_new (answer_shortcut_cb, NULL, NULL);

  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new_with_arguments (trigger, action, "(ii)",
                                                                         (int) kind, phase));
}

/* 1 to 5 (also on the keypad) choose an option, D "don't know" and N "not
 * applicable"; the question card's tooltips and the shortcuts window say so. */
static void
add_answer_shortcuts (PwWizard *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_name (controller, "pw-wizard-keys");
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);

  for (int phase = 1; phase <= PW_N_PHASES; phase++)
    {
      add_shortcut (shortcuts, GDK_KEY_1 + phase - 1, PW_ANSWER_OPTION, phase);
      add_shortcut (shortcuts, GDK_KEY_KP_1 + phase - 1, PW_ANSWER_OPTION, phase);
    }
  add_shortcut (shortcuts, GDK_KEY_d, PW_ANSWER_DONT_KNOW, 0);
  add_shortcut (shortcuts, GDK_KEY_D, PW_ANSWER_DONT_KNOW, 0);
  add_shortcut (shortcuts, GDK_KEY_n, PW_ANSWER_NOT_APPLICABLE, 0);
  add_shortcut (shortcuts, GDK_KEY_N, PW_ANSWER_NOT_APPLICABLE, 0);

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Actions */

static void
pw_wizard_update_actions (PwWizard *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 self->page + 1 < self->n_pages);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwWizard *self = PW_WIZARD (widget);

  if (self->page + 1 < self->n_pages)
    pw_wizard_set_page (self, self->page + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PwWizard *self = PW_WIZARD (widget);

  if (self->page > 0)
    pw_wizard_set_page (self, self->page - 1);
}

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PwWizard *self = PW_WIZARD (widget);
  guint page = g_variant_get_uint32 (parameter);

  if (page < self->n_pages)
    pw_wizard_set_page (self, page);
}

/* A choice as the wizard.answer action names it: "1" to "5", "dont-know",
 * "not-applicable" or "clear".  "1" to "5" name the phase of the option,
 * also while the assessment hides its phases: unlike the keys, the action
 * does not go by the position the option is shown at. */
static gboolean
parse_choice (const char   *choice,
              PwAnswerKind *kind,
              int          *phase)
{
  *phase = 0;

  if (g_str_equal (choice, "dont-know"))
    *kind = PW_ANSWER_DONT_KNOW;
  else if (g_str_equal (choice, "not-applicable"))
    *kind = PW_ANSWER_NOT_APPLICABLE;
  else if (g_str_equal (choice, "clear"))
    *kind = PW_ANSWER_NONE;
  else if (choice[0] >= '1' && choice[0] < '1' + PW_N_PHASES && choice[1] == '\0')
    {
      *kind = PW_ANSWER_OPTION;
      *phase = choice[0] - '0';
    }
  else
    return FALSE;

  return TRUE;
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwWizard *self = PW_WIZARD (widget);
  PwQuestionCard *card;
  const char *question_id;
  const char *choice;
  PwAnswerKind kind;
  int phase;

  g_variant_get (parameter, "(&s&s)", &question_id, &choice);

  card = find_card (self, question_id, NULL);
  if (card == NULL || !parse_choice (choice, &kind, &phase))
    {
      g_debug ("Ignoring wizard.answer (%s, %s)", question_id, choice);
      return;
    }

  pw_question_card_choose (card, kind, phase);
}

/* The pages and steps of the assessment */
static void
build (PwWizard *self)
{
  guint n_dimensions = pw_framework_get_n_dimensions (self->framework);
  GtkWidget *result_view;

  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (self->profile_page),
                                     self->workbook, self->assessment);
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (self->review_page),
                                     self->workbook, self->assessment);

  /* The pages */
  g_ptr_array_add (self->pages, self->profile_page);
  for (guint i = 0; i < n_dimensions; i++)
    {
      GtkWidget *page = pw_dimension_page_new (self->framework,
                                               pw_framework_get_dimension (self->framework, i),
                                               self->assessment);

      gtk_stack_add_child (self->stack, page);
      g_ptr_array_add (self->dimension_pages, page);
      g_ptr_array_add (self->pages, page);
    }
  g_ptr_array_add (self->pages, self->review_page);
  g_ptr_array_add (self->pages, self->result_page);
  self->n_pages = self->pages->len;

  result_view = GTK_WIDGET (pw_result_view_new ());
  pw_assessment_view_set_assessment (PW_ASSESSMENT_VIEW (result_view),
                                     self->workbook, self->assessment);
  adw_bin_set_child (self->result_page, result_view);

  for (guint page = 0; page < self->n_pages; page++)
    {
      GtkWidget *row = pw_step_row_new (page, get_page_title (self, page));

      g_ptr_array_add (self->step_rows, row);
      gtk_list_box_append (self->steps_list, row);
    }

  g_signal_connect_object (self->assessment, "changed", G_CALLBACK (assessment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Whether a later round follows changes with the dates and scopes of the
   * rounds, and with rounds added or removed. */
  g_signal_connect_object (self->assessment, "notify::date", G_CALLBACK (update_earlier_round),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assessment, "notify::team-id",
                           G_CALLBACK (update_earlier_round), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pw_workbook_get_assessments (self->workbook), "items-changed",
                           G_CALLBACK (update_earlier_round), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->profile_page));
  update_step_rows (self);
  update_page_ui (self);
  pw_wizard_update_actions (self);
}

/* GObject */

static void
pw_wizard_dispose (GObject *object)
{
  PwWizard *self = (PwWizard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WIZARD);

  g_clear_pointer (&self->dimension_pages, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_object (&self->framework);
  g_clear_object (&self->assessment);
  g_clear_object (&self->workbook);

  G_OBJECT_CLASS (pw_wizard_parent_class)->dispose (object);
}

static void
pw_wizard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PwWizard *self = PW_WIZARD (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_wizard_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PwWizard *self = PW_WIZARD (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      pw_wizard_set_page (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_wizard_class_init (PwWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_wizard_dispose;
  object_class->get_property = pw_wizard_get_property;
  object_class->set_property = pw_wizard_set_property;

  properties [PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWizard, steps_button);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, earlier_box);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, step_label);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, steps_popover);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, steps_list);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, answered_label);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, profile_page);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, review_page);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, result_page);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, step_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, steps_popover_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_question_activated_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.go-to", "u", go_to_action);
  gtk_widget_class_install_action (widget_class, "wizard.answer", "(ss)", answer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK,
                                       "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK,
                                       "wizard.next", NULL);
}

static void
pw_wizard_init (PwWizard *self)
{
  g_type_ensure (PW_TYPE_PROFILE_PAGE);
  g_type_ensure (PW_TYPE_REVIEW_PAGE);

  self->pages = g_ptr_array_new ();
  self->step_rows = g_ptr_array_new ();
  self->dimension_pages = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  add_answer_shortcuts (self);
}

/**
 * pw_wizard_new:
 * @workbook: the workbook of @assessment
 * @assessment: the assessment to fill in
 *
 * Returns: (transfer floating): a new wizard, on its first page
 */
PwWizard *
pw_wizard_new (PwWorkbook   *workbook,
               PwAssessment *assessment)
{
  PwWizard *self;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (PW_TYPE_WIZARD, NULL);
  self->workbook = g_object_ref (workbook);
  self->assessment = g_object_ref (assessment);
  self->framework = g_object_ref (pw_workbook_get_framework (workbook));
  build (self);

  return self;
}

/**
 * pw_wizard_get_workbook:
 *
 * Returns: (transfer none): the workbook
 */
PwWorkbook *
pw_wizard_get_workbook (PwWizard *self)
{
  g_return_val_if_fail (PW_IS_WIZARD (self), NULL);

  return self->workbook;
}

/**
 * pw_wizard_get_assessment:
 *
 * Returns: (transfer none): the assessment filled in
 */
PwAssessment *
pw_wizard_get_assessment (PwWizard *self)
{
  g_return_val_if_fail (PW_IS_WIZARD (self), NULL);

  return self->assessment;
}

/**
 * pw_wizard_get_n_pages:
 *
 * Returns: the number of pages: the profile, one per dimension, the review
 *   and the result
 */
guint
pw_wizard_get_n_pages (PwWizard *self)
{
  g_return_val_if_fail (PW_IS_WIZARD (self), 0);

  return self->n_pages;
}

guint
pw_wizard_get_page (PwWizard *self)
{
  g_return_val_if_fail (PW_IS_WIZARD (self), 0);

  return self->page;
}

/**
 * pw_wizard_set_page:
 * @page: a page index, below pw_wizard_get_n_pages()
 *
 * Shows @page.  When the focus was on the page left, it moves into the new
 * one.
 */
void
pw_wizard_set_page (PwWizard *self,
                    guint     page)
{
  GtkWidget *focus;
  gboolean had_focus;

  g_return_if_fail (PW_IS_WIZARD (self));
  g_return_if_fail (page < self->n_pages);

  if (self->page == page)
    return;

  /* Arriving on a page from inside the wizard (its pages, Back, Next, the
   * steps) or from nowhere focuses it; the focus elsewhere in the window
   * stays there, and a wizard in no window yet has none to move. */
  focus = _pw_widget_get_focus (GTK_WIDGET (self));
  had_focus = gtk_widget_get_root (GTK_WIDGET (self)) != NULL
              && (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));

  gtk_stack_set_transition_type (self->stack,
                                 page > self->page ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT
                                                   : GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  self->page = page;

  gtk_stack_set_visible_child (self->stack, g_ptr_array_index (self->pages, page));
  update_page_ui (self);
  pw_wizard_update_actions (self);

  if (had_focus)
    focus_page (self);

  /* The reveal starts at the headline, wherever the focus went. */
  if (page == get_result_page (self))
    pw_result_view_scroll_to_top (PW_RESULT_VIEW (adw_bin_get_child (self->result_page)));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}
