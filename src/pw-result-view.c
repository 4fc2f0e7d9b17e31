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

#include "pw-radar-chart.h"
#include "pw-result-view.h"

/**
 * PwResultView:
 *
 * The result of an assessment: the overall phase and score with the
 * coverage and the change since the previous round of the same scope, the
 * weakest dimension, a radar chart of every dimension against the previous
 * round, and one card per dimension with its phase, coverage, change, any
 * governance cap and the framework's next steps.
 *
 * The view follows its assessment, the previous round and the policy
 * checklist: any change is scored again with pw_score_compute() and the
 * widgets are updated in place.  The dimension cards are built once per
 * framework.
 */

/* A change smaller than this shows as "no change": both scores read the same
 * with one decimal.
 */
#define CHANGE_EPSILON 0.05

/* The width of the left column of the dimension cards, the same in every card. */
#define SUMMARY_WIDTH 280

typedef struct
{
  const PwDimension *dimension;
  GtkWidget         *child;          /* the GtkListBoxRow */
  GtkLabel          *phase_label;
  GtkLabel          *score_label;
  GtkLevelBar       *bar;
  GtkLabel          *coverage_label;
  GtkWidget         *change_box;
  GtkImage          *change_icon;
  GtkLabel          *change_label;
  GtkWidget         *cap_box;
  GtkLabel          *cap_label;
  GtkLabel          *steps_title;
  GtkBox            *steps_box;
  int                steps_phase;    /* the phase whose steps are shown, 0 for none yet */
} DimensionCard;

struct _PwResultView
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkBox         *header_box;
  GtkLabel       *badge_label;
  GtkLabel       *scope_label;
  GtkLabel       *headline_label;
  GtkLabel       *score_label;
  GtkLabel       *coverage_label;
  GtkBox         *change_box;
  GtkImage       *change_icon;
  GtkLabel       *change_label;
  GtkLabel       *summary_label;
  GtkListBox     *weakest_list;
  AdwActionRow   *weakest_row;
  GtkBox         *chart_card;
  PwRadarChart   *chart;
  GtkLabel       *legend_current_label;
  GtkBox         *legend_previous;
  GtkLabel       *legend_previous_label;
  GtkListBox     *cards_box;

  PwWorkbook     *workbook;
  PwAssessment   *assessment;

  /* Watched for changes; each is disconnected when replaced. */
  PwPolicy       *policy;
  PwOrgMap       *org_map;
  GListModel     *assessments;
  PwAssessment   *previous;

  PwFramework    *framework;       /* of the cards */
  GPtrArray      *cards;           /* DimensionCard */
  int             weakest;         /* index of the weakest dimension, -1 for none */
  char           *headline;
};

