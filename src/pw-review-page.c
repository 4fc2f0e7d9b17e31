/* pw-review-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-review-page.h"
#include "pw-widget-utils.h"

/* The counts of the review, one card each */
enum {
  STAT_OPTIONS,
  STAT_DONT_KNOW,
  STAT_NOT_APPLICABLE,
  STAT_UNANSWERED,
  N_STATS
};

typedef struct
{
  GtkWidget  *card;
  GtkLabel   *number;
  const char *caption;
} Stat;

/**
 * PwReviewPage:
 *
 * The wizard's review before the result: how many questions have an
 * option, "don't know", "not applicable" or no answer yet, as
 * pw_assessment_count_answers() counts them, and the questions without an
 * answer by dimension, each a row that leads to it
 * (#PwReviewPage::question-activated).
 *
 * The page follows its assessment and updates in place: a row shows or
 * hides as its question loses or gets an answer, so the focus stays where
 * it is through an undo.  While the page does not show, it updates when it
 * shows again.
 */
struct _PwReviewPage
{
  PwAssessmentView  parent_instance;

  GtkWidget        *done_box;
  GtkWidget        *missing_box;
  GtkLabel         *missing_label;
  GtkBox           *stats_box;
  GtkBox           *groups_box;

  Stat              stats[N_STATS];

  PwFramework      *framework;    /* of the groups */
  GSignalGroup     *assessment_signals;
  GPtrArray        *groups;       /* AdwPreferencesGroup, by dimension */
  GPtrArray        *rows;         /* AdwActionRow, by question in framework order */
  GPtrArray        *questions;    /* const PwQuestion, as rows */
  gboolean          stale;        /* changed while unmapped, to update on map */
};

G_DEFINE_FINAL_TYPE (PwReviewPage, pw_review_page, PW_TYPE_ASSESSMENT_VIEW)

enum {
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* A card of a count and its caption, in the row of counts */
static void
add_stat (PwReviewPage *self,
          Stat         *stat,
          const char   *caption)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card), label);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "pw-wizard-stat");
  gtk_box_append (self->stats_box, card);

  *stat = (Stat) { card, GTK_LABEL (number), caption };
}

static void
set_stat (Stat  *stat,
          guint  count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  /* Translators: spoken for a count in the review, e.g. "Don’t know: 2" */
  g_autofree char *accessible = g_strdup_printf (_("%s: %u"), stat->caption, count);

  gtk_label_set_label (stat->number, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (stat->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update (PwReviewPage *self)
{
  PwAssessment *assessment = pw_assessment_view_get_assessment (PW_ASSESSMENT_VIEW (self));
  PwAnswerCounts counts = { 0 };
  gboolean reviewed = self->framework != NULL && assessment != NULL;
  guint row = 0;

  self->stale = FALSE;

  /* Without an assessment, nothing to review */
  gtk_widget_set_visible (GTK_WIDGET (self->stats_box), reviewed);
  if (!reviewed)
    {
      gtk_widget_set_visible (self->done_box, FALSE);
      gtk_widget_set_visible (self->missing_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->groups_box), FALSE);
      return;
    }

  pw_assessment_count_answers (assessment, self->framework, &counts);

  gtk_widget_set_visible (self->done_box, counts.unanswered == 0);
  gtk_widget_set_visible (self->missing_box, counts.unanswered > 0);
  if (counts.unanswered > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Question Without an Answer",
                                                          "%u Questions Without an Answer",
                                                          counts.unanswered),
                                                counts.unanswered);

      gtk_label_set_label (self->missing_label, title);
    }

  set_stat (&self->stats[STAT_OPTIONS], counts.options);
  set_stat (&self->stats[STAT_DONT_KNOW], counts.dont_know);
  set_stat (&self->stats[STAT_NOT_APPLICABLE], counts.not_applicable);
  set_stat (&self->stats[STAT_UNANSWERED], counts.unanswered);

  /* A row for each question without an answer, a group for each dimension with one */
  for (guint d = 0; d < self->groups->len; d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->framework, d);
      gboolean any = FALSE;

      for (guint q = 0; q < dimension->questions->len; q++, row++)
        {
          const PwQuestion *question = g_ptr_array_index (self->questions, row);
          PwAnswer *answer = pw_assessment_lookup_answer (assessment, question->id);
          gboolean unanswered = !pw_answer_is_answered (answer);

          gtk_widget_set_visible (g_ptr_array_index (self->rows, row), unanswered);
          any |= unanswered;
        }

      gtk_widget_set_visible (g_ptr_array_index (self->groups, d), any);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->groups_box), counts.unanswered > 0);
}

/* A page that does not show updates when it shows. */
static void
queue_update (PwReviewPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->stale = TRUE;
}

