/* pw-result-view.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-result-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pw-dimension-card.h"
#include "pw-radar-chart.h"
#include "pw-result-view.h"
#include "pw-widget-utils.h"

/**
 * PwResultView:
 *
 * The result of an assessment: the overall phase and score with the
 * coverage and the change since the previous round of the same scope, a
 * mark when the result is preliminary, where within its phase the score
 * lies, the weakest dimension, a radar chart of every dimension against the
 * previous round, one #PwDimensionCard per dimension, and the answers to
 * questions that an earlier version of the framework retired, when the
 * assessment has any.  Every text comes from pw-result-text.c, so the window
 * says what the command line and reports say.
 *
 * The view follows its workbook through one #GSignalGroup: any edit of the
 * assessment, the previous round, the policy checklist, the org map or the
 * list of assessments is scored again with pw_score_compute() once the main
 * loop is idle, and the widgets are updated in place.  A view that does not
 * show (the wizard's result while a question is answered) is scored when it
 * shows, or when something of it is read.  The dimension cards are built
 * once per framework.
 */

struct _PwResultView
{
  PwAssessmentView  parent_instance;

  /* Template widgets */
  GtkBox           *header_box;
  GtkLabel         *badge_label;
  GtkLabel         *scope_label;
  GtkLabel         *headline_label;
  GtkWidget        *preliminary_box;
  GtkLabel         *preliminary_label;
  GtkLabel         *score_label;
  GtkWidget        *position_box;
  GtkLabel         *position_label;
  GtkLevelBar      *position_bar;
  GtkLabel         *coverage_label;
  GtkWidget        *change_box;
  GtkImage         *change_icon;
  GtkLabel         *change_label;
  GtkLabel         *summary_label;
  GtkListBox       *weakest_list;
  AdwActionRow     *weakest_row;
  GtkBox           *chart_card;
  PwRadarChart     *chart;
  GtkLabel         *legend_current_label;
  GtkBox           *legend_previous;
  GtkLabel         *legend_previous_label;
  GtkListBox       *cards_box;
  AdwPreferencesGroup *retired_group;

  GSignalGroup     *workbook_signals;
  guint             refresh_id;
  gboolean          stale;           /* an edit while unmapped, to score on map */

  PwFramework      *framework;       /* of the cards */
  GPtrArray        *cards;           /* PwDimensionCard */
  GPtrArray        *retired_rows;    /* AdwActionRow, one per retired answer */
  int               weakest;         /* index of the weakest dimension, -1 for none */
  char             *headline;
};

G_DEFINE_FINAL_TYPE (PwResultView, pw_result_view, PW_TYPE_ASSESSMENT_VIEW)

/* Dimension cards */

static void
remove_cards (PwResultView *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    gtk_list_box_remove (self->cards_box, g_ptr_array_index (self->cards, i));
  g_ptr_array_set_size (self->cards, 0);
  g_clear_object (&self->framework);
}

static void
ensure_cards (PwResultView *self,
              PwFramework  *framework)
{
  guint n;

  if (self->framework == framework)
    return;

  remove_cards (self);
  self->framework = g_object_ref (framework);

  n = pw_framework_get_n_dimensions (framework);
  for (guint i = 0; i < n; i++)
    {
      PwDimensionCard *card = pw_dimension_card_new (framework,
                                                     pw_framework_get_dimension (framework, i));

      g_ptr_array_add (self->cards, card);
      gtk_list_box_append (self->cards_box, GTK_WIDGET (card));
    }
}

/* Updating */

/* Where within its phase the score lies: the bar spans the phase. */
static void
update_position (PwResultView  *self,
                 const PwScore *score)
{
  g_autofree char *position = NULL;

  gtk_widget_set_visible (self->position_box, score->has_score);
  if (!score->has_score)
    return;

  position = pw_result_text_position (self->framework, score->score);
  gtk_label_set_label (self->position_label, position);
  gtk_level_bar_set_value (self->position_bar,
                           pw_phase_rule_position (pw_framework_get_phase_rule (self->framework),
                                                   score->score));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->position_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, position,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, position,
                                  -1);
}