G_DEFINE_FINAL_TYPE (PwResultView, pw_result_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_ASSESSMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void refresh (PwResultView *self);

/* Texts */

static char *
format_date (const char *date)
{
  g_autoptr(GDateTime) datetime = NULL;
  int year, month, day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (date);

  datetime = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (datetime == NULL)
    return g_strdup (date);

  /* Translators: the date of an assessment, a g_date_time_format() format: "20 October 2026".
   * xgettext:no-c-format */
  return g_date_time_format (datetime, _("%-d %B %Y"));
}

/* How a round is named for people: its name, else its date. */
static char *
describe_round (PwAssessment *assessment)
{
  const char *name = pw_assessment_get_round (assessment);

  if (name != NULL && *name != '\0')
    return g_strdup (name);

  if (pw_assessment_get_date (assessment) != NULL)
    return format_date (pw_assessment_get_date (assessment));

  /* Translators: names a round of assessment that has neither a name nor a date */
  return g_strdup (_("the previous round"));
}

static char *
format_phase (PwFramework *framework,
              int          phase)
{
  const PwPhaseInfo *info = pw_framework_get_phase (framework, phase);

  if (info != NULL && info->name != NULL && *info->name != '\0')
    /* Translators: a phase: its number and its name, "Phase 3 · The Integrators" */
    return g_strdup_printf (_("Phase %d · %s"), phase, info->name);

  /* Translators: a phase without a name */
  return g_strdup_printf (_("Phase %d"), phase);
}

static int
percent (guint counted,
         guint total)
{
  int value;

  if (total == 0)
    return 0;

  /* Never round up to 100 % before every question is answered, nor down to 0 % after the first. */
  value = (int) round (100.0 * counted / total);
  if (counted < total)
    value = MIN (value, 99);
  if (counted > 0)
    value = MAX (value, 1);

  return value;
}

typedef enum
{
  CHANGE_NONE,
  CHANGE_UP,
  CHANGE_DOWN,
} ChangeKind;

/* The change from @before to @now as it reads with one decimal. */
static ChangeKind
get_change (double  now,
            double  before,
            double *delta)
{
  *delta = round (now * 10.0) / 10.0 - round (before * 10.0) / 10.0;

  if (fabs (*delta) < CHANGE_EPSILON)
    return CHANGE_NONE;

  return *delta > 0 ? CHANGE_UP : CHANGE_DOWN;
}

/* Shows the change from @before to @now since @round in @icon and @label,
 * with a text for screen readers that does not rely on the arrow.
 */
static void
show_change (GtkImage   *icon,
             GtkLabel   *label,
             double      now,
             double      before,
             const char *since)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (label));
  double delta;

  gtk_widget_remove_css_class (box, "success");
  gtk_widget_remove_css_class (box, "warning");
  gtk_widget_remove_css_class (box, "dim-label");

  switch (get_change (now, before, &delta))
    {
    case CHANGE_UP:
      /* Translators: the change of a score, "+1.0 since Baseline 2025" */
      text = g_strdup_printf (_("+%.1f since %s"), delta, since);
      /* Translators: the change of a score for screen readers, "Up 1.0 since Baseline 2025" */
      accessible = g_strdup_printf (_("Up %.1f since %s"), delta, since);
      gtk_image_set_from_icon_name (icon, "go-up-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (icon), TRUE);
      gtk_widget_add_css_class (box, "success");
      break;

    case CHANGE_DOWN:
      /* Translators: the change of a score, "−0.4 since Baseline 2025", with a minus sign */
      text = g_strdup_printf (_("−%.1f since %s"), -delta, since);
      /* Translators: the change of a score for screen readers, "Down 0.4 since Baseline 2025" */
      accessible = g_strdup_printf (_("Down %.1f since %s"), -delta, since);
      gtk_image_set_from_icon_name (icon, "go-down-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (icon), TRUE);
      gtk_widget_add_css_class (box, "warning");
      break;

    case CHANGE_NONE:
    default:
      /* Translators: a score that did not change, "No change since Baseline 2025" */
      text = g_strdup_printf (_("No change since %s"), since);
      accessible = g_strdup (text);
      gtk_widget_set_visible (GTK_WIDGET (icon), FALSE);
      gtk_widget_add_css_class (box, "dim-label");
      break;
    }

  gtk_label_set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Shows a remark instead of a change, without an arrow. */
static void
show_remark (GtkImage   *icon,
             GtkLabel   *label,
             const char *text)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (label));

  gtk_widget_remove_css_class (box, "success");
  gtk_widget_remove_css_class (box, "warning");
  gtk_widget_add_css_class (box, "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (icon), FALSE);
  gtk_label_set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* Dimension cards */

static GtkWidget *
create_label (const char *css_class,
              gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      /* Keeps the natural width of the left column of the cards below SUMMARY_WIDTH. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_hidden_icon (const char *icon_name)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  return icon;
}

/* A card is wide: the dimension's result on the left, in a column of the
 * same width in every card, and its next steps on the right; the governance
 * cap, when it applies, runs below both.
 */
static DimensionCard *
create_card (const PwDimension *dimension)
{
  DimensionCard *card = g_new0 (DimensionCard, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *summary = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clamp;
  GtkWidget *name;

  card->dimension = dimension;

  /* The name and phase, with the score on the right. */
  name = create_label ("heading", TRUE);
  gtk_label_set_label (GTK_LABEL (name), dimension->name);
  gtk_box_append (GTK_BOX (titles), name);
  card->phase_label = GTK_LABEL (create_label ("dim-label", TRUE));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (card->phase_label));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (top), titles);

  card->score_label = GTK_LABEL (create_label ("numeric", FALSE));
  gtk_widget_set_valign (GTK_WIDGET (card->score_label), GTK_ALIGN_START);
  gtk_label_set_xalign (card->score_label, 1);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (card->score_label));
  gtk_box_append (GTK_BOX (summary), top);

  /* The score on the scale of the chart, 0 to 5, so that 1.0 still shows. */
  card->bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, PW_N_PHASES));
  gtk_level_bar_remove_offset_value (card->bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (card->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (card->bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_margin_top (GTK_WIDGET (card->bar), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (card->bar), 6);
  gtk_widget_add_css_class (GTK_WIDGET (card->bar), "pw-score-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dimension->name,
                                  -1);
  gtk_box_append (GTK_BOX (summary), GTK_WIDGET (card->bar));

  /* Coverage, and the change since the previous round */
  card->coverage_label = GTK_LABEL (create_label ("caption", FALSE));
  gtk_widget_add_css_class (GTK_WIDGET (card->coverage_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (card->coverage_label), "dim-label");
  gtk_box_append (GTK_BOX (summary), GTK_WIDGET (card->coverage_label));

  card->change_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  card->change_icon = GTK_IMAGE (create_hidden_icon ("go-up-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (card->change_icon), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card->change_box), GTK_WIDGET (card->change_icon));
  card->change_label = GTK_LABEL (create_label ("caption", FALSE));
  gtk_widget_add_css_class (GTK_WIDGET (card->change_label), "numeric");
  gtk_label_set_ellipsize (card->change_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (card->change_box), GTK_WIDGET (card->change_label));
  gtk_box_append (GTK_BOX (summary), card->change_box);

  /* The same width in every card: the clamp keeps wrapping labels from
   * asking for more width when the card is short (width-for-height), and
   * only the steps take the extra width, not the expanding title inside.
   */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), SUMMARY_WIDTH);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), SUMMARY_WIDTH);
  adw_clamp_set_child (ADW_CLAMP (clamp), summary);
  gtk_widget_set_size_request (clamp, SUMMARY_WIDTH, -1);
  gtk_widget_set_hexpand (clamp, FALSE);
  gtk_box_append (GTK_BOX (columns), clamp);
  gtk_box_append (GTK_BOX (columns), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  /* The next steps */
  card->steps_title = GTK_LABEL (create_label ("heading", TRUE));
  gtk_box_append (GTK_BOX (steps), GTK_WIDGET (card->steps_title));
  card->steps_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (steps), GTK_WIDGET (card->steps_box));
  gtk_widget_set_hexpand (steps, TRUE);
  gtk_box_append (GTK_BOX (columns), steps);
  gtk_box_append (GTK_BOX (box), columns);

  /* The governance cap */
  card->cap_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (card->cap_box, "pw-cap");
  gtk_box_append (GTK_BOX (card->cap_box), create_hidden_icon ("dialog-warning-symbolic"));
  card->cap_label = GTK_LABEL (create_label (NULL, TRUE));
  gtk_label_set_max_width_chars (card->cap_label, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (card->cap_label), TRUE);
  gtk_box_append (GTK_BOX (card->cap_box), GTK_WIDGET (card->cap_label));
  gtk_box_append (GTK_BOX (box), card->cap_box);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "pw-dimension-card");

  card->child = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (card->child), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (card->child), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dimension->name,
                                  -1);

  return card;
}

