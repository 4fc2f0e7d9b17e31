/* pw-wizard.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pw-question-card.h"
#include "pw-result-view.h"
#include "pw-wizard.h"

/**
 * PwWizard:
 *
 * The guided assessment: a profile and scope page, one page per dimension
 * with a #PwQuestionCard per question, a review of what is left, and the
 * result.  Progress, Back and Next stay visible, and a popover lists every
 * step with its answered questions.
 *
 * The actions of the "wizard" group drive it: `wizard.next`,
 * `wizard.previous`, `wizard.go-to` (a page index) and `wizard.answer` (a
 * question id and a value, as pw_question_card_choose()).  On a dimension
 * page the keys 1 to 5 choose an option of the question that has the focus,
 * or of the first unanswered question, and then move to the next question.
 */
struct _PwWizard
{
  AdwBin              parent_instance;

  GtkLabel           *step_label;
  GtkPopover         *steps_popover;
  GtkListBox         *steps_list;
  GtkLabel           *answered_label;
  GtkProgressBar     *progress_bar;
  GtkStack           *stack;
  GtkWidget          *profile_page;
  AdwEntryRow        *name_row;
  AdwEntryRow        *industry_row;
  AdwEntryRow        *size_row;
  AdwEntryRow        *region_row;
  AdwComboRow        *scope_row;
  AdwEntryRow        *round_row;
  AdwEntryRow        *date_row;
  AdwEntryRow        *facilitator_row;
  GtkSpinButton      *participants_spin;
  GtkWidget          *review_page;
  AdwBin             *review_bin;
  AdwBin             *result_page;
  GtkButton          *next_button;
  GtkWidget          *hint_label;

  PwWorkbook         *workbook;
  PwAssessment       *assessment;
  PwFramework        *framework;

  GBindingGroup      *workbook_bindings;
  GBindingGroup      *assessment_bindings;

  GPtrArray          *pages;            /* GtkWidget, by page index */
  GPtrArray          *step_rows;        /* GtkListBoxRow, by page index */
  GPtrArray          *dimension_cards;  /* GPtrArray of PwQuestionCard, by dimension */
  GHashTable         *cards;            /* question id → PwQuestionCard */
  GtkStringList      *scope_model;
  GPtrArray          *scope_ids;        /* team id by scope_model position, NULL first */
  GtkEventController *root_keys;
  GtkWidget          *reveal_card;
  guint               reveal_tick_id;
  guint               reveal_frames;
  guint               steps_tick_id;

  guint               page;
  guint               n_pages;
  guint               updating_scope : 1;
  guint               updating_date : 1;
};

