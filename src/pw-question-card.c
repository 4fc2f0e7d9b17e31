/* pw-question-card.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-question-card"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-question-card.h"
#include "pw-widget-utils.h"

/**
 * PwQuestionCard:
 *
 * One question of an assessment as a card: the question, its five options
 * as large toggles (one per phase), “don’t know” and “not applicable”, the
 * per-phase help, and a note and evidence for the answer.
 *
 * When the assessment hides its phases (#PwAssessment:hide-phases), the
 * options are shown in the assessment's shuffled order
 * (pw_assessment_get_option_order()), without their phase: no badge, no
 * phase in the tooltips, in what a screen reader says ("Option 2: …", by
 * position), in the line above the question, or in the help, which then
 * holds only the question's own help and when "Not applicable" is right:
 * not the evidence of the highest option, which would point to it.  The
 * answer still stores the phase of the option chosen.  The card follows
 * the switch while it shows.
 *
 * The card edits the #PwAnswer of its question in its #PwAssessment and
 * follows it when it changes elsewhere (undo, another view).  The answer is
 * created on the first edit, not when the card is shown: looking at a
 * question does not change the assessment.  Widgets are updated from the
 * answer’s notifications under a guard, and the answer from the widgets
 * only on user edits, so nothing loops.
 */
struct _PwQuestionCard
{
  AdwBin            parent_instance;

  GtkLabel         *number_label;
  GtkLabel         *status_label;
  GtkLabel         *question_label;
  GtkBox           *help_box;
  GtkWidget        *help_button;
  GtkScrolledWindow *help_scroller;
  GtkBox           *choices_box;
  GtkBox           *options_box;
  GtkToggleButton  *dont_know_button;
  GtkToggleButton  *not_applicable_button;
  GtkButton        *clear_button;
  GtkEntry         *note_entry;
  GtkEntry         *evidence_entry;

  GtkToggleButton  *option_buttons[PW_N_PHASES];   /* by phase */
  GtkWidget        *option_badges[PW_N_PHASES];    /* by phase */
  GtkWidget        *level_rows[PW_N_PHASES];       /* by phase, in the help */
  GtkWidget        *levels_separator;              /* in the help, or NULL */
  GtkWidget        *evidence_section;              /* in the help, or NULL */
  int               order[PW_N_PHASES];            /* the phases by position on screen */

  PwFramework      *framework;
  const PwQuestion *question;
  PwAssessment     *assessment;
  PwAnswer         *answer;           /* NULL until the question has one */

  guint             updating : 1;
  guint             hide_phases : 1;
  guint             has_own_help : 1;  /* help that names no phase */
};

G_DEFINE_FINAL_TYPE (PwQuestionCard, pw_question_card, ADW_TYPE_BIN)

static GtkToggleButton *
get_toggle_for_answer (PwQuestionCard *self)
{
  int phase;

  switch (self->answer != NULL ? pw_answer_get_kind (self->answer) : PW_ANSWER_NONE)
    {
    case PW_ANSWER_OPTION:
      phase = pw_answer_get_phase (self->answer);
      if (phase >= 1 && phase <= PW_N_PHASES)
        return self->option_buttons[phase - 1];
      return NULL;

    case PW_ANSWER_DONT_KNOW:
      return self->dont_know_button;

    case PW_ANSWER_NOT_APPLICABLE:
      return self->not_applicable_button;

    case PW_ANSWER_NONE:
    default:
      return NULL;
    }
}

/* "Answered: 3 · The Integrators", or nothing without an answer; only
 * "Answered" while the phases are hidden */