static GtkWidget *
create_step (const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bullet = gtk_label_new ("•");
  GtkWidget *label = create_label (NULL, TRUE);

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_add_css_class (bullet, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (bullet),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), label);

  return row;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The steps from @phase to the next one; from phase 1 without a score. */
static void
update_steps (DimensionCard *card,
              PwFramework   *framework,
              int            phase,
              gboolean       has_score)
{
  const PwDimension *dimension = card->dimension;
  g_autofree char *next = NULL;
  g_autofree char *title = NULL;
  int shown = has_score ? phase : -1;

  if (card->steps_phase == shown)
    return;
  card->steps_phase = shown;

  clear_box (card->steps_box);

  if (!has_score)
    phase = 1;

  if (phase >= PW_N_PHASES)
    {
      GtkWidget *label = create_label (NULL, TRUE);

      gtk_label_set_label (card->steps_title, _("Highest phase reached"));
      gtk_label_set_label (GTK_LABEL (label),
                           _("There is no next phase. Keep what got you here, and check at "
                             "every round that it still works."));
      gtk_box_append (card->steps_box, label);
      return;
    }

  next = format_phase (framework, phase + 1);
  if (has_score)
    /* Translators: above the steps of a dimension, "Next steps towards Phase 4 · The Relators" */
    title = g_strdup_printf (_("Next steps towards %s"), next);
  else
    /* Translators: above the steps of a dimension without a score, the steps from phase 1:
     * "First steps towards Phase 2 · The Seekers" */
    title = g_strdup_printf (_("First steps towards %s"), next);
  gtk_label_set_label (card->steps_title, title);

  if (dimension->next_steps[phase - 1] == NULL || dimension->next_steps[phase - 1][0] == NULL)
    {
      GtkWidget *label = create_label ("dim-label", TRUE);

      gtk_label_set_label (GTK_LABEL (label), _("The framework suggests no steps here."));
      gtk_box_append (card->steps_box, label);
      return;
    }

  for (guint i = 0; dimension->next_steps[phase - 1][i] != NULL; i++)
    gtk_box_append (card->steps_box, create_step (dimension->next_steps[phase - 1][i]));
}