G_DEFINE_FINAL_TYPE (PwWizard, pw_wizard, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_ASSESSMENT,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Pages: the profile, one per dimension, the review, the result. */
#define PAGE_PROFILE 0

static guint
get_n_dimensions (PwWizard *self)
{
  return self->dimension_cards->len;
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

static GPtrArray *
get_page_cards (PwWizard *self,
                guint     page)
{
  g_assert (is_dimension_page (self, page));

  return g_ptr_array_index (self->dimension_cards, page - 1);
}

static gboolean
card_is_answered (PwQuestionCard *card)
{
  return pw_answer_get_kind (pw_question_card_get_answer (card)) != PW_ANSWER_NONE;
}

static guint
count_answered (GPtrArray *cards)
{
  guint n = 0;

  for (guint i = 0; i < cards->len; i++)
    if (card_is_answered (g_ptr_array_index (cards, i)))
      n++;

  return n;
}

static void
count_all_answered (PwWizard *self,
                    guint    *answered,
                    guint    *total)
{
  *answered = 0;
  *total = 0;

  for (guint i = 0; i < self->dimension_cards->len; i++)
    {
      GPtrArray *cards = g_ptr_array_index (self->dimension_cards, i);

      *answered += count_answered (cards);
      *total += cards->len;
    }
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

static PwQuestionCard *
find_first_unanswered (GPtrArray *cards,
                       guint     *index)
{
  for (guint i = 0; i < cards->len; i++)
    {
      PwQuestionCard *card = g_ptr_array_index (cards, i);

      if (!card_is_answered (card))
        {
          if (index != NULL)
            *index = i;
          return card;
        }
    }

  return NULL;
}

static GtkWidget *
get_focus (PwWizard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

/* Scrolls the page so that @card shows from its top, keeping the focus in
 * view.  This waits two frames: a page just shown has no allocation yet.
 */
static void
reveal_card_now (PwWizard  *self,
                 GtkWidget *card)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (card, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *focus = get_focus (self);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, bottom, lower, upper, value, page_size;

  if (scrolled == NULL)
    return;

  /* Bounds in the scrolled content, not in the visible part of it. */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (card, content, &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);

  /* Values that show the top of the card… */
  upper = bounds.origin.y - 12;
  lower = upper - page_size + bounds.size.height + 24;
  lower = MIN (lower, upper);

  /* …and the focused option, which wins when the card is taller than the page. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, card)
      && gtk_widget_compute_bounds (focus, content, &bounds))
    {
      top = bounds.origin.y - 12;
      bottom = bounds.origin.y + bounds.size.height + 12;
      lower = MAX (lower, bottom - page_size);
      upper = MIN (upper, top);
      if (lower > upper)
        upper = lower;
    }

  gtk_adjustment_set_value (adjustment, CLAMP (value, lower, upper));
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PwWizard *self = PW_WIZARD (widget);

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;

  if (self->reveal_card != NULL)
    reveal_card_now (self, self->reveal_card);

  g_clear_weak_pointer (&self->reveal_card);
  self->reveal_tick_id = 0;

  return G_SOURCE_REMOVE;
}

/* Called on a page change: until the new page has had its layout, cards
 * are revealed later.
 */
static void
wait_for_layout (PwWizard *self)
{
  self->reveal_frames = 0;

  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb,
                                                         NULL, NULL);
}

static void
reveal_card (PwWizard       *self,
             PwQuestionCard *card)
{
  if (self->reveal_tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (card)))
    {
      reveal_card_now (self, GTK_WIDGET (card));
      return;
    }

  g_set_weak_pointer (&self->reveal_card, GTK_WIDGET (card));
  wait_for_layout (self);
}

static void
focus_card (PwWizard       *self,
            PwQuestionCard *card)
{
  pw_question_card_focus_choices (card);
  reveal_card (self, card);
}

static void
focus_page (PwWizard *self)
{
  if (is_dimension_page (self, self->page))
    {
      GPtrArray *cards = get_page_cards (self, self->page);
      PwQuestionCard *card = find_first_unanswered (cards, NULL);

      if (card == NULL && cards->len > 0)
        card = g_ptr_array_index (cards, 0);
      if (card != NULL)
        {
          focus_card (self, card);
          return;
        }
    }

  gtk_widget_child_focus (g_ptr_array_index (self->pages, self->page), GTK_DIR_TAB_FORWARD);
}

/* Progress */

static void
update_step_rows (PwWizard *self)
{
  for (guint page = 0; page < self->n_pages; page++)
    {
      GtkWidget *row = g_ptr_array_index (self->step_rows, page);
      GtkLabel *count = g_object_get_data (G_OBJECT (row), "pw-count");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "pw-check");
      g_autofree char *accessible = NULL;

      if (is_dimension_page (self, page))
        {
          GPtrArray *cards = get_page_cards (self, page);
          guint answered = count_answered (cards);
          g_autofree char *text = NULL;

          /* Translators: answered questions of a step in the step list, e.g. "2/4" */
          text = g_strdup_printf (_("%u/%u"), answered, cards->len);
          gtk_label_set_label (count, text);
          gtk_widget_set_visible (GTK_WIDGET (count), answered < cards->len);
          gtk_widget_set_visible (check, answered == cards->len);

          /* Translators: spoken for a step in the step list: its number, its
           * title, and the questions answered */
          accessible = g_strdup_printf (ngettext ("Step %u, %s, %u of %u question answered",
                                                  "Step %u, %s, %u of %u questions answered",
                                                  cards->len),
                                        page + 1, get_page_title (self, page),
                                        answered, cards->len);
        }
      else
        {
          /* Translators: spoken for a step in the step list: step number and title */
          accessible = g_strdup_printf (_("Step %u, %s"), page + 1, get_page_title (self, page));
        }

      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
}

static void
update_answered (PwWizard *self)
{
  g_autofree char *text = NULL;
  guint answered, total;

  if (is_dimension_page (self, self->page))
    {
      GPtrArray *cards = get_page_cards (self, self->page);

      answered = count_answered (cards);
      total = cards->len;
      /* Translators: the questions answered on the current page */
      text = g_strdup_printf (ngettext ("%u of %u answered", "%u of %u answered", total),
                              answered, total);
    }
  else
    {
      count_all_answered (self, &answered, &total);
      /* Translators: the questions answered in the whole assessment */
      text = g_strdup_printf (ngettext ("%u of %u question answered",
                                        "%u of %u questions answered", total),
                              answered, total);
    }

  gtk_label_set_label (self->answered_label, text);
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
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->page != get_result_page (self));
  gtk_widget_set_visible (self->hint_label, is_dimension);

  gtk_list_box_select_row (self->steps_list,
                           g_ptr_array_index (self->step_rows, self->page));

  update_answered (self);
}

/* Review */

static void
review_row_activated_cb (PwWizard     *self,
                         AdwActionRow *row)
{
  const char *question_id = g_object_get_data (G_OBJECT (row), "pw-question-id");
  PwQuestionCard *card = g_hash_table_lookup (self->cards, question_id);
  const PwQuestion *question;

  if (card == NULL)
    return;

  question = pw_question_card_get_question (card);
  pw_wizard_set_page (self, question->dimension->index + 1);
  focus_card (self, card);
}

static GtkWidget *
create_done_status (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  GtkWidget *title = gtk_label_new (_("Every question has an answer"));
  GtkWidget *description = gtk_label_new (_("See the result to find out where the assessment "
                                             "places you."));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
  gtk_widget_add_css_class (icon, "success");
  gtk_widget_set_margin_bottom (icon, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Complete"),
                                  -1);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, "title-1");

  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (description, "dim-label");

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);

  return box;
}

