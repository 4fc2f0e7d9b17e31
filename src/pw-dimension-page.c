/* pw-dimension-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-dimension-page"

#include "config.h"

#include "pw-dimension-page.h"
#include "pw-widget-utils.h"

/**
 * PwDimensionPage:
 *
 * One page of the wizard per dimension: its name and description, then a
 * #PwQuestionCard per question, in the framework's order.  The cards edit
 * the answers of the page's assessment.
 *
 * pw_dimension_page_focus_card() moves the focus into a card and scrolls
 * the card into view; on a page just shown, once it has its layout.
 */
struct _PwDimensionPage
{
  AdwBin             parent_instance;

  GtkBox            *cards_box;
  GtkWidget         *heading_box;
  GtkLabel          *title_label;
  GtkLabel          *description_label;

  PwFramework       *framework;   /* keeps the dimension alive */
  const PwDimension *dimension;
  GPtrArray         *cards;       /* PwQuestionCard, by question */

  GtkWidget         *reveal_card;
  gboolean           arriving;    /* the reveal is the page's arrival */
  guint              reveal_tick_id;
  guint              reveal_frames;
};

G_DEFINE_FINAL_TYPE (PwDimensionPage, pw_dimension_page, ADW_TYPE_BIN)

/* Revealing a card */

static void focus_card (PwDimensionPage *self,
                        PwQuestionCard  *card,
                        gboolean         arriving);

/* Scrolls the page so that @card shows from its top, keeping the focus in
 * view.
 */
static void
reveal_card_now (PwDimensionPage *self,
                 GtkWidget       *card)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (card, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *focus = _pw_widget_get_focus (GTK_WIDGET (self));
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

  /* Arriving on the page: its heading shows, and the card's choices below
   * it when they fit; when they do not, the card from its top. */
  if (self->arriving)
    {
      graphene_rect_t choices;

      self->arriving = FALSE;
      if (gtk_widget_compute_bounds (pw_question_card_get_choices (PW_QUESTION_CARD (card)),
                                     content, &choices)
          && choices.origin.y + choices.size.height + 6 <= page_size)
        value = 0;
      else
        value = bounds.origin.y - 6;
      gtk_adjustment_set_value (adjustment, value);
      return;
    }

  /* Values that show the top of the card, a little below the page's
   * edge (little: at 800×600 every pixel counts)… */
  upper = bounds.origin.y - 6;
  lower = upper - page_size + bounds.size.height + 12;
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
  PwDimensionPage *self = PW_DIMENSION_PAGE (widget);

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;

  if (self->reveal_card != NULL)
    reveal_card_now (self, self->reveal_card);

  g_clear_weak_pointer (&self->reveal_card);
  self->reveal_tick_id = 0;

  return G_SOURCE_REMOVE;
}

/* A page just shown has no allocation yet: cards are revealed two frames
 * later.  (GTK 4.8 has no gtk_viewport_scroll_to(), which came with 4.12.)
 */
static void
wait_for_layout (PwDimensionPage *self)
{
  self->reveal_frames = 0;

  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb,
                                                         NULL, NULL);
}

static void
stop_revealing (PwDimensionPage *self)
{
  self->arriving = FALSE;
  if (self->reveal_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
  self->reveal_tick_id = 0;
  g_clear_weak_pointer (&self->reveal_card);
}

/* GtkWidget */

static void
pw_dimension_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pw_dimension_page_parent_class)->map (widget);

  wait_for_layout (PW_DIMENSION_PAGE (widget));
}

static void
pw_dimension_page_unmap (GtkWidget *widget)
{
  stop_revealing (PW_DIMENSION_PAGE (widget));

  GTK_WIDGET_CLASS (pw_dimension_page_parent_class)->unmap (widget);
}

/* GObject */

static void
pw_dimension_page_dispose (GObject *object)
{
  PwDimensionPage *self = (PwDimensionPage *)object;

  stop_revealing (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_DIMENSION_PAGE);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (pw_dimension_page_parent_class)->dispose (object);
}

static void
pw_dimension_page_class_init (PwDimensionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_dimension_page_dispose;

  widget_class->map = pw_dimension_page_map;
  widget_class->unmap = pw_dimension_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-dimension-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwDimensionPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionPage, heading_box);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionPage, description_label);
}