static void
update_card (PwResultView           *self,
             DimensionCard          *card,
             const PwDimensionScore *result,
             const PwDimensionScore *previous,
             const char             *previous_name)
{
  GtkWidget *score_label = GTK_WIDGET (card->score_label);
  g_autofree char *phase = NULL;
  g_autofree char *coverage = NULL;
  g_autofree char *description = NULL;
  g_autofree char *score = NULL;

  if (result->has_score)
    {
      phase = format_phase (self->framework, result->phase);
      score = g_strdup_printf ("%.1f", result->score);
      gtk_label_set_label (card->score_label, score);
      gtk_widget_remove_css_class (score_label, "dim-label");
      gtk_widget_remove_css_class (score_label, "heading");
      gtk_widget_add_css_class (score_label, "title-2");
      gtk_level_bar_set_value (card->bar, result->score);
      /* Translators: the score of a dimension for screen readers, "3.4 of 5" */
      description = g_strdup_printf (_("%.1f of 5"), result->score);
      gtk_accessible_update_property (GTK_ACCESSIBLE (card->bar),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, description,
                                      -1);
      g_clear_pointer (&description, g_free);
    }
  else
    {
      phase = g_strdup (_("Answer one of its questions to score it"));
      gtk_label_set_label (card->score_label, _("No score"));
      gtk_widget_remove_css_class (score_label, "title-2");
      gtk_widget_add_css_class (score_label, "heading");
      gtk_widget_add_css_class (score_label, "dim-label");
    }
  gtk_label_set_label (card->phase_label, phase);
  gtk_widget_set_visible (GTK_WIDGET (card->bar), result->has_score);

  /* Translators: the coverage of a dimension, "3 of 4 answered" */
  coverage = g_strdup_printf (ngettext ("%u of %u answered", "%u of %u answered", result->total),
                              result->counted, result->total);
  gtk_label_set_label (card->coverage_label, coverage);

  /* The change since the previous round */
  gtk_widget_set_visible (card->change_box, previous != NULL);
  if (previous != NULL)
    {
      g_autofree char *remark = NULL;

      if (result->has_score && previous->has_score)
        {
          show_change (card->change_icon, card->change_label,
                       result->score, previous->score, previous_name);
        }
      else if (result->has_score)
        {
          /* Translators: a dimension that had no score in the previous round,
           * "New since Baseline 2025" */
          remark = g_strdup_printf (_("New since %s"), previous_name);
          show_remark (card->change_icon, card->change_label, remark);
        }
      else if (previous->has_score)
        {
          /* Translators: the score of a dimension in the previous round, "2.3 in Baseline 2025" */
          remark = g_strdup_printf (_("%.1f in %s"), previous->score, previous_name);
          show_remark (card->change_icon, card->change_label, remark);
        }
      else
        {
          gtk_widget_set_visible (card->change_box, FALSE);
        }
    }

  /* The cap */
  gtk_widget_set_visible (card->cap_box, result->capped);
  if (result->capped)
    {
      g_autofree char *cap = NULL;

      /* Translators: after the reason of the governance cap: the score from the answers alone */
      cap = g_strdup_printf (_("%s The answers alone give %.1f."),
                             result->cap_reason ? result->cap_reason : "", result->raw_score);
      gtk_label_set_label (card->cap_label, cap);
      gtk_widget_add_css_class (gtk_widget_get_first_child (card->child), "capped");
    }
  else
    {
      gtk_widget_remove_css_class (gtk_widget_get_first_child (card->child), "capped");
    }

  update_steps (card, self->framework, result->phase, result->has_score);

  /* What a screen reader says when the card is focused */
  if (result->has_score)
    /* Translators: a dimension card for screen readers: phase, score and coverage,
     * "Phase 3 · The Integrators, score 3.4, 4 of 4 answered" */
    description = g_strdup_printf (_("%s, score %.1f, %s"), phase, result->score, coverage);
  else
    /* Translators: a dimension card without a score for screen readers,
     * "No score, 0 of 4 answered" */
    description = g_strdup_printf (_("No score, %s"), coverage);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->child),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