static GtkWidget *
create_review_header (guint n_unanswered)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (_("Answer them, or mark them “Don’t know” or "
                                            "“Not applicable”. Questions without an answer "
                                            "do not count in the score."));
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("%u Question Without an Answer",
                                    "%u Questions Without an Answer", n_unanswered),
                          n_unanswered);
  gtk_label_set_label (GTK_LABEL (title), text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");

  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);

  return box;
}

static GtkWidget *
create_stat (guint       count,
             const char *caption)
{
  g_autofree char *number = g_strdup_printf ("%u", count);
  /* Translators: spoken for a count in the review, e.g. "Don’t know: 2" */
  g_autofree char *accessible = g_strdup_printf (_("%s: %u"), caption, count);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_widget_add_css_class (number_label, "title-1");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");

  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "pw-wizard-stat");
  gtk_widget_set_focusable (box, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return box;
}

static GtkWidget *
create_stats (guint n_options,
              guint n_dont_know,
              guint n_not_applicable,
              guint n_unanswered)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_box_append (GTK_BOX (box), create_stat (n_options, _("Options chosen")));
  gtk_box_append (GTK_BOX (box), create_stat (n_dont_know, _("Don’t know")));
  gtk_box_append (GTK_BOX (box), create_stat (n_not_applicable, _("Not applicable")));
  gtk_box_append (GTK_BOX (box), create_stat (n_unanswered, _("No answer yet")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Summary"),
                                  -1);

  return box;
}