static void
pw_dimension_page_init (PwDimensionPage *self)
{
  self->cards = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pw_dimension_page_new:
 * @framework: the framework of @dimension
 * @dimension: the dimension whose questions the page shows
 * @assessment: the assessment whose answers the page edits
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
pw_dimension_page_new (PwFramework       *framework,
                       const PwDimension *dimension,
                       PwAssessment      *assessment)
{
  PwDimensionPage *self;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (dimension != NULL, NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (PW_TYPE_DIMENSION_PAGE, NULL);
  self->framework = g_object_ref (framework);
  self->dimension = dimension;

  gtk_label_set_label (self->title_label, dimension->name);
  gtk_label_set_label (self->description_label, dimension->description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), dimension->description != NULL);

  for (guint i = 0; i < dimension->questions->len; i++)
    {
      const PwQuestion *question = g_ptr_array_index (dimension->questions, i);
      PwQuestionCard *card = pw_question_card_new (framework, question, assessment);

      gtk_box_append (self->cards_box, GTK_WIDGET (card));
      g_ptr_array_add (self->cards, card);
    }

  return GTK_WIDGET (self);
}

const PwDimension *
pw_dimension_page_get_dimension (PwDimensionPage *self)
{
  g_return_val_if_fail (PW_IS_DIMENSION_PAGE (self), NULL);

  return self->dimension;
}

guint
pw_dimension_page_get_n_cards (PwDimensionPage *self)
{
  g_return_val_if_fail (PW_IS_DIMENSION_PAGE (self), 0);

  return self->cards->len;
}

/**
 * pw_dimension_page_get_card:
 * @index: the position of a question in the dimension
 *
 * Returns: (transfer none): the card of the question at @index
 */
PwQuestionCard *
pw_dimension_page_get_card (PwDimensionPage *self,
                            guint            index)
{
  g_return_val_if_fail (PW_IS_DIMENSION_PAGE (self), NULL);
  g_return_val_if_fail (index < self->cards->len, NULL);

  return g_ptr_array_index (self->cards, index);
}

/**
 * pw_dimension_page_find_card:
 * @index: (out) (optional): the position of the card
 *
 * Returns: (transfer none) (nullable): the card of @question_id, if the
 *   page has it
 */
PwQuestionCard *
pw_dimension_page_find_card (PwDimensionPage *self,
                             const char      *question_id,
                             guint           *index)
{
  g_return_val_if_fail (PW_IS_DIMENSION_PAGE (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  for (guint i = 0; i < self->cards->len; i++)
    {
      PwQuestionCard *card = g_ptr_array_index (self->cards, i);

      if (g_strcmp0 (pw_question_card_get_question (card)->id, question_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return card;
        }
    }

  return NULL;
}

/**
 * pw_dimension_page_find_unanswered:
 * @index: (out) (optional): the position of the card
 *
 * Returns: (transfer none) (nullable): the card of the first question
 *   without an answer, %NULL when all have one
 */
PwQuestionCard *
pw_dimension_page_find_unanswered (PwDimensionPage *self,
                                   guint           *index)
{
  g_return_val_if_fail (PW_IS_DIMENSION_PAGE (self), NULL);

  for (guint i = 0; i < self->cards->len; i++)
    {
      PwQuestionCard *card = g_ptr_array_index (self->cards, i);

      if (!pw_answer_is_answered (pw_question_card_get_answer (card)))
        {
          if (index != NULL)
            *index = i;
          return card;
        }
    }

  return NULL;
}

/**
 * pw_dimension_page_focus_card:
 * @card: a card of the page
 *
 * Moves the focus to the choices of @card and scrolls the page so that the
 * card shows from its top, with the focused choice in view.
 */
void
pw_dimension_page_focus_card (PwDimensionPage *self,
                              PwQuestionCard  *card)
{
  g_return_if_fail (PW_IS_DIMENSION_PAGE (self));
  g_return_if_fail (PW_IS_QUESTION_CARD (card));
  g_return_if_fail (g_ptr_array_find (self->cards, card, NULL));

  focus_card (self, card, FALSE);
}

static void
focus_card (PwDimensionPage *self,
            PwQuestionCard  *card,
            gboolean         arriving)
{
  self->arriving = arriving;
  pw_question_card_focus_choices (card);

  if (self->reveal_tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (card)))
    {
      reveal_card_now (self, GTK_WIDGET (card));
      return;
    }

  g_set_weak_pointer (&self->reveal_card, GTK_WIDGET (card));
  wait_for_layout (self);
}

/**
 * pw_dimension_page_choose_answer:
 * @kind: %PW_ANSWER_OPTION, %PW_ANSWER_DONT_KNOW or %PW_ANSWER_NOT_APPLICABLE
 * @phase: with %PW_ANSWER_OPTION, the key 1 to 5: the option at that
 *   position on the card, which is the option of that phase unless the
 *   assessment hides its phases (pw_question_card_get_phase_at())
 * @last: (out): whether the focus is to go on past the page's last
 *   question: it was answered, not changed
 *
 * Answers the question that has the focus, as the keys 1 to 5, D and N do,
 * and only that one: without the focus in a question, nothing is chosen.
 * A question that had no answer (or the same answer again) then hands the
 * focus on to the next question; one whose answer this changes keeps the
 * focus, on the new choice, so that the change shows where the user looks.
 * Nothing is chosen while the focus is where text goes (a digit typed in a
 * note is a digit).
 *
 * Returns: %TRUE when an answer was chosen
 */
gboolean
pw_dimension_page_choose_answer (PwDimensionPage *self,
                                 PwAnswerKind     kind,
                                 int              phase,
                                 gboolean        *last)
{
  GtkWidget *focus;
  PwQuestionCard *card = NULL;
  PwAnswer *answer;
  gboolean changed;
  guint index = 0;

  g_return_val_if_fail (PW_IS_DIMENSION_PAGE (self), FALSE);
  g_return_val_if_fail (kind == PW_ANSWER_OPTION || kind == PW_ANSWER_DONT_KNOW
                        || kind == PW_ANSWER_NOT_APPLICABLE, FALSE);
  g_return_val_if_fail (kind != PW_ANSWER_OPTION || (phase >= 1 && phase <= PW_N_PHASES),
                        FALSE);
  g_return_val_if_fail (last != NULL, FALSE);

  *last = FALSE;
  focus = _pw_widget_get_focus (GTK_WIDGET (self));
  if (focus == NULL || GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus))
    return FALSE;

  card = (PwQuestionCard *) gtk_widget_get_ancestor (focus, PW_TYPE_QUESTION_CARD);
  if (card == NULL || !g_ptr_array_find (self->cards, card, &index))
    return FALSE;

  /* Not a key of the help popover's or another popover's */
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;

  if (kind == PW_ANSWER_OPTION)
    phase = pw_question_card_get_phase_at (card, phase);

  answer = pw_question_card_get_answer (card);
  changed = answer != NULL && pw_answer_is_answered (answer)
            && (pw_answer_get_kind (answer) != kind
                || (kind == PW_ANSWER_OPTION && pw_answer_get_phase (answer) != phase));

  pw_question_card_choose (card, kind, phase);

  *last = !changed && index + 1 >= self->cards->len;
  if (changed)
    pw_question_card_focus_choices (card);
  else if (!*last)
    pw_dimension_page_focus_card (self, g_ptr_array_index (self->cards, index + 1));

  return TRUE;
}

/**
 * pw_dimension_page_focus:
 *
 * Moves the focus to the first question without an answer, or to the first
 * question when all have one.
 */
void
pw_dimension_page_focus (PwDimensionPage *self)
{
  PwQuestionCard *card;

  g_return_if_fail (PW_IS_DIMENSION_PAGE (self));

  card = pw_dimension_page_find_unanswered (self, NULL);
  if (card == NULL && self->cards->len > 0)
    card = g_ptr_array_index (self->cards, 0);

  gtk_widget_set_focusable (self->heading_box, FALSE);
  if (card != NULL)
    focus_card (self, card, TRUE);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/**
 * pw_dimension_page_focus_heading:
 *
 * Moves the focus to the page's heading, not into a question, so that the
 * keys answer nothing until a question is chosen, and shows the page from
 * its top.
 */
void
pw_dimension_page_focus_heading (PwDimensionPage *self)
{
  GtkWidget *scrolled;

  g_return_if_fail (PW_IS_DIMENSION_PAGE (self));

  /* No question to reveal once the layout is done */
  g_clear_weak_pointer (&self->reveal_card);
  self->arriving = FALSE;

  gtk_widget_set_focusable (self->heading_box, TRUE);
  gtk_widget_grab_focus (self->heading_box);

  scrolled = gtk_widget_get_ancestor (self->heading_box, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
}