remove_cards (PwResultView *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      DimensionCard *card = g_ptr_array_index (self->cards, i);

      gtk_list_box_remove (self->cards_box, card->child);
    }
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
      DimensionCard *card = create_card (pw_framework_get_dimension (framework, i));

      g_ptr_array_add (self->cards, card);
      gtk_list_box_append (self->cards_box, card->child);
    }
}

/* Watching the model */

static void
model_changed_cb (PwResultView *self)
{
  refresh (self);
}

static void
assessment_notify_cb (PwResultView *self,
                      GParamSpec   *pspec,
                      PwAssessment *assessment)
{
  refresh (self);
}

static void
assessments_changed_cb (PwResultView *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *model)
{
  refresh (self);
}

static void
unwatch (PwResultView *self,
         gpointer     *object)
{
  if (*object == NULL)
    return;

  g_signal_handlers_disconnect_by_data (*object, self);
  g_clear_object (object);
}

/* The previous round changes with the workbook's list, so it is watched
 * from refresh().
 */
static void
watch_previous (PwResultView *self,
                PwAssessment *previous)
{
  if (self->previous == previous)
    return;

  unwatch (self, (gpointer *) &self->previous);
  if (previous == NULL)
    return;

  self->previous = g_object_ref (previous);
  g_signal_connect_object (previous, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (previous, "notify", G_CALLBACK (assessment_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
unwatch_all (PwResultView *self)
{
  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  unwatch (self, (gpointer *) &self->policy);
  unwatch (self, (gpointer *) &self->org_map);
  unwatch (self, (gpointer *) &self->assessments);
  unwatch (self, (gpointer *) &self->previous);
}

static void
watch_all (PwResultView *self)
{
  g_assert (PW_IS_WORKBOOK (self->workbook));
  g_assert (PW_IS_ASSESSMENT (self->assessment));

  g_signal_connect_object (self->assessment, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assessment, "notify", G_CALLBACK (assessment_notify_cb), self,
                           G_CONNECT_SWAPPED);

  self->policy = g_object_ref (pw_workbook_get_policy (self->workbook));
  g_signal_connect_object (self->policy, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->org_map = g_object_ref (pw_workbook_get_org_map (self->workbook));
  g_signal_connect_object (self->org_map, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->assessments = g_object_ref (pw_workbook_get_assessments (self->workbook));
  g_signal_connect_object (self->assessments, "items-changed",
                           G_CALLBACK (assessments_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Updating */

static void
update_header (PwResultView  *self,
               const PwScore *score,
               const PwScore *previous,
               const char    *previous_name)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *scope = NULL;
  g_autofree char *coverage = NULL;
  const char *round_name = pw_assessment_get_round (self->assessment);
  const char *date = pw_assessment_get_date (self->assessment);

  /* Scope, round and date */
  g_ptr_array_add (parts, pw_workbook_describe_scope (self->workbook, self->assessment));
  if (round_name != NULL && *round_name != '\0')
    g_ptr_array_add (parts, g_strdup (round_name));
  if (date != NULL && *date != '\0')
    g_ptr_array_add (parts, format_date (date));
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the scope, round and date above a result */
  scope = g_strjoinv (_(" · "), (char **) parts->pdata);
  gtk_label_set_label (self->scope_label, scope);

  g_clear_pointer (&self->headline, g_free);
  if (score->has_score)
    {
      const PwPhaseInfo *info = pw_framework_get_phase (self->framework, score->phase);
      g_autofree char *badge = g_strdup_printf ("%d", score->phase);
      g_autofree char *text = NULL;

      self->headline = format_phase (self->framework, score->phase);
      gtk_label_set_label (self->badge_label, badge);
      /* Translators: the overall score, "Score 3.1 of 5" */
      text = g_strdup_printf (_("Score %.1f of 5"), score->score);
      gtk_label_set_label (self->score_label, text);
      gtk_label_set_label (self->summary_label, info != NULL ? info->summary : NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                              info != NULL && info->summary != NULL && *info->summary != '\0');
    }
  else
    {
      self->headline = g_strdup (_("No score yet"));
      /* Translators: in the round badge of a result without a score, in place of the phase */
      gtk_label_set_label (self->badge_label, C_("no phase", "–"));
      gtk_label_set_label (self->score_label,
                           _("Answer at least one question with one of its five options to see "
                             "a phase. “Don’t know” and “Not applicable” do not count."));
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
    }
  gtk_label_set_label (self->headline_label, self->headline);
  if (score->has_score)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "empty");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), "empty");
  if (score->has_score)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "body");
      gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "title-4");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "title-4");
      gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "body");
    }

  /* Translators: the coverage of an assessment, "43 of 46 questions answered, 93 %" */
  coverage = g_strdup_printf (ngettext ("%u of %u question answered, %d %%",
                                        "%u of %u questions answered, %d %%",
                                        score->total),
                              score->counted, score->total, percent (score->counted, score->total));
  gtk_label_set_label (self->coverage_label, coverage);

  if (score->has_score && previous != NULL && previous->has_score)
    show_change (self->change_icon, self->change_label, score->score, previous->score,
                 previous_name);
  gtk_widget_set_visible (GTK_WIDGET (self->change_box),
                          score->has_score && previous != NULL && previous->has_score);
}