static void
update_header (PwResultView  *self,
               const PwScore *score,
               const PwScore *previous,
               const char    *previous_name)
{
  PwAssessmentView *view = PW_ASSESSMENT_VIEW (self);
  g_autofree char *scope = pw_result_text_heading (pw_assessment_view_get_workbook (view),
                                                   pw_assessment_view_get_assessment (view));
  g_autofree char *coverage = NULL;
  g_autofree char *preliminary = NULL;

  gtk_label_set_label (self->scope_label, scope);

  g_clear_pointer (&self->headline, g_free);
  if (score->has_score)
    {
      const PwPhaseInfo *info = pw_framework_get_phase (self->framework, score->phase);
      g_autofree char *badge = g_strdup_printf ("%d", score->phase);
      g_autofree char *text = pw_result_text_score (score->score);

      self->headline = pw_result_text_phase (self->framework, score->phase);
      gtk_label_set_label (self->badge_label, badge);
      gtk_label_set_label (self->score_label, text);
      gtk_label_set_label (self->summary_label, info != NULL ? info->summary : NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                              info != NULL && info->summary != NULL && *info->summary != '\0');
      gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "empty");
      gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "body");
      gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "title-4");
    }
  else
    {
      const char *hint;

      self->headline = g_strdup (pw_result_text_no_score (FALSE, &hint));
      /* Translators: in the round badge of a result without a score, in place of the phase */
      gtk_label_set_label (self->badge_label, C_("no phase", "–"));
      gtk_label_set_label (self->score_label, hint);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), "empty");
      gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "title-4");
      gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "body");
    }
  gtk_label_set_label (self->headline_label, self->headline);
  update_position (self, score);

  /* A result from fewer than half of the questions says so, to everyone. */
  preliminary = pw_result_text_preliminary (score->counted, score->total);
  gtk_label_set_label (self->preliminary_label, preliminary);
  gtk_widget_set_visible (self->preliminary_box, preliminary != NULL);
  if (preliminary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->headline_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, preliminary,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->headline_label),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  coverage = pw_result_text_coverage (score->answered, score->counted, score->total);
  gtk_label_set_label (self->coverage_label, coverage);

  gtk_widget_set_visible (self->change_box, FALSE);
  if (score->has_score && previous != NULL && previous->has_score)
    {
      g_auto(PwResultChange) change = { 0 };

      pw_result_text_describe_change (&change, TRUE, score->score, TRUE, previous->score,
                                      previous_name);
      _pw_show_change (self->change_box, self->change_icon, self->change_label, &change);
    }
}

static void
update_weakest (PwResultView  *self,
                const PwScore *score)
{
  g_autofree char *title = NULL;

  self->weakest = score->has_score ? score->weakest : -1;
  gtk_widget_set_visible (GTK_WIDGET (self->weakest_list), self->weakest >= 0);
  if (self->weakest < 0)
    return;

  title = pw_result_text_weakest (&score->dimensions[self->weakest]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->weakest_row), title);
  adw_action_row_set_subtitle (self->weakest_row,
                               _("An organization is only as mature as its weakest "
                                 "dimension: start here."));
}

static void
update_chart (PwResultView  *self,
              const PwScore *score,
              const PwScore *previous,
              const char    *previous_name)
{
  guint n = score->n_dimensions;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *current = g_new (double, n);
  g_autofree double *before = NULL;
  g_autofree char *current_name =
    pw_result_text_round_name (pw_assessment_view_get_assessment (PW_ASSESSMENT_VIEW (self)));

  gtk_widget_set_visible (GTK_WIDGET (self->chart_card), score->has_score);

  if (previous != NULL && previous->has_score && previous->n_dimensions == n)
    before = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      const PwDimensionScore *result = &score->dimensions[i];

      labels[i] = result->dimension->name;
      current[i] = result->has_score ? result->score : NAN;
      if (before != NULL)
        before[i] = previous->dimensions[i].has_score ? previous->dimensions[i].score : NAN;
    }

  pw_radar_chart_set_series (self->chart, n, labels, current, before);

  gtk_label_set_label (self->legend_current_label, current_name);
  gtk_widget_set_visible (GTK_WIDGET (self->legend_previous), before != NULL);
  if (before != NULL)
    gtk_label_set_label (self->legend_previous_label, previous_name);
}

static void
remove_retired (PwResultView *self)
{
  for (guint i = 0; i < self->retired_rows->len; i++)
    adw_preferences_group_remove (self->retired_group, g_ptr_array_index (self->retired_rows, i));
  g_ptr_array_set_size (self->retired_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), FALSE);
}

/* What a retired answer was: the option's text as that version had it, or
 * how the app words the other answers */
static const char *
describe_retired_answer (const PwRetiredAnswer *retired)
{
  switch (pw_answer_get_kind (retired->answer))
    {
    case PW_ANSWER_DONT_KNOW:
      return _("Don’t know");
    case PW_ANSWER_NOT_APPLICABLE:
      return _("Not applicable");
    case PW_ANSWER_OPTION:
      if (retired->option != NULL && *retired->option != '\0')
        return retired->option;
      break;
    case PW_ANSWER_NONE:
    default:
      break;
    }

  /* Translators: a retired answer with neither an option nor "Don’t know" or
   * "Not applicable" (only a note or evidence) */
  return _("No answer");
}