static void
update_status (PwQuestionCard *self)
{
  PwAnswerKind kind = self->answer != NULL ? pw_answer_get_kind (self->answer) : PW_ANSWER_NONE;
  g_autofree char *text = NULL;

  switch (kind)
    {
    case PW_ANSWER_OPTION:
      {
        int phase = pw_answer_get_phase (self->answer);
        const PwPhaseInfo *info = pw_framework_get_phase (self->framework, phase);

        if (self->hide_phases)
          /* Translators: above a question answered with one of its options,
           * while the phases are hidden (so the phase is not named) */
          text = g_strdup (_("Answered"));
        else if (info != NULL && info->name != NULL)
          /* Translators: above a question, the option chosen: its phase and the phase's name */
          text = g_strdup_printf (_("Answered: %d · %s"), phase, info->name);
        else
          /* Translators: above a question, the option chosen: its phase */
          text = g_strdup_printf (_("Answered: %d"), phase);
      }
      break;

    case PW_ANSWER_DONT_KNOW:
      /* Translators: above a question answered with "Don't know" */
      text = g_strdup (_("Answered: Don’t know"));
      break;

    case PW_ANSWER_NOT_APPLICABLE:
      /* Translators: above a question answered with "Not applicable" */
      text = g_strdup (_("Answered: Not applicable"));
      break;

    case PW_ANSWER_NONE:
    default:
      break;
    }

  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
update_choice (PwQuestionCard *self)
{
  GtkToggleButton *active = get_toggle_for_answer (self);

  self->updating = TRUE;

  if (active != NULL)
    {
      gtk_toggle_button_set_active (active, TRUE);
    }
  else
    {
      /* A grouped toggle can only be switched off from code. */
      for (guint i = 0; i < PW_N_PHASES; i++)
        gtk_toggle_button_set_active (self->option_buttons[i], FALSE);
      gtk_toggle_button_set_active (self->dont_know_button, FALSE);
      gtk_toggle_button_set_active (self->not_applicable_button, FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), active != NULL);
  update_status (self);

  self->updating = FALSE;
}

static void
update_entry (PwQuestionCard *self,
              GtkEntry       *entry,
              const char     *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  self->updating = FALSE;
}

static void
answer_notify_cb (PwQuestionCard *self,
                  GParamSpec     *pspec,
                  PwAnswer       *answer)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "kind") || g_str_equal (name, "phase"))
    update_choice (self);
  else if (g_str_equal (name, "note"))
    update_entry (self, self->note_entry, pw_answer_get_note (answer));
  else if (g_str_equal (name, "evidence"))
    update_entry (self, self->evidence_entry, pw_answer_get_evidence (answer));
}

static void
update_all (PwQuestionCard *self)
{
  update_choice (self);
  update_entry (self, self->note_entry,
                self->answer != NULL ? pw_answer_get_note (self->answer) : NULL);
  update_entry (self, self->evidence_entry,
                self->answer != NULL ? pw_answer_get_evidence (self->answer) : NULL);
}

static void
set_answer (PwQuestionCard *self,
            PwAnswer       *answer)
{
  if (self->answer == answer)
    return;

  if (self->answer != NULL)
    g_signal_handlers_disconnect_by_func (self->answer, answer_notify_cb, self);
  g_set_object (&self->answer, answer);
  if (answer != NULL)
    g_signal_connect_object (answer, "notify", G_CALLBACK (answer_notify_cb), self,
                             G_CONNECT_SWAPPED);
}

/* The answer, created for the first edit. */
static PwAnswer *
ensure_answer (PwQuestionCard *self)
{
  if (self->answer == NULL)
    set_answer (self, pw_assessment_ensure_answer (self->assessment, self->question->id));

  return self->answer;
}

/* An answer to this question created elsewhere (undo, another view) */
static void
assessment_changed_cb (PwQuestionCard *self,
                       PwAnswer       *answer,
                       PwAssessment   *assessment)
{
  if (answer == NULL || answer == self->answer
      || g_strcmp0 (pw_answer_get_question_id (answer), self->question->id) != 0)
    return;

  set_answer (self, answer);
  update_all (self);
}

/* The help is no taller than the room below its button, or above it when
 * there is too little below (without a window manager, popovers are not
 * kept on screen): it scrolls instead of running off the window. */
#define HELP_MAX_HEIGHT 460
#define HELP_MIN_HEIGHT 160