static void
row_activated_cb (PwReviewPage *self,
                  AdwActionRow *row)
{
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;

  g_signal_emit (self, signals [QUESTION_ACTIVATED], 0,
                 ((const PwQuestion *) g_ptr_array_index (self->questions, index))->id);
}

static void
remove_groups (PwReviewPage *self)
{
  _pw_box_remove_all (self->groups_box);
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->questions, 0);
}

/* One group per dimension and one row per question, built once per framework. */
static void
build_groups (PwReviewPage *self)
{
  guint n = pw_framework_get_n_dimensions (self->framework);

  for (guint d = 0; d < n; d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->framework, d);
      /* The group title is markup. */
      g_autofree char *title = g_markup_escape_text (dimension->name, -1);
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      gtk_box_append (self->groups_box, group);
      g_ptr_array_add (self->groups, group);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
          g_autofree char *subtitle = _pw_question_position_text (q, dimension->questions->len);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->text);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_widget_set_tooltip_text (row, _("Go to this question"));
          g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                                   G_CONNECT_SWAPPED);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

          g_ptr_array_add (self->rows, row);
          g_ptr_array_add (self->questions, (gpointer) question);
        }
    }
}

static void
assessment_changed_cb (PwReviewPage *self,
                       PwAnswer     *answer,
                       PwAssessment *assessment)
{
  if (answer != NULL)
    queue_update (self);
}

/* Reviews the assessment, and follows it from now on. */
static void
pw_review_page_show_assessment (PwAssessmentView *view,
                                gboolean          workbook_changed)
{
  PwReviewPage *self = PW_REVIEW_PAGE (view);
  PwWorkbook *workbook = pw_assessment_view_get_workbook (view);
  PwAssessment *assessment = pw_assessment_view_get_assessment (view);
  PwFramework *framework = workbook != NULL ? pw_workbook_get_framework (workbook) : NULL;

  if (self->framework != framework)
    {
      remove_groups (self);
      g_set_object (&self->framework, framework);
    }

  if (self->framework != NULL && assessment != NULL && self->groups->len == 0)
    build_groups (self);
  g_signal_group_set_target (self->assessment_signals, assessment);
  queue_update (self);
}

static void
pw_review_page_map (GtkWidget *widget)
{
  PwReviewPage *self = PW_REVIEW_PAGE (widget);

  /* Updated before its children show */
  if (self->stale)
    update (self);

  GTK_WIDGET_CLASS (pw_review_page_parent_class)->map (widget);
}

static void
pw_review_page_dispose (GObject *object)
{
  PwReviewPage *self = (PwReviewPage *)object;

  if (self->assessment_signals != NULL)
    g_signal_group_set_target (self->assessment_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_REVIEW_PAGE);
  g_clear_object (&self->assessment_signals);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (pw_review_page_parent_class)->dispose (object);
}

static void
pw_review_page_class_init (PwReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PwAssessmentViewClass *view_class = PW_ASSESSMENT_VIEW_CLASS (klass);

  object_class->dispose = pw_review_page_dispose;

  widget_class->map = pw_review_page_map;

  view_class->show_assessment = pw_review_page_show_assessment;

  /**
   * PwReviewPage::question-activated:
   * @self: the review page
   * @question_id: the id of the question
   *
   * Emitted when the user asks to go to a question without an answer.
   */
  signals [QUESTION_ACTIVATED] =
    g_signal_new ("question-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwReviewPage, done_box);
  gtk_widget_class_bind_template_child (widget_class, PwReviewPage, missing_box);
  gtk_widget_class_bind_template_child (widget_class, PwReviewPage, missing_label);
  gtk_widget_class_bind_template_child (widget_class, PwReviewPage, stats_box);
  gtk_widget_class_bind_template_child (widget_class, PwReviewPage, groups_box);
}

static void
pw_review_page_init (PwReviewPage *self)
{
  self->groups = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  self->questions = g_ptr_array_new ();
  self->assessment_signals = g_signal_group_new (PW_TYPE_ASSESSMENT);
  g_signal_group_connect_object (self->assessment_signals, "changed",
                                 G_CALLBACK (assessment_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  add_stat (self, &self->stats[STAT_OPTIONS], _("Options chosen"));
  add_stat (self, &self->stats[STAT_DONT_KNOW], _("Don’t know"));
  add_stat (self, &self->stats[STAT_NOT_APPLICABLE], _("Not applicable"));
  add_stat (self, &self->stats[STAT_UNANSWERED], _("No answer yet"));

  queue_update (self);
}

/**
 * pw_review_page_new:
 *
 * Returns: (transfer floating): a new review page, without an assessment
 */
GtkWidget *
pw_review_page_new (void)
{
  return g_object_new (PW_TYPE_REVIEW_PAGE, NULL);
}