/* The answers to questions that an earlier version of the framework asked:
 * shown, never counted. */
static void
update_retired (PwResultView *self,
                PwAssessment *assessment)
{
  GPtrArray *retired = pw_assessment_get_retired_answers (assessment);

  remove_retired (self);
  if (retired == NULL || retired->len == 0)
    return;

  for (guint i = 0; i < retired->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: below a retired question: the answer given and the version of the
       * framework it was given against, "Weiß nicht · Framework 1.0.0" */
      subtitle = g_strdup_printf (_("%s · Framework %s"), describe_retired_answer (answer),
                                  answer->framework_version != NULL
                                  ? answer->framework_version : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), answer->question);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->retired_group, row);
      g_ptr_array_add (self->retired_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), TRUE);
}

static void
clear (PwResultView *self)
{
  g_clear_pointer (&self->headline, g_free);
  self->weakest = -1;

  gtk_label_set_label (self->headline_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->header_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->weakest_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_card), FALSE);
  pw_radar_chart_set_series (self->chart, 0, NULL, NULL, NULL);
  remove_cards (self);
  remove_retired (self);
}

static void
refresh (PwResultView *self)
{
  PwWorkbook *workbook = pw_assessment_view_get_workbook (PW_ASSESSMENT_VIEW (self));
  PwAssessment *assessment = pw_assessment_view_get_assessment (PW_ASSESSMENT_VIEW (self));
  g_autoptr(PwScore) score = NULL;
  g_autoptr(PwScore) previous_score = NULL;
  g_autofree char *previous_name = NULL;
  PwAssessment *previous;
  PwPolicy *policy;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;

  if (workbook == NULL || assessment == NULL)
    {
      clear (self);
      return;
    }

  ensure_cards (self, pw_workbook_get_framework (workbook));
  policy = pw_workbook_get_policy (workbook);

  score = pw_score_compute (self->framework, assessment, policy);
  previous = pw_workbook_get_previous_round (workbook, assessment);
  if (previous != NULL)
    {
      previous_score = pw_score_compute (self->framework, previous, policy);
      previous_name = pw_result_text_round_name (previous);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->header_box), TRUE);
  update_header (self, score, previous_score, previous_name);
  update_weakest (self, score);
  update_chart (self, score, previous_score, previous_name);
  update_retired (self, assessment);

  g_assert (score->n_dimensions == self->cards->len);
  for (guint i = 0; i < self->cards->len; i++)
    {
      const PwDimensionScore *before = NULL;

      if (previous_score != NULL && previous_score->n_dimensions == score->n_dimensions)
        before = &previous_score->dimensions[i];
      pw_dimension_card_set_result (g_ptr_array_index (self->cards, i), &score->dimensions[i],
                                    before, previous_name);
    }
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  PwResultView *self = user_data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Before anything of the result is read, a pending refresh is done. */
static void
flush (PwResultView *self)
{
  if (self->refresh_id != 0 || self->stale)
    refresh (self);
}

/* A view that does not show is scored when it shows, or is read. */
static void
queue_refresh (PwResultView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (self->refresh_id == 0)
        self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
    }
  else
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      self->stale = TRUE;
    }
}

/* Callbacks */

/* Edits come in bursts (one per property an edit touches, one per typed
 * character): they are scored once, before the next frame is drawn, and
 * not at all while the view does not show. */
static void
workbook_changed_cb (PwResultView *self,
                     PwWorkbook   *workbook)
{
  queue_refresh (self);
}

static void
weakest_row_activated_cb (PwResultView *self,
                          AdwActionRow *row)
{
  GtkWidget *card, *scroller, *content;
  graphene_rect_t bounds;

  flush (self);

  if (self->weakest < 0 || (guint) self->weakest >= self->cards->len)
    return;

  card = g_ptr_array_index (self->cards, self->weakest);
  gtk_widget_grab_focus (card);

  /* Focusing scrolls the card only just into view, at the bottom edge: it
   * goes to the top, where the room looks (ui-walk m15). */
  scroller = gtk_widget_get_first_child (GTK_WIDGET (self));
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content != NULL && gtk_widget_compute_bounds (card, content, &bounds))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                              MAX (bounds.origin.y - 12, 0));
}

/* Shows the result of the assessment, and follows it, its previous round
 * and the workbook's policy checklist and org map from now on. */