static void
help_popover_show_cb (PwQuestionCard *self,
                      GtkPopover     *popover)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  graphene_rect_t bounds;
  double below, above;
  int height = HELP_MAX_HEIGHT;

  if (root != NULL
      && gtk_widget_compute_bounds (self->help_button, root, &bounds))
    {
      /* The popover's arrow, frame and margins take about 40 pixels */
      below = gtk_widget_get_height (root) - (bounds.origin.y + bounds.size.height) - 40;
      above = bounds.origin.y - 40;
      /* Below, as a menu button's popover opens, where there is room; else
       * where there is more (a window manager flips it above) */
      height = CLAMP ((int) (below >= HELP_MIN_HEIGHT ? below : MAX (below, above)),
                      HELP_MIN_HEIGHT, HELP_MAX_HEIGHT);
    }

  gtk_scrolled_window_set_max_content_height (self->help_scroller, height);
}

static void
option_toggled_cb (PwQuestionCard  *self,
                   GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->dont_know_button)
    {
      pw_question_card_choose (self, PW_ANSWER_DONT_KNOW, 0);
      return;
    }

  if (button == self->not_applicable_button)
    {
      pw_question_card_choose (self, PW_ANSWER_NOT_APPLICABLE, 0);
      return;
    }

  for (guint i = 0; i < PW_N_PHASES; i++)
    if (button == self->option_buttons[i])
      pw_question_card_choose (self, PW_ANSWER_OPTION, (int) i + 1);
}

static void
clear_clicked_cb (PwQuestionCard *self,
                  GtkButton      *button)
{
  pw_question_card_choose (self, PW_ANSWER_NONE, 0);
  pw_question_card_focus_choices (self);
}

/* The note or the evidence, typed */
static void
entry_changed_cb (PwQuestionCard *self,
                  GtkEditable    *editable)
{
  const char *typed = gtk_editable_get_text (editable);
  g_autofree char *text = NULL;

  if (self->updating || (*typed == '\0' && self->answer == NULL))
    return;

  /* A copy: the answer created for it is shown in the entries. */
  text = *typed != '\0' ? g_strdup (typed) : NULL;
  if (editable == GTK_EDITABLE (self->note_entry))
    pw_answer_set_note (ensure_answer (self), text);
  else
    pw_answer_set_evidence (ensure_answer (self), text);
}

static GtkWidget *
create_badge (int phase)
{
  g_autofree char *number = g_strdup_printf ("%d", phase);
  GtkWidget *badge = gtk_label_new (number);

  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "pw-choice-badge");
  gtk_widget_add_css_class (badge, "numeric");

  return badge;
}

/* The option of @phase, shown at @position (from 1): named by its phase, or
 * only by its position while the phases are hidden */