static void
update_weakest (PwResultView  *self,
                const PwScore *score)
{
  const PwDimensionScore *weakest;
  g_autofree char *title = NULL;

  self->weakest = score->has_score ? score->weakest : -1;
  gtk_widget_set_visible (GTK_WIDGET (self->weakest_list), self->weakest >= 0);
  if (self->weakest < 0)
    return;

  weakest = &score->dimensions[self->weakest];
  /* Translators: the weakest dimension, its phase and score:
   * "Weakest link: Measurement & analytics — phase 2 (2.2)" */
  title = g_strdup_printf (_("Weakest link: %s — phase %d (%.1f)"),
                           weakest->dimension->name, weakest->phase, weakest->score);
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
  g_autofree char *current_name = describe_round (self->assessment);

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
}

static void
refresh (PwResultView *self)
{
  g_autoptr(PwScore) score = NULL;
  g_autoptr(PwScore) previous_score = NULL;
  g_autofree char *previous_name = NULL;
  PwAssessment *previous;
  PwPolicy *policy;

  if (self->workbook == NULL || self->assessment == NULL)
    {
      clear (self);
      return;
    }

  ensure_cards (self, pw_workbook_get_framework (self->workbook));
  policy = pw_workbook_get_policy (self->workbook);

  score = pw_score_compute (self->framework, self->assessment, policy);
  previous = pw_workbook_get_previous_round (self->workbook, self->assessment);
  watch_previous (self, previous);
  if (previous != NULL)
    {
      previous_score = pw_score_compute (self->framework, previous, policy);
      previous_name = describe_round (previous);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->header_box), TRUE);
  update_header (self, score, previous_score, previous_name);
  update_weakest (self, score);
  update_chart (self, score, previous_score, previous_name);

  g_assert (score->n_dimensions == self->cards->len);
  for (guint i = 0; i < self->cards->len; i++)
    {
      const PwDimensionScore *before = NULL;

      if (previous_score != NULL && previous_score->n_dimensions == score->n_dimensions)
        before = &previous_score->dimensions[i];
      update_card (self, g_ptr_array_index (self->cards, i), &score->dimensions[i], before,
                   previous_name);
    }
}