static void
pw_result_view_show_assessment (PwAssessmentView *view,
                                gboolean          workbook_changed)
{
  PwResultView *self = PW_RESULT_VIEW (view);
  PwWorkbook *workbook = pw_assessment_view_get_workbook (view);

  g_signal_group_set_target (self->workbook_signals,
                             pw_assessment_view_get_assessment (view) != NULL ? workbook : NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    queue_refresh (self);
}

/* GtkWidget */

static void
pw_result_view_map (GtkWidget *widget)
{
  PwResultView *self = PW_RESULT_VIEW (widget);

  /* Scored before its children show */
  if (self->stale)
    refresh (self);

  GTK_WIDGET_CLASS (pw_result_view_parent_class)->map (widget);

  /* Each time it shows, the result opens on its headline. */
  pw_result_view_scroll_to_top (self);
}

/* GObject */

static void
pw_result_view_dispose (GObject *object)
{
  PwResultView *self = (PwResultView *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->workbook_signals != NULL)
    g_signal_group_set_target (self->workbook_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_RESULT_VIEW);
  g_clear_object (&self->workbook_signals);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->retired_rows, g_ptr_array_unref);
  g_clear_pointer (&self->headline, g_free);

  G_OBJECT_CLASS (pw_result_view_parent_class)->dispose (object);
}

static void
pw_result_view_class_init (PwResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PwAssessmentViewClass *view_class = PW_ASSESSMENT_VIEW_CLASS (klass);

  object_class->dispose = pw_result_view_dispose;

  widget_class->map = pw_result_view_map;

  view_class->show_assessment = pw_result_view_show_assessment;

  g_type_ensure (PW_TYPE_RADAR_CHART);
  g_type_ensure (PW_TYPE_DIMENSION_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-result-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PwResultView, header_box);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, badge_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, scope_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, headline_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, preliminary_box);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, preliminary_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, score_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, position_box);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, position_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, position_bar);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, change_box);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, change_icon);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, change_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, weakest_list);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, weakest_row);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, chart_card);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, chart);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, legend_current_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, legend_previous);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, legend_previous_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, retired_group);
  gtk_widget_class_bind_template_callback (widget_class, weakest_row_activated_cb);
}

static void
pw_result_view_init (PwResultView *self)
{
  self->cards = g_ptr_array_new ();
  self->retired_rows = g_ptr_array_new ();
  self->weakest = -1;
  self->workbook_signals = g_signal_group_new (PW_TYPE_WORKBOOK);
  g_signal_group_connect_object (self->workbook_signals, "changed",
                                 G_CALLBACK (workbook_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* One colour along the phase: no part of it is "low" */
  gtk_level_bar_remove_offset_value (self->position_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->position_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->position_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  clear (self);
}

/**
 * pw_result_view_new:
 *
 * Returns: (transfer floating): a new, empty result view
 */
PwResultView *
pw_result_view_new (void)
{
  return g_object_new (PW_TYPE_RESULT_VIEW, NULL);
}

/**
 * pw_result_view_get_n_cards:
 *
 * Returns: the number of dimension cards shown
 */
guint
pw_result_view_get_n_cards (PwResultView *self)
{
  g_return_val_if_fail (PW_IS_RESULT_VIEW (self), 0);

  flush (self);

  return self->cards->len;
}

/**
 * pw_result_view_get_headline:
 *
 * Returns: (nullable): the headline of the result, such as
 *   "Phase 3 · The Integrators", or "No score yet"
 */
const char *
pw_result_view_get_headline (PwResultView *self)
{
  g_return_val_if_fail (PW_IS_RESULT_VIEW (self), NULL);

  flush (self);

  return self->headline;
}

/**
 * pw_result_view_get_position:
 *
 * Returns: (nullable): where within its phase the overall score lies, as
 *   the view says it, "Mid phase 3"; %NULL without a score
 */
const char *
pw_result_view_get_position (PwResultView *self)
{
  g_return_val_if_fail (PW_IS_RESULT_VIEW (self), NULL);

  flush (self);

  if (!gtk_widget_get_visible (self->position_box))
    return NULL;

  return gtk_label_get_label (self->position_label);
}

/**
 * pw_result_view_get_n_retired:
 *
 * Returns: the number of retired answers listed
 */
guint
pw_result_view_get_n_retired (PwResultView *self)
{
  g_return_val_if_fail (PW_IS_RESULT_VIEW (self), 0);

  flush (self);

  return self->retired_rows->len;
}

/**
 * pw_result_view_scroll_to_top:
 *
 * Scrolls the result to its headline, as it opens every time it shows.
 */
void
pw_result_view_scroll_to_top (PwResultView *self)
{
  GtkWidget *scroller;

  g_return_if_fail (PW_IS_RESULT_VIEW (self));

  /* The template's child (not bound: the view's bin owns it) */
  scroller = gtk_widget_get_first_child (GTK_WIDGET (self));
  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            0);
}