static void
label_option_button (PwQuestionCard *self,
                     int             phase,
                     int             position)
{
  const PwPhaseInfo *info = pw_framework_get_phase (self->framework, phase);
  const char *text = self->question->options[phase - 1];
  GtkWidget *button = GTK_WIDGET (self->option_buttons[phase - 1]);
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;

  if (self->hide_phases)
    {
      /* Translators: the accessible name of an option while the phases are
       * hidden: its position among the options, "Option 2: <the option's text>" */
      accessible = g_strdup_printf (_("Option %d: %s"), position, text);
      /* Translators: the tooltip of an option while the phases are hidden:
       * the key that chooses it, its position among the options */
      tooltip = g_strdup_printf (_("Press %d"), position);
    }
  else
    {
      /* Translators: the accessible name of an option: "Phase 3: <the option's text>" */
      accessible = g_strdup_printf (_("Phase %d: %s"), phase, text);
      if (info != NULL && info->name != NULL)
        /* Translators: the tooltip of an option: the phase number, the phase
         * name, and the key that chooses it */
        tooltip = g_strdup_printf (_("Phase %d · %s — press %d"), phase, info->name, position);
      else
        /* Translators: the tooltip of an option: phase number and the key that chooses it */
        tooltip = g_strdup_printf (_("Phase %d — press %d"), phase, position);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_visible (self->option_badges[phase - 1], !self->hide_phases);
}

static GtkWidget *
create_option_button (PwQuestionCard *self,
                      int             phase)
{
  const char *text = self->question->options[phase - 1];
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = _pw_label_new_wrapping (text, PANGO_WRAP_WORD_CHAR, -1);
  GtkWidget *badge = create_badge (phase);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "pw-choice-text");

  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pw-choice");
  self->option_badges[phase - 1] = badge;

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->dont_know_button);
  g_signal_connect_object (button, "toggled", G_CALLBACK (option_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  return button;
}

static void
checklist_clicked_cb (GtkWidget *button)
{
  GtkWidget *popover = gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* A heading and its text in the help; NULL for an empty text (a framework
 * of format 1 has none of these texts) */
static GtkWidget *
add_help_section (PwQuestionCard *self,
                  const char     *heading,
                  const char     *text)
{
  GtkWidget *section, *label;

  if (text == NULL || *text == '\0')
    return NULL;

  section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", heading,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD,
                        "max-width-chars", 48,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (section), label);
  gtk_box_append (GTK_BOX (section), _pw_label_new_wrapping (text, PANGO_WRAP_WORD, 48));
  gtk_box_append (self->help_box, section);

  return section;
}

static void
fill_help (PwQuestionCard *self)
{
  const PwDimension *dimension = self->question->dimension;
  GtkWidget *label;

  if (self->question->help != NULL && *self->question->help != '\0')
    {
      label = _pw_label_new_wrapping (self->question->help, PANGO_WRAP_WORD, 48);
      gtk_box_append (self->help_box, label);
      self->has_own_help = TRUE;
    }

  /* Translators: a heading in the help of a question, above when the
   * answer "Not applicable" is the right one */
  if (add_help_section (self, _("When Not Applicable Is Right"),
                        self->question->not_applicable) != NULL)
    self->has_own_help = TRUE;
  /* What proves the fifth option: it points to the highest phase, so it is
   * hidden with the phases (apply_hide_phases()) */
  self->evidence_section = add_help_section (self,
                                             /* Translators: a heading in the help of a
                                              * question, above what proves that its
                                              * highest option is the right answer */
                                             _("Evidence for the Highest Option"),
                                             self->question->evidence);

  /* Governance past phase 3 depends on the core items of the checklist */
  if (dimension != NULL && g_strcmp0 (dimension->id, PW_GOVERNANCE_DIMENSION) == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Open the Policy _Checklist"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("Show the core policy items that are not in place"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-policy-missing-core");
      /* Named by its text, not by its raw mnemonic label as well (GTK 4.8) */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      g_signal_connect (button, "clicked", G_CALLBACK (checklist_clicked_cb), NULL);
      gtk_box_append (self->help_box, button);
      self->has_own_help = TRUE;
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->help_box)) != NULL)
    {
      self->levels_separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_box_append (self->help_box, self->levels_separator);
    }

  for (int phase = 1; phase <= PW_N_PHASES; phase++)
    {
      const PwPhaseInfo *info = pw_framework_get_phase (self->framework, phase);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *title = NULL;

      if (info == NULL)
        continue;

      if (info->stage != NULL && *info->stage != '\0')
        /* Translators: a phase in the help popover: its name and its stage */
        title = g_strdup_printf (_("%s · %s"), info->name, info->stage);
      else
        title = g_strdup (info->name);

      label = _pw_label_new_wrapping (title, PANGO_WRAP_WORD, -1);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (texts), label);

      if (dimension != NULL && dimension->levels[phase - 1] != NULL)
        {
          label = _pw_label_new_wrapping (dimension->levels[phase - 1], PANGO_WRAP_WORD, 44);
          gtk_widget_add_css_class (label, "caption");
          gtk_widget_add_css_class (label, "pw-secondary");
          gtk_box_append (GTK_BOX (texts), label);
        }

      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (row), create_badge (phase));
      gtk_box_append (GTK_BOX (row), texts);
      gtk_box_append (self->help_box, row);
      self->level_rows[phase - 1] = row;
    }
}

/* The options in phase order with their phases, or in the assessment's
 * shuffled order without them; the help with or without the levels of the
 * phases.  Reordering the buttons (not making new ones) keeps the focus and
 * the choice where they are. */