/* Callbacks */

static void
weakest_row_activated_cb (PwResultView *self,
                          AdwActionRow *row)
{
  DimensionCard *card;

  if (self->weakest < 0 || (guint) self->weakest >= self->cards->len)
    return;

  card = g_ptr_array_index (self->cards, self->weakest);
  gtk_widget_grab_focus (card->child);
}

/* GObject */

static void
pw_result_view_dispose (GObject *object)
{
  PwResultView *self = (PwResultView *)object;

  unwatch_all (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_RESULT_VIEW);
  g_clear_object (&self->assessment);
  g_clear_object (&self->workbook);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->headline, g_free);

  G_OBJECT_CLASS (pw_result_view_parent_class)->dispose (object);
}

static void
pw_result_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwResultView *self = PW_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;

    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_result_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwResultView *self = PW_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      pw_result_view_set_assessment (self, g_value_get_object (value), self->assessment);
      break;

    case PROP_ASSESSMENT:
      pw_result_view_set_assessment (self, self->workbook, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_result_view_class_init (PwResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_result_view_dispose;
  object_class->get_property = pw_result_view_get_property;
  object_class->set_property = pw_result_view_set_property;

  properties [PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL,
                         PW_TYPE_WORKBOOK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         PW_TYPE_ASSESSMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PW_TYPE_RADAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-result-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PwResultView, header_box);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, badge_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, scope_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, headline_label);
  gtk_widget_class_bind_template_child (widget_class, PwResultView, score_label);
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
  gtk_widget_class_bind_template_callback (widget_class, weakest_row_activated_cb);
}

static void
pw_result_view_init (PwResultView *self)
{
  self->cards = g_ptr_array_new_with_free_func (g_free);
  self->weakest = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

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
 * pw_result_view_set_assessment:
 * @workbook: (nullable): the workbook of @assessment
 * @assessment: (nullable): the assessment to show
 *
 * Shows the result of @assessment, and follows it and the workbook's policy
 * checklist from now on.
 */
void
pw_result_view_set_assessment (PwResultView *self,
                               PwWorkbook   *workbook,
                               PwAssessment *assessment)
{
  gboolean workbook_changed;
  gboolean assessment_changed;

  g_return_if_fail (PW_IS_RESULT_VIEW (self));
  g_return_if_fail (workbook == NULL || PW_IS_WORKBOOK (workbook));
  g_return_if_fail (assessment == NULL || PW_IS_ASSESSMENT (assessment));

  workbook_changed = self->workbook != workbook;
  assessment_changed = self->assessment != assessment;
  if (!workbook_changed && !assessment_changed)
    return;

  unwatch_all (self);
  g_set_object (&self->workbook, workbook);
  g_set_object (&self->assessment, assessment);
  if (workbook != NULL && assessment != NULL)
    watch_all (self);

  refresh (self);

  if (workbook_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
  if (assessment_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

/**
 * pw_result_view_get_workbook:
 *
 * Returns: (transfer none) (nullable): the workbook shown
 */
PwWorkbook *
pw_result_view_get_workbook (PwResultView *self)
{
  g_return_val_if_fail (PW_IS_RESULT_VIEW (self), NULL);

  return self->workbook;
}

/**
 * pw_result_view_get_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment shown
 */
PwAssessment *
pw_result_view_get_assessment (PwResultView *self)
{
  g_return_val_if_fail (PW_IS_RESULT_VIEW (self), NULL);

  return self->assessment;
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

  return self->headline;
}