static void
rebuild_review (PwWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  guint n_unanswered = 0, n_options = 0, n_dont_know = 0, n_not_applicable = 0;

  for (guint d = 0; d < self->dimension_cards->len; d++)
    {
      GPtrArray *cards = g_ptr_array_index (self->dimension_cards, d);

      for (guint i = 0; i < cards->len; i++)
        {
          switch (pw_answer_get_kind (pw_question_card_get_answer (g_ptr_array_index (cards, i))))
            {
            case PW_ANSWER_OPTION:
              n_options++;
              break;

            case PW_ANSWER_DONT_KNOW:
              n_dont_know++;
              break;

            case PW_ANSWER_NOT_APPLICABLE:
              n_not_applicable++;
              break;

            case PW_ANSWER_NONE:
            default:
              n_unanswered++;
              break;
            }
        }
    }

  if (n_unanswered == 0)
    gtk_box_append (GTK_BOX (box), create_done_status ());
  else
    gtk_box_append (GTK_BOX (box), create_review_header (n_unanswered));

  gtk_box_append (GTK_BOX (box), create_stats (n_options, n_dont_know, n_not_applicable,
                                               n_unanswered));

  for (guint d = 0; n_unanswered > 0 && d < self->dimension_cards->len; d++)
    {
      GPtrArray *cards = g_ptr_array_index (self->dimension_cards, d);
      GtkWidget *group = NULL;

      for (guint i = 0; i < cards->len; i++)
        {
          PwQuestionCard *card = g_ptr_array_index (cards, i);
          const PwQuestion *question = pw_question_card_get_question (card);
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          if (card_is_answered (card))
            continue;

          if (group == NULL)
            {
              /* The group title is markup. */
              g_autofree char *title = g_markup_escape_text (get_page_title (self, d + 1), -1);

              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
              gtk_box_append (GTK_BOX (box), group);
            }

          /* Translators: a question in the review: its position in its dimension */
          subtitle = g_strdup_printf (_("Question %u of %u"), i + 1, cards->len);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->text);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_widget_set_tooltip_text (row, _("Go to this question"));
          g_object_set_data_full (G_OBJECT (row), "pw-question-id",
                                  g_strdup (question->id), g_free);
          g_signal_connect_object (row, "activated", G_CALLBACK (review_row_activated_cb),
                                   self, G_CONNECT_SWAPPED);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }

  adw_bin_set_child (self->review_bin, box);
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

  if (self->page == get_review_page (self))
    rebuild_review (self);
}

/* Profile */

static gboolean
string_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *string = g_value_get_string (from);

  g_value_set_string (to, string != NULL ? string : "");

  return TRUE;
}

static gboolean
text_to_string (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL && *text != '\0' ? text : NULL);

  return TRUE;
}

static void
bind_text (GBindingGroup *group,
           const char    *property,
           AdwEntryRow   *row)
{
  g_binding_group_bind_full (group, property, row, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             string_to_text, text_to_string, NULL, NULL);
}

static gboolean
is_valid_date (const char *text)
{
  guint year, month, day;
  char end;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static void
set_date_error (PwWizard *self,
                gboolean  error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  /* The title says what is wrong, for everyone, screen readers included. */
  if (error)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                   _("Date — not valid, use YYYY-MM-DD"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                   _("Date (YYYY-MM-DD)"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
date_changed_cb (PwWizard    *self,
                 GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);
  gboolean valid;

  if (self->updating_date)
    return;

  valid = is_valid_date (text);
  set_date_error (self, !valid);

  /* A bad date stays in the entry, marked, and never reaches the model. */
  if (valid)
    pw_assessment_set_date (self->assessment, text);
}

static void
update_date (PwWizard *self)
{
  const char *date = pw_assessment_get_date (self->assessment);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), date ? date : "") == 0)
    return;

  self->updating_date = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  self->updating_date = FALSE;
  set_date_error (self, FALSE);
}

static void
update_scope (PwWizard *self)
{
  const char *team_id = pw_assessment_get_team_id (self->assessment);
  guint position = 0;

  for (guint i = 1; i < self->scope_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->scope_ids, i), team_id) == 0)
      position = i;

  self->updating_scope = TRUE;
  adw_combo_row_set_selected (self->scope_row, position);
  self->updating_scope = FALSE;
}

static void
rebuild_scopes (PwWizard *self)
{
  GListModel *teams = pw_org_map_get_teams (pw_workbook_get_org_map (self->workbook));
  guint n = g_list_model_get_n_items (teams);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_set_size (self->scope_ids, 0);
  g_ptr_array_add (self->scope_ids, NULL);
  g_ptr_array_add (names, (gpointer) _("Whole organization"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);

      g_ptr_array_add (self->scope_ids, g_strdup (pw_team_get_id (team)));
      g_ptr_array_add (names, (gpointer) pw_team_get_name (team));
    }
  g_ptr_array_add (names, NULL);

  self->updating_scope = TRUE;
  gtk_string_list_splice (self->scope_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->scope_model)),
                          (const char * const *) names->pdata);
  self->updating_scope = FALSE;

  update_scope (self);
}

static void
teams_changed_cb (PwWizard   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *teams)
{
  rebuild_scopes (self);
}