static void
apply_hide_phases (PwQuestionCard *self)
{
  GtkWidget *previous = NULL;

  self->hide_phases = pw_assessment_get_hide_phases (self->assessment);

  if (self->hide_phases)
    pw_assessment_get_option_order (self->assessment, self->question->id, self->order);
  else
    for (int i = 0; i < PW_N_PHASES; i++)
      self->order[i] = i + 1;

  for (int position = 0; position < PW_N_PHASES; position++)
    {
      int phase = self->order[position];
      GtkWidget *button = GTK_WIDGET (self->option_buttons[phase - 1]);

      gtk_box_reorder_child_after (self->options_box, button, previous);
      label_option_button (self, phase, position + 1);
      previous = button;
    }

  for (int phase = 1; phase <= PW_N_PHASES; phase++)
    if (self->level_rows[phase - 1] != NULL)
      gtk_widget_set_visible (self->level_rows[phase - 1], !self->hide_phases);
  if (self->levels_separator != NULL)
    gtk_widget_set_visible (self->levels_separator, !self->hide_phases);
  if (self->evidence_section != NULL)
    gtk_widget_set_visible (self->evidence_section, !self->hide_phases);

  /* Without the levels and the evidence, the help is the question's own,
   * if it has any */
  gtk_widget_set_visible (self->help_button, !self->hide_phases || self->has_own_help);
  if (self->hide_phases)
    {
      /* Translators: the tooltip and name of a question's help button while
       * the phases are hidden: the help then holds only the question's own */
      gtk_widget_set_tooltip_text (self->help_button, _("About This Question"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->help_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("About This Question"),
                                      -1);
    }
  else
    {
      gtk_widget_set_tooltip_text (self->help_button, _("What Each Phase Looks Like"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->help_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("What Each Phase Looks Like"),
                                      -1);
    }

  update_status (self);
}

static void
hide_phases_changed_cb (PwQuestionCard *self,
                        GParamSpec     *pspec,
                        PwAssessment   *assessment)
{
  apply_hide_phases (self);
}

static void
build (PwQuestionCard *self)
{
  const PwDimension *dimension = self->question->dimension;
  g_autofree char *number = NULL;

  if (dimension != NULL)
    {
      guint index = 0;

      g_ptr_array_find (dimension->questions, self->question, &index);
      number = _pw_question_position_text (index, dimension->questions->len);
    }
  gtk_label_set_label (self->number_label, number);
  gtk_widget_set_visible (GTK_WIDGET (self->number_label), number != NULL);
  gtk_label_set_label (self->question_label, self->question->text);

  for (int phase = 1; phase <= PW_N_PHASES; phase++)
    {
      GtkWidget *button = create_option_button (self, phase);

      self->option_buttons[phase - 1] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->options_box, button);
    }

  fill_help (self);

  set_answer (self, pw_assessment_lookup_answer (self->assessment, self->question->id));
  apply_hide_phases (self);
  update_all (self);

  g_signal_connect_object (self->assessment, "changed", G_CALLBACK (assessment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assessment, "notify::hide-phases",
                           G_CALLBACK (hide_phases_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
pw_question_card_dispose (GObject *object)
{
  PwQuestionCard *self = (PwQuestionCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_QUESTION_CARD);
  g_clear_object (&self->answer);
  g_clear_object (&self->assessment);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (pw_question_card_parent_class)->dispose (object);
}

static void
pw_question_card_class_init (PwQuestionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_question_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-question-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, question_label);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, help_box);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, help_button);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, help_scroller);
  gtk_widget_class_bind_template_callback (widget_class, help_popover_show_cb);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, choices_box);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, options_box);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, dont_know_button);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, not_applicable_button);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PwQuestionCard, evidence_entry);
  gtk_widget_class_bind_template_callback (widget_class, option_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
pw_question_card_init (PwQuestionCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pw_question_card_new:
 * @framework: the framework of @question
 * @question: the question shown
 * @assessment: the assessment whose answer to @question is edited
 *
 * Returns: (transfer floating): a new card
 */
PwQuestionCard *
pw_question_card_new (PwFramework      *framework,
                      const PwQuestion *question,
                      PwAssessment     *assessment)
{
  PwQuestionCard *self;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (PW_TYPE_QUESTION_CARD, NULL);
  self->framework = g_object_ref (framework);
  /* The framework keeps its questions alive. */
  self->question = question;
  self->assessment = g_object_ref (assessment);
  build (self);

  return self;
}

const PwQuestion *
pw_question_card_get_question (PwQuestionCard *self)
{
  g_return_val_if_fail (PW_IS_QUESTION_CARD (self), NULL);

  return self->question;
}

/**
 * pw_question_card_get_assessment:
 *
 * Returns: (transfer none): the assessment the card edits
 */
PwAssessment *
pw_question_card_get_assessment (PwQuestionCard *self)
{
  g_return_val_if_fail (PW_IS_QUESTION_CARD (self), NULL);

  return self->assessment;
}

/**
 * pw_question_card_get_answer:
 *
 * Returns: (transfer none) (nullable): the answer the card edits, %NULL
 *   while the question has none
 */
PwAnswer *
pw_question_card_get_answer (PwQuestionCard *self)
{
  g_return_val_if_fail (PW_IS_QUESTION_CARD (self), NULL);

  return self->answer;
}

/**
 * pw_question_card_choose:
 * @kind: %PW_ANSWER_OPTION to choose the option of @phase,
 *   %PW_ANSWER_DONT_KNOW, %PW_ANSWER_NOT_APPLICABLE, or %PW_ANSWER_NONE to
 *   clear the choice
 * @phase: with %PW_ANSWER_OPTION, a phase from 1 to 5; ignored otherwise
 *
 * Answers the question, as clicking the matching toggle does.  Clearing
 * keeps the note and the evidence.
 */
void
pw_question_card_choose (PwQuestionCard *self,
                         PwAnswerKind    kind,
                         int             phase)
{
  g_return_if_fail (PW_IS_QUESTION_CARD (self));
  g_return_if_fail (kind != PW_ANSWER_OPTION || (phase >= 1 && phase <= PW_N_PHASES));

  switch (kind)
    {
    case PW_ANSWER_OPTION:
      pw_answer_choose (ensure_answer (self), phase);
      break;

    case PW_ANSWER_DONT_KNOW:
    case PW_ANSWER_NOT_APPLICABLE:
      pw_answer_set_kind (ensure_answer (self), kind);
      break;

    case PW_ANSWER_NONE:
    default:
      /* Nothing to clear creates nothing. */
      if (self->answer != NULL)
        pw_answer_set_kind (self->answer, PW_ANSWER_NONE);
      break;
    }

  /* The answer may not have changed (the same option again); the toggles
   * must show it all the same. */
  update_choice (self);
}

/**
 * pw_question_card_get_choices:
 *
 * Returns: (transfer none): the part of the card that the question is
 *   answered with: its options, "don't know" and "not applicable"
 */
GtkWidget *
pw_question_card_get_choices (PwQuestionCard *self)
{
  g_return_val_if_fail (PW_IS_QUESTION_CARD (self), NULL);

  return GTK_WIDGET (self->choices_box);
}

/**
 * pw_question_card_get_phase_at:
 * @position: a position among the options on the card, from 1 (the top) to 5
 *
 * The keys 1 to 5 choose the option at their position on the card: in phase
 * order that is the option of the same phase; while the assessment hides its
 * phases, the options are in its shuffled order.
 *
 * Returns: the phase of the option shown at @position, 1 to 5
 */
int
pw_question_card_get_phase_at (PwQuestionCard *self,
                               int             position)
{
  g_return_val_if_fail (PW_IS_QUESTION_CARD (self), 0);
  g_return_val_if_fail (position >= 1 && position <= PW_N_PHASES, 0);

  return self->order[position - 1];
}

/**
 * pw_question_card_focus_choices:
 *
 * Moves the keyboard focus to the chosen toggle, or to the first option when
 * the question has no answer yet.
 */
void
pw_question_card_focus_choices (PwQuestionCard *self)
{
  GtkToggleButton *active;

  g_return_if_fail (PW_IS_QUESTION_CARD (self));

  active = get_toggle_for_answer (self);
  if (active == NULL)
    active = self->option_buttons[self->order[0] - 1];

  gtk_widget_grab_focus (GTK_WIDGET (active));
}