static void
scope_selected_cb (PwWizard    *self,
                   GParamSpec  *pspec,
                   AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating_scope || self->assessment == NULL || selected >= self->scope_ids->len)
    return;

  {
    g_autofree char *old_label = pw_workbook_default_round_label (self->workbook,
                                                                  self->assessment);
    gboolean automatic = g_strcmp0 (pw_assessment_get_round (self->assessment), old_label) == 0;

    pw_assessment_set_team_id (self->assessment, g_ptr_array_index (self->scope_ids, selected));

    /* A label the user did not write follows the scope: "Round 1" of a
     * team assessed for the first time. */
    if (automatic)
      {
        g_autofree char *label = pw_workbook_default_round_label (self->workbook,
                                                                  self->assessment);

        pw_assessment_set_round (self->assessment, label);
      }
  }
}

static void
assessment_notify_cb (PwWizard     *self,
                      GParamSpec   *pspec,
                      PwAssessment *assessment)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "team-id"))
    update_scope (self);
  else if (g_str_equal (name, "date"))
    update_date (self);
}

/* Pages */

static GtkWidget *
create_dimension_page (PwWizard          *self,
                       const PwDimension *dimension,
                       GPtrArray         *cards)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (dimension->name);
  GtkWidget *description = gtk_label_new (dimension->description);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_set_visible (description, dimension->description != NULL);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), description);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < dimension->questions->len; i++)
    {
      const PwQuestion *question = g_ptr_array_index (dimension->questions, i);
      PwAnswer *answer = pw_assessment_ensure_answer (self->assessment, question->id);
      PwQuestionCard *card = pw_question_card_new (self->framework, question, answer);

      gtk_box_append (GTK_BOX (box), GTK_WIDGET (card));
      g_ptr_array_add (cards, card);
      g_hash_table_insert (self->cards, question->id, card);
    }

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  return scrolled;
}

static GtkWidget *
create_step_row (PwWizard *self,
                 guint     page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *title = gtk_label_new (get_page_title (self, page));
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_width_chars (GTK_LABEL (number_label), 2);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_add_css_class (number_label, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);

  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_set_visible (count, FALSE);

  gtk_widget_add_css_class (check, "success");
  gtk_widget_set_visible (check, FALSE);

  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "pw-page", GUINT_TO_POINTER (page));
  g_object_set_data (G_OBJECT (row), "pw-count", count);
  g_object_set_data (G_OBJECT (row), "pw-check", check);

  return row;
}

static void
step_activated_cb (PwWizard      *self,
                   GtkListBoxRow *row,
                   GtkListBox    *list)
{
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pw-page"));

  gtk_popover_popdown (self->steps_popover);
  pw_wizard_set_page (self, page);
  focus_page (self);
}

static gboolean
steps_scroll_tick_cb (GtkWidget     *list,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  PwWizard *self = user_data;
  GtkWidget *row = g_ptr_array_index (self->step_rows, self->page);
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  /* The first frame lays the list out. */
  if (gtk_widget_get_height (list) == 0 || scrolled == NULL)
    return G_SOURCE_CONTINUE;

  if (gtk_widget_compute_bounds (row, list, &bounds))
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment,
                                bounds.origin.y + bounds.size.height / 2
                                - gtk_adjustment_get_page_size (adjustment) / 2);
    }

  self->steps_tick_id = 0;

  return G_SOURCE_REMOVE;
}

static void
steps_popover_map_cb (PwWizard   *self,
                      GtkPopover *popover)
{
  /* Open on the current step. */
  gtk_widget_grab_focus (g_ptr_array_index (self->step_rows, self->page));

  if (self->steps_tick_id == 0)
    self->steps_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->steps_list),
                                                        steps_scroll_tick_cb, self, NULL);
}

/* Keys */

static gboolean
choose_with_key (PwWizard        *self,
                 guint            keyval,
                 GdkModifierType  state)
{
  GtkWidget *focus;
  GPtrArray *cards;
  PwQuestionCard *card = NULL;
  guint index = 0;
  int value;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5)
    value = keyval - GDK_KEY_1 + 1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5)
    value = keyval - GDK_KEY_KP_1 + 1;
  else
    return FALSE;

  if (!is_dimension_page (self, self->page))
    return FALSE;

  /* Typing a digit in a note, or anywhere text goes, types the digit. */
  focus = get_focus (self);
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;

  cards = get_page_cards (self, self->page);

  if (focus != NULL)
    {
      card = (PwQuestionCard *) gtk_widget_get_ancestor (focus, PW_TYPE_QUESTION_CARD);
      if (card != NULL && !g_ptr_array_find (cards, card, &index))
        card = NULL;

      /* The digits are not for the step list or other popovers. */
      if (card == NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
        return FALSE;
    }

  if (card == NULL)
    card = find_first_unanswered (cards, &index);
  if (card == NULL)
    return FALSE;

  pw_question_card_choose (card, value);

  if (index + 1 < cards->len)
    focus_card (self, g_ptr_array_index (cards, index + 1));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));

  return TRUE;
}

static gboolean
key_pressed_cb (PwWizard              *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return choose_with_key (self, keyval, state);
}

/* Without any focus, key presses go to the window, not through the wizard. */
static gboolean
root_key_pressed_cb (PwWizard              *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if (get_focus (self) != NULL || !gtk_widget_is_drawable (GTK_WIDGET (self)))
    return FALSE;

  return choose_with_key (self, keyval, state);
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

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwWizard *self = PW_WIZARD (widget);
  PwQuestionCard *card;
  const char *question_id;
  int value;

  g_variant_get (parameter, "(&si)", &question_id, &value);

  card = g_hash_table_lookup (self->cards, question_id);
  if (card == NULL || value < PW_CHOICE_NOT_APPLICABLE || value > PW_N_PHASES)
    {
      g_debug ("Ignoring wizard.answer (%s, %d)", question_id, value);
      return;
    }

  pw_question_card_choose (card, value);
}

/* GObject */

static void
pw_wizard_constructed (GObject *object)
{
  PwWizard *self = (PwWizard *)object;
  guint n_dimensions;
  GtkWidget *result_view;
  GListModel *teams;

  G_OBJECT_CLASS (pw_wizard_parent_class)->constructed (object);

  g_assert (PW_IS_WORKBOOK (self->workbook));
  g_assert (PW_IS_ASSESSMENT (self->assessment));

  self->framework = g_object_ref (pw_workbook_get_framework (self->workbook));
  n_dimensions = pw_framework_get_n_dimensions (self->framework);

  /* The profile */
  g_binding_group_set_source (self->workbook_bindings, self->workbook);
  g_binding_group_set_source (self->assessment_bindings, self->assessment);

  teams = pw_org_map_get_teams (pw_workbook_get_org_map (self->workbook));
  g_signal_connect_object (teams, "items-changed", G_CALLBACK (teams_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild_scopes (self);
  update_date (self);
  g_signal_connect_object (self->assessment, "notify", G_CALLBACK (assessment_notify_cb), self,
                           G_CONNECT_SWAPPED);

  /* The pages */
  g_ptr_array_add (self->pages, self->profile_page);
  for (guint i = 0; i < n_dimensions; i++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->framework, i);
      GPtrArray *cards = g_ptr_array_new ();
      GtkWidget *page;

      g_ptr_array_add (self->dimension_cards, cards);
      page = create_dimension_page (self, dimension, cards);
      gtk_stack_add_child (self->stack, page);
      g_ptr_array_add (self->pages, page);
    }
  g_ptr_array_add (self->pages, self->review_page);
  g_ptr_array_add (self->pages, self->result_page);
  self->n_pages = self->pages->len;

  result_view = GTK_WIDGET (pw_result_view_new ());
  pw_result_view_set_assessment (PW_RESULT_VIEW (result_view), self->workbook, self->assessment);
  adw_bin_set_child (self->result_page, result_view);

  for (guint page = 0; page < self->n_pages; page++)
    {
      GtkWidget *row = create_step_row (self, page);

      g_ptr_array_add (self->step_rows, row);
      gtk_list_box_append (self->steps_list, row);
    }

  g_signal_connect_object (self->assessment, "changed", G_CALLBACK (assessment_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child (self->stack, self->profile_page);
  update_step_rows (self);
  update_page_ui (self);
  pw_wizard_update_actions (self);
}

static void
pw_wizard_root (GtkWidget *widget)
{
  PwWizard *self = PW_WIZARD (widget);

  GTK_WIDGET_CLASS (pw_wizard_parent_class)->root (widget);

  self->root_keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (self->root_keys, "pw-wizard-keys");
  g_signal_connect_object (self->root_keys, "key-pressed", G_CALLBACK (root_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (gtk_widget_get_root (widget)), self->root_keys);
}

static void
pw_wizard_unroot (GtkWidget *widget)
{
  PwWizard *self = PW_WIZARD (widget);

  if (self->root_keys != NULL)
    {
      gtk_widget_remove_controller (GTK_WIDGET (gtk_widget_get_root (widget)), self->root_keys);
      self->root_keys = NULL;
    }

  GTK_WIDGET_CLASS (pw_wizard_parent_class)->unroot (widget);
}

static void
pw_wizard_dispose (GObject *object)
{
  PwWizard *self = (PwWizard *)object;

  if (self->workbook_bindings != NULL)
    g_binding_group_set_source (self->workbook_bindings, NULL);
  if (self->assessment_bindings != NULL)
    g_binding_group_set_source (self->assessment_bindings, NULL);

  if (self->reveal_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
  self->reveal_tick_id = 0;
  g_clear_weak_pointer (&self->reveal_card);
  if (self->steps_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->steps_list), self->steps_tick_id);
  self->steps_tick_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WIZARD);

  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->dimension_cards, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_pointer (&self->scope_ids, g_ptr_array_unref);
  g_clear_object (&self->scope_model);
  g_clear_object (&self->workbook_bindings);
  g_clear_object (&self->assessment_bindings);
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
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;

    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
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
    case PROP_WORKBOOK:
      self->workbook = g_value_dup_object (value);
      break;

    case PROP_ASSESSMENT:
      self->assessment = g_value_dup_object (value);
      break;

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

  object_class->constructed = pw_wizard_constructed;
  object_class->dispose = pw_wizard_dispose;
  object_class->get_property = pw_wizard_get_property;
  object_class->set_property = pw_wizard_set_property;

  widget_class->root = pw_wizard_root;
  widget_class->unroot = pw_wizard_unroot;

  properties [PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL,
                         PW_TYPE_WORKBOOK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         PW_TYPE_ASSESSMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWizard, step_label);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, steps_popover);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, steps_list);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, answered_label);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, profile_page);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, name_row);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, industry_row);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, size_row);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, region_row);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, scope_row);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, round_row);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, date_row);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, participants_spin);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, review_page);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, review_bin);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, result_page);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, PwWizard, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, step_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, steps_popover_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.go-to", "u", go_to_action);
  gtk_widget_class_install_action (widget_class, "wizard.answer", "(si)", answer_action);

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
  GtkEventController *keys;

  self->pages = g_ptr_array_new ();
  self->step_rows = g_ptr_array_new ();
  self->dimension_cards = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->cards = g_hash_table_new (g_str_hash, g_str_equal);
  self->scope_ids = g_ptr_array_new_with_free_func (g_free);
  self->scope_model = gtk_string_list_new (NULL);
  self->workbook_bindings = g_binding_group_new ();
  self->assessment_bindings = g_binding_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (self->scope_model));

  bind_text (self->workbook_bindings, "name", self->name_row);
  bind_text (self->workbook_bindings, "industry", self->industry_row);
  bind_text (self->workbook_bindings, "size", self->size_row);
  bind_text (self->workbook_bindings, "region", self->region_row);
  bind_text (self->assessment_bindings, "round", self->round_row);
  bind_text (self->assessment_bindings, "facilitator", self->facilitator_row);
  g_binding_group_bind (self->assessment_bindings, "participants",
                        self->participants_spin, "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
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
  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  return g_object_new (PW_TYPE_WIZARD,
                       "workbook", workbook,
                       "assessment", assessment,
                       NULL);
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

  focus = get_focus (self);
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack));

  gtk_stack_set_transition_type (self->stack,
                                 page > self->page ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT
                                                   : GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  self->page = page;

  if (page == get_review_page (self))
    rebuild_review (self);

  gtk_stack_set_visible_child (self->stack, g_ptr_array_index (self->pages, page));
  g_clear_weak_pointer (&self->reveal_card);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    wait_for_layout (self);
  update_page_ui (self);
  pw_wizard_update_actions (self);

  if (had_focus)
    focus_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}
